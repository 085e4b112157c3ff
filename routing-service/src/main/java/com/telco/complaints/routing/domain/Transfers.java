package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.rest.RequestProblems;

import java.time.Instant;

/**
 * Deciding a transfer (000 运营商用户 §二.3, cooperation between departments): an open work order passes to another
 * configured department, by an agent of the department holding it or by an operator. It keeps its id, its attempt
 * and its RETURN clock, so the customer's deadline does not move; the urge and the escalations already made stay
 * made, and the ladder the order climbs from then on is the new department's.
 */
public final class Transfers {

    /** The transfer cannot be made as the work order stands: it is another's, not open, or already there. */
    public static final class TransferRefused extends RequestProblems.Conflict {
        public TransferRefused(String message) {
            super("transfer-refused", "Work order cannot be transferred", message);
        }
    }

    private Transfers() {}

    /**
     * @param byDepartment the department of the agent passing it on; null for an operator, who may pass any
     * @throws Returns.OtherDepartment when an agent's department does not hold the work order
     * @throws TransferRefused          when the order is not open, its case is closed, or it is {@code to}'s already
     */
    public static WorkOrderTransferred decide(CaseState state, String dispatchId, String to, String reason,
                                              String byDepartment, String actor, Instant now, String causationId) {
        WorkOrder order = state.workOrder(dispatchId)
                .orElseThrow(() -> new IllegalArgumentException("no work order " + dispatchId + " in " + state.complaintId()));
        if (byDepartment != null && !order.department().equals(byDepartment)) {
            throw new Returns.OtherDepartment("Work order " + dispatchId + " is " + order.department()
                    + "'s; an agent of " + byDepartment + " cannot pass it on");
        }
        if (state.isClosed()) {
            throw new TransferRefused("Complaint " + state.complaintId() + " is closed");
        }
        if (order.status() == WorkOrderStatus.RETURNED) {
            throw new TransferRefused("Work order " + dispatchId + " was returned at " + order.returnedAt()
                    + "; only an open work order is transferred");
        }
        if (order.status() == WorkOrderStatus.SUPERSEDED) {
            throw new TransferRefused("Work order " + dispatchId + " was superseded by a newer work order");
        }
        if (order.department().equals(to)) {
            throw new TransferRefused("Work order " + dispatchId + " is " + to + "'s already");
        }
        int transfer = order.transfers() + 1;
        return new WorkOrderTransferred(EventIds.of(EventType.WORK_ORDER_TRANSFERRED, dispatchId, transfer),
                state.complaintId(), now, EventType.WORK_ORDER_TRANSFERRED.currentVersion(), causationId, actor,
                dispatchId, transfer, order.department(), to, reason.strip());
    }
}
