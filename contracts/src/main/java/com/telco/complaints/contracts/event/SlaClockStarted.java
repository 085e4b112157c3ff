package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The SLA service started a clock and announces its deadlines; they are facts from now on.
 *
 * @param dispatchId the work order the clock watches; null for the CASE clock
 */
public record SlaClockStarted(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        SlaClock clock, String dispatchId, Instant startedAt, Instant warnAt, Instant deadline,
        SlaPolicyApplied policy) implements ComplaintEvent {}
