package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The warning point of a clock passed before the awaited event; {@code occurredAt} equals {@code warnAt}.
 *
 * @param sequence the run of the clock (PROGRESS), as announced; null otherwise
 */
public record SlaWarningRaised(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        SlaClock clock, String dispatchId, Instant warnAt, Instant deadline, Integer sequence) implements ComplaintEvent {}
