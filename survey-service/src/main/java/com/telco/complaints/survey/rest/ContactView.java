package com.telco.complaints.survey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.FinalAnswer;

import java.time.Instant;

/**
 * A contact of the customer desk's log, as recorded.
 *
 * @param contactedBy who made the contact
 * @param contactedAt when it was made (recorded)
 * @param dispatchId  the work order whose return a final answer was taken from, when the survey call gave it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(String contactId, String complaintId, ContactKind kind, ContactChannel channel,
                          boolean reached, String summary, Instant agreedNextContactBy, FinalAnswer answer,
                          String contactedBy, Instant contactedAt, String dispatchId) {

    static ContactView of(CustomerContacted c) {
        return new ContactView(c.contactId(), c.complaintId(), c.kind(), c.channel(), c.reachedCustomer(), c.summary(),
                c.agreedNextContactBy(), c.answer(), c.actor(), c.occurredAt(), c.dispatchId());
    }
}
