package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.Resolution;

import java.time.Instant;

/**
 * One work order of a case, as folded from its events.
 *
 * @param surveyedAt when the customer's answer (or the closing) ended the survey of this work order
 */
public record WorkOrder(
        String dispatchId, int attempt, String department, String rule, String previousDispatchId,
        Instant dispatchedAt, WorkOrderStatus status, Instant returnedAt, Resolution resolution,
        Boolean operatorAtFault, Instant surveyedAt) {

    WorkOrder returned(Instant at, Resolution resolution, boolean operatorAtFault) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                WorkOrderStatus.RETURNED, at, resolution, operatorAtFault, surveyedAt);
    }

    WorkOrder superseded() {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                WorkOrderStatus.SUPERSEDED, returnedAt, resolution, operatorAtFault, surveyedAt);
    }

    WorkOrder surveyed(Instant at) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                status, returnedAt, resolution, operatorAtFault, at);
    }
}
