package com.telco.complaints.contracts.lifecycle;

/** A reason, and a sentence for the log that says which case and which work order. */
public record Rejection(RejectionReason reason, String detail) {
    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
