package com.telco.complaints.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.ExternalRef;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.eventing.rest.PersonalData;

import java.time.Instant;

/**
 * A registration as accepted: normalized and classified.
 *
 * @param resolvedAtFirstContact present when the complaint was resolved during the first contact (not dispatched)
 * @param billingDispute         present when the complaint disputes a service provider's charge (not personal data:
 *                               shown masked or not)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintView(
        String complaintId, Instant registeredAt, Instant promisedReplyBy, String registeredBy,
        Channel channel, Category category, String subcategory, Urgency urgency, String region,
        Customer customer, String description, String demand, ExternalRef externalRef,
        FirstContactResolution resolvedAtFirstContact, BillingDispute billingDispute) {

    static ComplaintView of(ComplaintRegistered r) {
        return of(r, r.customer());
    }

    /** The registration without the person: the customer's name, phone and contact masked, free text as it is. */
    static ComplaintView masked(ComplaintRegistered r) {
        Customer c = r.customer();
        return of(r, new Customer(PersonalData.maskName(c.name()), PersonalData.maskPhone(c.phone()), c.tier(),
                PersonalData.maskContact(c.contact())));
    }

    private static ComplaintView of(ComplaintRegistered r, Customer customer) {
        return new ComplaintView(r.complaintId(), r.occurredAt(), r.promisedReplyBy(), r.actor(), r.channel(),
                r.category(), r.subcategory(), r.urgency(), r.region(), customer, r.description(), r.demand(),
                r.externalRef(), r.resolvedAtFirstContact(), r.billingDispute());
    }
}
