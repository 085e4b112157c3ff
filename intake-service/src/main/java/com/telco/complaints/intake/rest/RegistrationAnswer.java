package com.telco.complaints.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.ComplaintRegistered;

import java.time.Instant;

/**
 * The answer to a registration, the same for the first request and every retry of it.
 *
 * @param resolvedAtFirstContact true when the complaint was resolved during the first contact: no work order
 *                               follows, the customer is surveyed next; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationAnswer(String complaintId, Instant registeredAt, Instant promisedReplyBy,
                                 Boolean resolvedAtFirstContact) {
    static RegistrationAnswer of(ComplaintRegistered registered) {
        return new RegistrationAnswer(registered.complaintId(), registered.occurredAt(), registered.promisedReplyBy(),
                registered.resolvedOnTheSpot() ? Boolean.TRUE : null);
    }
}
