package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Billing recorded the service provider's proof that a disputed charge was right (seed 004): the charge is upheld
 * and no provisional refund is owed. It stops the case's PROOF clock. Once per case, never after a refund.
 *
 * @param dispatchId the billing work order it was recorded on
 * @param spCode     the service provider that proved the charge
 * @param summary    what the proof is (e.g. the subscription record and the customer's confirmation)
 */
public record SpProofReceived(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, String spCode, String summary) implements ComplaintEvent {}
