package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A deadline passed before the awaited event (urge, escalate); {@code occurredAt} equals {@code deadline}.
 *
 * @param sequence the run of the clock (PROGRESS), as announced; null otherwise
 */
public record SlaBreached(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        SlaClock clock, String dispatchId, Instant deadline, Integer sequence) implements ComplaintEvent {}
