package com.telco.complaints.routing;

import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.Incidents;
import com.telco.complaints.routing.store.IncidentStore;
import com.telco.complaints.routing.store.WorkOrderStore;
import com.telco.complaints.routing.store.WorkOrderStore.HeldOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The incident's estimated repair time changes (seed 002: the customers are told the estimated repair time): a new
 * revision, owed to every linked complaint not closed ({@code EstimatedRepairChanged}), in one transaction behind the
 * closed incident gate, so that a complaint linked meanwhile carries either the old estimate and gets the change, or
 * the new one.
 */
@ApplicationScoped
public class Rescheduling {

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

    /**
     * @param byDepartment the department of the agent; null for an operator
     * @return the incident with its new estimate
     * @throws IncidentDoor.IncidentNotFound, com.telco.complaints.routing.domain.Returns.OtherDepartment,
     *         Incidents.IncidentNotOpen as {@link IncidentDoor#enter} does
     */
    public Incident reschedule(String incidentId, Instant estimate, String reason, String byDepartment, String actor,
                               String causationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Incident rescheduled = door.enter(incidentId, byDepartment).rescheduled(estimate);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            incidents.saveEstimate(rescheduled, reason.strip());
            caseByCase.decide(workOrders.heldBy(incidentId).stream().map(HeldOrder::complaintId).toList(), now,
                    state -> Incidents.estimateChanged(state, rescheduled, reason, now, actor, causationId).stream()
                            .toList());
            return rescheduled;
        });
    }
}
