package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A survey call did not reach the customer. Recorded as a fact so that the survey state, which
 * counts these towards closing as UNREACHABLE, can be rebuilt from the log.
 *
 * @param dispatchId       the work order surveyed; null for the answer given at the first contact
 * @param unreachableCount how many attempts for this work order have now failed to reach the customer
 */
public record CustomerUnreachable(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int unreachableCount) implements ComplaintEvent {}
