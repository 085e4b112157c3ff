package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The case is closed and archived.
 *
 * @param dispatchId the last work order of the case
 */
public record ComplaintClosed(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        CloseOutcome outcome, String dispatchId, String summary) implements ComplaintEvent {}
