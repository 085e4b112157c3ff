package com.telco.complaints.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer desk contacted the customer (or tried to). The SLA service's CONTACT, ANSWER and
 * PROGRESS clocks follow these; {@code actor} is the person who made the contact.
 *
 * @param contactId           the contact's number within the case, e.g. {@code K-20261125-00000042-1}
 * @param reached             whether the customer was reached (a written message counts as sent, not as reached)
 * @param agreedNextContactBy when the customer agreed to hear from us next, if they did
 * @param answer              for {@link ContactKind#FINAL_ANSWER} only: the cause, the process and the solution
 * @param dispatchId          the work order whose return the answer rests on, when it was taken from a return
 */
public record CustomerContacted(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String contactId, ContactKind kind, ContactChannel channel, Boolean reached, String summary,
        Instant agreedNextContactBy, FinalAnswer answer, String dispatchId) implements ComplaintEvent {

    /** The customer has been given the answer: reached, or sent in writing. */
    @JsonIgnore
    public boolean answers() {
        return kind == ContactKind.FINAL_ANSWER && (reachedCustomer() || channel.inWriting());
    }

    /** The customer was reached. */
    @JsonIgnore
    public boolean reachedCustomer() {
        return Boolean.TRUE.equals(reached);
    }

    /** A later contact was agreed with the customer (only a reached customer can agree to one). */
    @JsonIgnore
    public boolean agreesLaterContact() {
        return reachedCustomer() && agreedNextContactBy != null && agreedNextContactBy.isAfter(occurredAt);
    }
}
