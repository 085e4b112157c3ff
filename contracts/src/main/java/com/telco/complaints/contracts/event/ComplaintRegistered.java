package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Intake accepted, numbered and classified a complaint.
 *
 * @param resolvedAtFirstContact present when the complaint was resolved during the first contact: it is not
 *                               dispatched, the customer was answered at registration and is surveyed next
 * @param billingDispute         for a BUSINESS complaint that disputes a service provider's charge (v3): what is
 *                               disputed; it runs the PROOF clock and may earn a provisional refund
 */
public record ComplaintRegistered(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        Channel channel, Category category, String subcategory, Urgency urgency, String region,
        Customer customer, String description, String demand, ExternalRef externalRef,
        Instant promisedReplyBy, FirstContactResolution resolvedAtFirstContact, BillingDispute billingDispute)
        implements ComplaintEvent {

    /** Resolved during the first contact: no work order, answered at registration. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean resolvedOnTheSpot() {
        return resolvedAtFirstContact != null;
    }
}
