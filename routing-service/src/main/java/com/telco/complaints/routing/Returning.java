package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.store.ProcessedEvents;
import com.telco.complaints.routing.domain.ReturnRequest;
import com.telco.complaints.routing.domain.Returns;
import com.telco.complaints.routing.messaging.Projection;
import com.telco.complaints.routing.store.CaseStore.StoredCase;
import com.telco.complaints.routing.store.CaseStore;
import com.telco.complaints.routing.store.WorkOrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A department returns a work order: under the case's row lock, decide (only the work order's own
 * department can return it, and only while it is open), apply the Returned to the case, and commit
 * it with the outbox row. Two racing returns serialize on the lock; the second finds the work order
 * returned. A refusal writes nothing.
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
    CaseStore cases;
    @Inject
    ProcessedEvents processed;
    @Inject
    Projection projection;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;

    /**
     * @param department the department of the agent returning it
     * @throws WorkOrderNotFound          for an unknown work order
     * @throws Returns.OtherDepartment    when the work order is another department's
     * @throws Returns.WorkOrderNotOpen   when it is returned already or superseded
     */
    public Returned returnWorkOrder(String dispatchId, ReturnRequest request, String department, String causationId) {
        Returned returned = QuarkusTransaction.requiringNew().call(() -> {
            String complaintId = workOrders.complaintOf(dispatchId).orElseThrow(() -> new WorkOrderNotFound(dispatchId));
            StoredCase stored = Optional.ofNullable(cases.lock(List.of(complaintId)).get(complaintId))
                    .orElseThrow(() -> new WorkOrderNotFound(dispatchId));
            Returned event = Returns.decide(stored.state(), dispatchId, request, department,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), causationId);
            Transition transition = CaseFold.apply(stored.state(), event);
            if (transition instanceof Transition.Rejected rejected) {
                throw new Returns.WorkOrderNotOpen(rejected.rejection().detail());
            }
            processed.markProcessed(List.of(event.eventId()));
            projection.save(List.of(new StoredCase(transition.state(), stored.partition())), List.of(event));
            outbox.append(event);
            return event;
        });
        meters.counter("routing.returns", "department", returned.department()).increment();
        return returned;
    }
}
