package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer is dissatisfied. Survey decides {@code redispatch}: the operator was at fault and
 * the attempt limit is not reached.
 *
 * @param explanation what was explained or offered instead; required when the operator is not at fault
 */
public record SurveyFailed(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int attempt, String reason, Boolean operatorAtFault, String explanation,
        Boolean redispatch) implements ComplaintEvent {}
