package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.Resolution;

import java.time.Instant;

/**
 * One work order of a case, as folded from its events.
 *
 * @param surveyedAt when the customer's answer (or the closing) ended the survey of this work order
 * @param handover   the work order is the manager hotline's: the customer was handed over to it (经理热线)
 */
public record WorkOrder(
        String dispatchId, int attempt, String department, String rule, String previousDispatchId,
        Instant dispatchedAt, WorkOrderStatus status, Instant returnedAt, Resolution resolution,
        Boolean operatorAtFault, Instant surveyedAt, boolean handover) {

    WorkOrder returned(Instant at, Resolution resolution, boolean operatorAtFault) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                WorkOrderStatus.RETURNED, at, resolution, operatorAtFault, surveyedAt, handover);
    }

    WorkOrder superseded() {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                WorkOrderStatus.SUPERSEDED, returnedAt, resolution, operatorAtFault, surveyedAt, handover);
    }

    WorkOrder surveyed(Instant at) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                status, returnedAt, resolution, operatorAtFault, at, handover);
    }
}
