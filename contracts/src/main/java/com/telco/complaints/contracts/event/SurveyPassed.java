package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer is satisfied with the returned work order, or with the answer given at the first contact.
 *
 * @param dispatchId the work order surveyed; null for the answer given at the first contact
 * @param attempt    the work order's attempt; 0 for the answer given at the first contact
 */
public record SurveyPassed(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int attempt) implements ComplaintEvent {}
