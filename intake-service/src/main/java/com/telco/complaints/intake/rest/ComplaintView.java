package com.telco.complaints.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.ExternalRef;
import com.telco.complaints.contracts.event.Urgency;

import java.time.Instant;

/** A registration as accepted: normalized and classified. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintView(
        String complaintId, Instant registeredAt, Instant promisedReplyBy, String registeredBy,
        Channel channel, Category category, String subcategory, Urgency urgency, String region,
        Customer customer, String description, String demand, ExternalRef externalRef) {

    static ComplaintView of(ComplaintRegistered r) {
        return new ComplaintView(r.complaintId(), r.occurredAt(), r.promisedReplyBy(), r.actor(), r.channel(),
                r.category(), r.subcategory(), r.urgency(), r.region(), r.customer(), r.description(), r.demand(),
                r.externalRef());
    }
}
