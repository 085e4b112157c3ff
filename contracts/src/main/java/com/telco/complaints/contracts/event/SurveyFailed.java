package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer is dissatisfied. Survey decides {@code redispatch}: the operator was at fault and
 * the attempt limit is not reached; or {@code handover}: the customer goes to the manager hotline (经理热线),
 * because they do not accept the explanation or their redispatches are used up.
 *
 * @param dispatchId  the work order surveyed; null for the answer given at the first contact (a redispatch is
 *                    then the case's first work order)
 * @param attempt     the work order's attempt; 0 for the answer given at the first contact
 * @param explanation what was explained or offered instead; required when the operator is not at fault
 * @param handover    true when routing hands the case to the manager hotline (a work order of its own);
 *                    absent on events written before the hotline existed
 */
public record SurveyFailed(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int attempt, String reason, Boolean operatorAtFault, String explanation,
        Boolean redispatch, Boolean handover) implements ComplaintEvent {

    /** Routing owes the case a new work order: redispatched, or handed to the manager hotline. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean owesWorkOrder() {
        return Boolean.TRUE.equals(redispatch) || Boolean.TRUE.equals(handover);
    }
}
