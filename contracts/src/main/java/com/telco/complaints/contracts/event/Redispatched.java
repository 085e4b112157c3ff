package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** A new work order after a SurveyFailed with redispatch; the previous one is superseded. */
public record Redispatched(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, String previousDispatchId, int attempt, String department,
        String rule) implements ComplaintEvent {}
