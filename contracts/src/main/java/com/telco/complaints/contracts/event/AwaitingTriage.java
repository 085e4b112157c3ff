package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * No dispatch rule fits the complaint: it waits in routing's triage queue until an operator dispatches
 * it (the operator procedures' T3: half a working day, the SLA service's DISPATCH clock).
 *
 * @param reason why no rule fits, e.g. the complaint's category and region
 */
public record AwaitingTriage(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String reason) implements ComplaintEvent {}
