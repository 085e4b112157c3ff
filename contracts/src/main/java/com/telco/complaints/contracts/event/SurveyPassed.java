package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** The customer is satisfied with the returned work order. */
public record SurveyPassed(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int attempt) implements ComplaintEvent {}
