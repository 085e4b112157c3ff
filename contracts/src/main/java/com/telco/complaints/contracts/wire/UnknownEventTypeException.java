package com.telco.complaints.contracts.wire;

/** The {@code ce_type} of a record names no event (or no version) this code can read. */
public class UnknownEventTypeException extends EventDecodingException {
    public UnknownEventTypeException(String message) {
        super(message);
    }
}
