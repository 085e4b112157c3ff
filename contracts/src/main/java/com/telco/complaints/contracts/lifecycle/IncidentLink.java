package com.telco.complaints.contracts.lifecycle;

import java.time.Instant;

/**
 * The outage incident a case is linked to, as its events tell it.
 *
 * @param incidentId        the incident
 * @param dispatchId        the case's work order held by the incident
 * @param linkedAt          when the case was linked
 * @param estimatedRepairAt the estimate the customer was last owed
 * @param revision          that estimate's revision (1 for the declared one)
 */
public record IncidentLink(String incidentId, String dispatchId, Instant linkedAt, Instant estimatedRepairAt,
                           int revision) {

    IncidentLink rescheduled(Instant estimate, int newRevision) {
        return new IncidentLink(incidentId, dispatchId, linkedAt, estimate, newRevision);
    }
}
