package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.routing.domain.ReturnRequest;
import com.telco.complaints.routing.domain.Returns;
import com.telco.complaints.routing.store.WorkOrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A department returns a work order ({@link OneDecision}): only the work order's own department can
 * return it, and only while it is open; of two racing returns, the second finds it returned.
 */
@ApplicationScoped
public class Returning {

    /** No such work order. */
    public static final class WorkOrderNotFound extends RequestProblems.NotFound {
        public WorkOrderNotFound(String dispatchId) {
            super("No work order " + dispatchId);
        }
    }

    @Inject
    WorkOrderStore workOrders;
    @Inject
    OneDecision decisions;
    @Inject
    MeterRegistry meters;

    /**
     * @param department the department of the agent returning it
     * @throws WorkOrderNotFound          for an unknown work order
     * @throws Returns.OtherDepartment    when the work order is another department's
     * @throws Returns.WorkOrderNotOpen   when it is returned already or superseded
     */
    public Returned returnWorkOrder(String dispatchId, ReturnRequest request, String department, String causationId) {
        String complaintId = workOrders.complaintOf(dispatchId).orElseThrow(() -> new WorkOrderNotFound(dispatchId));
        Returned returned = decisions.decide(complaintId, () -> new WorkOrderNotFound(dispatchId),
                (state, now) -> Returns.decide(state, dispatchId, request, department, now, causationId),
                Returns.WorkOrderNotOpen::new);
        meters.counter("routing.returns", "department", returned.department()).increment();
        return returned;
    }
}
