package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** Routing sent the first work order of a case to a department. */
public record Dispatched(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int attempt, String department, String rule) implements ComplaintEvent {}
