package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.rest.RequestProblems;
import io.quarkus.security.ForbiddenException;

import java.time.Instant;

/**
 * Deciding a return: only the work order's own department can return it, only while it is open,
 * and only once.
 */
public final class Returns {

    /** The work order is another department's: refused (403) before its state is even looked at. */
    public static final class OtherDepartment extends ForbiddenException {
        public OtherDepartment(String message) {
            super(message);
        }
    }

    /** The work order exists but is not open: returned already, superseded, or its case closed. */
    public static final class WorkOrderNotOpen extends RequestProblems.Conflict {
        public WorkOrderNotOpen(String message) {
            super("work-order-not-open", "Work order not open", message);
        }
    }

    private Returns() {}

    /**
     * @param department the department returning it (the agent's)
     * @throws OtherDepartment  when the work order is another department's
     * @throws WorkOrderNotOpen when it is returned already, superseded, or its case is closed
     */
    public static Returned decide(CaseState state, String dispatchId, ReturnRequest request, String department,
                                  Instant now, String causationId) {
        WorkOrder workOrder = state.workOrder(dispatchId)
                .orElseThrow(() -> new IllegalArgumentException("no work order " + dispatchId + " in " + state.complaintId()));
        if (!workOrder.department().equals(department)) {
            throw new OtherDepartment("Work order " + dispatchId + " is " + workOrder.department()
                    + "'s; an agent of " + department + " cannot return it");
        }
        if (workOrder.status() == WorkOrderStatus.RETURNED) {
            throw new WorkOrderNotOpen("Work order " + dispatchId + " was already returned at " + workOrder.returnedAt());
        }
        if (workOrder.status() == WorkOrderStatus.SUPERSEDED) {
            throw new WorkOrderNotOpen("Work order " + dispatchId + " was superseded by a newer work order");
        }
        if (state.isClosed()) {
            throw new WorkOrderNotOpen("Complaint " + state.complaintId() + " is closed");
        }
        return new Returned(EventIds.of(EventType.RETURNED, dispatchId), state.complaintId(), now,
                EventType.RETURNED.currentVersion(), causationId, request.returnedBy(), dispatchId,
                workOrder.attempt(), workOrder.department(), request.reconstruction().strip(),
                request.customerDemand().strip(), request.problemFound().strip(), request.measures().strip(),
                request.resolution(), request.atFault(), request.faultOf(), blankToNull(request.accountable()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
