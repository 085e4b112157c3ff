package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of one case's work orders, as the KPIs count it: how many were dispatched, how many of them were
 * transferred to another department (a misrouting), urged at the RETURN clock's warning, escalated past their
 * deadline, and who each return found at fault.
 *
 * @param dispatched  work orders the case has had (every attempt, the manager hotline's included)
 * @param transferred of those, the ones passed to another department at least once
 * @param urged       of those, the ones routing urged (WorkOrderUrged)
 * @param escalated   of those, the ones escalated to a level of the ladder at least once (WorkOrderEscalated; a notice
 *                    to management alone is no escalation here)
 * @param faults      the faultOf of each return that named one, in work-order order; a return without one (before
 *                    Returned v2, or none named) is left out
 */
public record WorkOrderCounts(int dispatched, int transferred, int urged, int escalated, List<FaultParty> faults) {

    /** A case without work orders. */
    public static final WorkOrderCounts NONE = new WorkOrderCounts(0, 0, 0, 0, List.of());

    public WorkOrderCounts {
        faults = List.copyOf(faults);
    }

    public static WorkOrderCounts of(CaseState state) {
        int transferred = 0;
        int urged = 0;
        int escalated = 0;
        List<FaultParty> faults = new ArrayList<>();
        for (WorkOrder w : state.workOrders()) {
            if (w.transfers() > 0) {
                transferred++;
            }
            if (w.urgedAt() != null) {
                urged++;
            }
            if (w.escalationLevel() > 0) {
                escalated++;
            }
            if (w.returnedAt() != null && w.faultOf() != null) {
                faults.add(w.faultOf());
            }
        }
        return new WorkOrderCounts(state.workOrders().size(), transferred, urged, escalated, faults);
    }
}
