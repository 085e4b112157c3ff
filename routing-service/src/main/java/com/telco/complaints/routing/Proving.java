package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.routing.Returning.WorkOrderNotFound;
import com.telco.complaints.routing.domain.Disputes;
import com.telco.complaints.routing.store.WorkOrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Billing records the service provider's proof of a disputed charge ({@link OneDecision}): on a work order of the
 * disputing complaint, by an agent of the department holding it or by an operator; of a proof racing the provisional
 * refund, whichever is decided first under the case's lock stands, and the other is refused.
 */
@ApplicationScoped
public class Proving {

    @Inject
    WorkOrderStore workOrders;
    @Inject
    OneDecision decisions;
    @Inject
    MeterRegistry meters;

    /**
     * @param byDepartment the department of the agent; null for an operator
     * @throws WorkOrderNotFound                                           for an unknown work order
     * @throws com.telco.complaints.routing.domain.Returns.OtherDepartment when an agent's department does not hold it
     * @throws Disputes.ProofRefused                                       when the complaint disputes no charge, its
     *                                                                     dispute ended (proved, refunded), or the
     *                                                                     PROOF deadline passed
     */
    public SpProofReceived prove(String dispatchId, String summary, String byDepartment, String actor,
                                 String causationId) {
        String complaintId = workOrders.complaintOf(dispatchId).orElseThrow(() -> new WorkOrderNotFound(dispatchId));
        SpProofReceived proof = decisions.decide(complaintId, () -> new WorkOrderNotFound(dispatchId),
                (state, now) -> Disputes.proof(state, dispatchId, summary, byDepartment, actor, now, causationId),
                Disputes.ProofRefused::new);
        meters.counter("routing.disputes.proved").increment();
        return proof;
    }
}
