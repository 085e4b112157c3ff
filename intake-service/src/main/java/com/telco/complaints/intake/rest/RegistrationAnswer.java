package com.telco.complaints.intake.rest;

import com.telco.complaints.contracts.event.ComplaintRegistered;

import java.time.Instant;

/** The answer to a registration, the same for the first request and every retry of it. */
public record RegistrationAnswer(String complaintId, Instant registeredAt, Instant promisedReplyBy) {
    static RegistrationAnswer of(ComplaintRegistered registered) {
        return new RegistrationAnswer(registered.complaintId(), registered.occurredAt(), registered.promisedReplyBy());
    }
}
