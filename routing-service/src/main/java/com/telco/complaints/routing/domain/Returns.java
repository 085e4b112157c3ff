package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Instant;

/** Deciding a return: only an open work order can be returned, and only once. */
public final class Returns {

    /** The work order exists but is not open: returned already, superseded, or its case closed. */
    public static final class WorkOrderNotOpen extends RuntimeException {
        public WorkOrderNotOpen(String message) {
            super(message, null, false, false);
        }
    }

    private Returns() {}

    public static Returned decide(CaseState state, String dispatchId, ReturnRequest request, Instant now,
                                  String causationId) {
        WorkOrder workOrder = state.workOrder(dispatchId)
                .orElseThrow(() -> new IllegalArgumentException("no work order " + dispatchId + " in " + state.complaintId()));
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
                request.resolution(), request.operatorAtFault());
    }
}
