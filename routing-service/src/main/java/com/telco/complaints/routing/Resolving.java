package com.telco.complaints.routing;

import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.Incidents;
import com.telco.complaints.routing.domain.ReturnRequest;
import com.telco.complaints.routing.store.IncidentStore;
import com.telco.complaints.routing.store.WorkOrderStore;
import com.telco.complaints.routing.store.WorkOrderStore.HeldOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The department returns the incident's work order (seed 002: the fault repaired, the cases handled together): the
 * incident is resolved, and each linked complaint whose held work order is still open is returned with the incident's
 * return ({@code Returned} of its own order, as {@link com.telco.complaints.routing.domain.Returns} decides it), all in
 * one transaction behind the closed incident gate, so no complaint is linked to it afterwards ({@link Deadlocks}: run
 * again when the database breaks a deadlock with it). The survey service then surveys each customer as usual.
 */
@ApplicationScoped
public class Resolving {

    @Inject
    IncidentDoor door;
    @Inject
    IncidentStore incidents;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    CaseByCase caseByCase;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;

    /**
     * @param request      a valid return (the caller checked it), made by its {@code returnedBy}
     * @param byDepartment the department of the agent; null for an operator
     * @return the incident resolved
     * @throws IncidentDoor.IncidentNotFound, com.telco.complaints.routing.domain.Returns.OtherDepartment,
     *         Incidents.IncidentNotOpen (resolved already) as {@link IncidentDoor#enter} does
     */
    public Incident resolve(String incidentId, ReturnRequest request, String byDepartment, String causationId) {
        Incident resolved = Deadlocks.retried("resolving " + incidentId, () -> QuarkusTransaction.requiringNew()
                .call(() -> resolveOnce(incidentId, request, byDepartment, causationId)));
        meters.counter("routing.incidents.resolved", "department", resolved.department()).increment();
        return resolved;
    }

    private Incident resolveOnce(String incidentId, ReturnRequest request, String byDepartment, String causationId) {
        Incident incident = door.enter(incidentId, byDepartment);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Incident after = incident.resolved(now);
        incidents.saveResolution(after, request.returnedBy(), EventJson.mapper().valueToTree(request));
        caseByCase.decide(workOrders.heldBy(incidentId).stream().map(HeldOrder::complaintId).toList(), now,
                state -> Incidents.resolution(state, incident, request, now, causationId).stream().toList());
        return after;
    }
}
