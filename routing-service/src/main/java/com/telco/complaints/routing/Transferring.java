package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.routing.Returning.WorkOrderNotFound;
import com.telco.complaints.routing.domain.Transfers;
import com.telco.complaints.routing.store.WorkOrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A work order passes to another department ({@link OneDecision}): by an agent of the department holding it, or by
 * an operator; of two racing transfers, the second decides on the department the first left.
 */
@ApplicationScoped
public class Transferring {

    @Inject
    WorkOrderStore workOrders;
    @Inject
    OneDecision decisions;
    @Inject
    MeterRegistry meters;

    /**
     * Transfers the order, unless the same request (its {@code Idempotency-Key}) transferred it already: a client
     * that lost the answer and asks again is given the order as it stands, and nothing is transferred twice.
     *
     * @param to           a configured department (the caller checked)
     * @param byDepartment the department of the agent passing it on; null for an operator
     * @param actor        who passes it on: the token's subject
     * @throws WorkOrderNotFound           for an unknown work order
     * @throws com.telco.complaints.routing.domain.Returns.OtherDepartment when an agent's department does not hold it
     * @throws Transfers.TransferRefused   when it is not open, its case is closed, or it is {@code to}'s already
     */
    public void transfer(String dispatchId, String to, String reason, String byDepartment, String actor,
                         String causationId) {
        String complaintId = workOrders.complaintOf(dispatchId).orElseThrow(() -> new WorkOrderNotFound(dispatchId));
        if (workOrders.transferredBy(dispatchId, causationId)) {
            return;
        }
        WorkOrderTransferred transferred = decisions.decide(complaintId, () -> new WorkOrderNotFound(dispatchId),
                (state, now) -> Transfers.decide(state, dispatchId, to, reason, byDepartment, actor, now, causationId),
                Transfers.TransferRefused::new);
        meters.counter("routing.transfers", "from", transferred.fromDepartment(), "to", transferred.toDepartment())
                .increment();
    }
}
