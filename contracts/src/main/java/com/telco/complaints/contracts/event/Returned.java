package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** The department returned its work order with the structured result of seed 001. */
public record Returned(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int attempt, String department,
        String reconstruction, String customerDemand, String problemFound, String measures,
        Resolution resolution, Boolean operatorAtFault) implements ComplaintEvent {}
