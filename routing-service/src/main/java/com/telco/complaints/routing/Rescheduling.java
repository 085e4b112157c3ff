package com.telco.complaints.routing;

import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
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
import java.util.List;

/**
 * The incident's estimated repair time changes (seed 002: the customers are told the estimated repair time): a new
 * revision, owed to every linked complaint whose held work order is still open ({@code EstimatedRepairChanged}; one
 * returned or closed is repaired for its customer, who was told the result), in one transaction behind the closed
 * incident gate, so that a complaint linked meanwhile carries either the old estimate and gets the change, or the new
 * one ({@link Deadlocks}: run again when the database breaks a deadlock with it). The estimate the incident has
 * already changes nothing: a retried request tells nobody twice.
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
        return Deadlocks.retried("rescheduling " + incidentId, () -> QuarkusTransaction.requiringNew()
                .call(() -> rescheduleOnce(incidentId, estimate, reason, byDepartment, actor, causationId)));
    }

    private Incident rescheduleOnce(String incidentId, Instant estimate, String reason, String byDepartment,
                                    String actor, String causationId) {
        Incident incident = door.enter(incidentId, byDepartment);
        if (incident.estimatedRepairAt().equals(estimate)) {
            return incident; // the estimate they were told: no new revision, nobody told again (a retried request)
        }
        Incident rescheduled = incident.rescheduled(estimate);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        incidents.saveEstimate(rescheduled, reason.strip());
        // Only those still open are locked; which of them are owed the change is the domain's to say, under the locks.
        List<String> stillOpen = workOrders.heldBy(incidentId).stream()
                .filter(held -> WorkOrderStatus.OPEN.name().equals(held.status())).map(HeldOrder::complaintId).toList();
        caseByCase.decide(stillOpen, now, state -> Incidents.estimateChanged(state, rescheduled, reason, now, actor,
                causationId).stream().toList());
        return rescheduled;
    }
}
