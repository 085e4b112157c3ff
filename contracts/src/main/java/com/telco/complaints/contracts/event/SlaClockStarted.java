package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The SLA service started a clock and announces its deadlines; they are facts from now on.
 *
 * @param dispatchId the work order the clock watches; null for the clocks of the case (CASE, CONTACT, ANSWER, PROGRESS)
 * @param sequence   which run of a clock that runs more than once per case this is, from 1 (PROGRESS); null otherwise
 */
public record SlaClockStarted(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        SlaClock clock, String dispatchId, Instant startedAt, Instant warnAt, Instant deadline,
        SlaPolicyApplied policy, Integer sequence) implements ComplaintEvent {}
