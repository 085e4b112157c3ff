package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.Resolution;

import java.time.Instant;

/**
 * One work order of a case, as folded from its events.
 *
 * @param department      the department holding it now (the last transfer's, or the dispatch's)
 * @param surveyedAt      when the customer's answer (or the closing) ended the survey of this work order
 * @param handover        the work order is the manager hotline's: the customer was handed over to it (经理热线)
 * @param faultOf         who was at fault, as its return named it; null before the return or when it named none
 * @param dissatisfaction why the customer was dissatisfied with the answer before, for a work order a failed survey
 *                        caused (a redispatch, a handover, or the first order after the first contact's answer)
 * @param urgedAt         when routing urged the department (the RETURN clock's warning); null until then
 * @param escalationLevel the last level of the escalation ladder it was escalated to; 0 before the deadline
 * @param noticedAt       when management was told it is overdue (a key customer's or the regulator's); null otherwise
 * @param transfers       how many times it was passed to another department
 */
public record WorkOrder(
        String dispatchId, int attempt, String department, String rule, String previousDispatchId,
        Instant dispatchedAt, WorkOrderStatus status, Instant returnedAt, Resolution resolution,
        Boolean operatorAtFault, Instant surveyedAt, boolean handover, FaultParty faultOf, String dissatisfaction,
        Instant urgedAt, int escalationLevel, Instant noticedAt, int transfers) {

    /** A work order as dispatched: open, with nothing happened to it yet. */
    static WorkOrder dispatched(String dispatchId, int attempt, String department, String rule,
                                String previousDispatchId, Instant dispatchedAt, boolean handover,
                                String dissatisfaction) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                WorkOrderStatus.OPEN, null, null, null, null, handover, null, dissatisfaction, null, 0, null, 0);
    }

    WorkOrder returned(Instant at, Resolution resolution, boolean operatorAtFault, FaultParty faultOf) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                WorkOrderStatus.RETURNED, at, resolution, operatorAtFault, surveyedAt, handover, faultOf,
                dissatisfaction, urgedAt, escalationLevel, noticedAt, transfers);
    }

    WorkOrder superseded() {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                WorkOrderStatus.SUPERSEDED, returnedAt, resolution, operatorAtFault, surveyedAt, handover, faultOf,
                dissatisfaction, urgedAt, escalationLevel, noticedAt, transfers);
    }

    WorkOrder surveyed(Instant at) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                status, returnedAt, resolution, operatorAtFault, at, handover, faultOf,
                dissatisfaction, urgedAt, escalationLevel, noticedAt, transfers);
    }

    WorkOrder urged(Instant at) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                status, returnedAt, resolution, operatorAtFault, surveyedAt, handover, faultOf,
                dissatisfaction, at, escalationLevel, noticedAt, transfers);
    }

    WorkOrder escalated(int level) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                status, returnedAt, resolution, operatorAtFault, surveyedAt, handover, faultOf,
                dissatisfaction, urgedAt, level, noticedAt, transfers);
    }

    WorkOrder noticed(Instant at) {
        return new WorkOrder(dispatchId, attempt, department, rule, previousDispatchId, dispatchedAt,
                status, returnedAt, resolution, operatorAtFault, surveyedAt, handover, faultOf,
                dissatisfaction, urgedAt, escalationLevel, at, transfers);
    }

    WorkOrder transferredTo(String toDepartment) {
        return new WorkOrder(dispatchId, attempt, toDepartment, rule, previousDispatchId, dispatchedAt,
                status, returnedAt, resolution, operatorAtFault, surveyedAt, handover, faultOf,
                dissatisfaction, urgedAt, escalationLevel, noticedAt, transfers + 1);
    }
}
