package com.telco.complaints.routing;

import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.Incidents;
import com.telco.complaints.routing.domain.Returns;
import com.telco.complaints.routing.store.IncidentStore;
import com.telco.complaints.routing.store.IncidentStore.IncidentRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What every change of an incident starts with, in its transaction: the incident gate closed for changes (see
 * {@code Projection}: no registration is decided while which incidents are open, or what a link carries, changes),
 * then the incident locked and checked: known, the caller's to change, open.
 */
@ApplicationScoped
public class IncidentDoor {

    /** No such incident. */
    public static final class IncidentNotFound extends RequestProblems.NotFound {
        public IncidentNotFound(String incidentId) {
            super("No incident " + incidentId);
        }
    }

    @Inject
    IncidentStore incidents;

    /**
     * @param byDepartment the department of the agent changing it; null for an operator, who may change any
     * @throws IncidentNotFound          for an unknown incident
     * @throws Returns.OtherDepartment   when an agent's department is not the incident's
     * @throws Incidents.IncidentNotOpen when it is resolved already
     */
    public Incident enter(String incidentId, String byDepartment) {
        incidents.closeForChanges();
        Incident incident = incidents.lock(incidentId).map(IncidentRow::incident)
                .orElseThrow(() -> new IncidentNotFound(incidentId));
        if (byDepartment != null && !byDepartment.equals(incident.department())) {
            throw new Returns.OtherDepartment("Incident " + incidentId + " is " + incident.department()
                    + "'s; an agent of " + byDepartment + " cannot change it");
        }
        if (!incident.isOpen()) {
            throw new Incidents.IncidentNotOpen("Incident " + incidentId + " was resolved at " + incident.resolvedAt());
        }
        return incident;
    }
}
