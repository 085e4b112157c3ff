package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.IncidentLink;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one batch of applied events changes in the outage incidents analytics knows. Routing owns the incidents;
 * analytics learns each only from the events of the complaints linked to it: the link (the incident's facts and the
 * estimate then), a changed estimate, and the return of a held work order (routing resolves an incident by returning
 * every linked complaint's). An incident's counts are sums over its complaints, so the batch adds its own to what
 * is stored: counting only events the case fold applied, and only once (an event archived before is never applied
 * again), keeps them exact under redelivery.
 */
public final class IncidentTally {

    /**
     * Complaints linked to one incident in the batch, with the incident's facts as the first of those links told
     * them.
     *
     * @param estimatedRepairAt the estimate of the highest revision those links carried
     * @param count             how many complaints were linked
     * @param firstLinkedAt     the earliest link
     */
    public record Links(String incidentId, String title, String region, String category, String department,
                        Instant declaredAt, Instant estimatedRepairAt, int revision, int count, Instant firstLinkedAt) {

        Links plus(IncidentLinked e) {
            boolean newer = e.revision() > revision;
            return new Links(incidentId, title, region, category, department, declaredAt,
                    newer ? e.estimatedRepairAt() : estimatedRepairAt, Math.max(revision, e.revision()), count + 1,
                    e.occurredAt().isBefore(firstLinkedAt) ? e.occurredAt() : firstLinkedAt);
        }
    }

    /** The latest estimate of an incident the batch announced (EstimatedRepairChanged). */
    public record Estimate(String incidentId, Instant estimatedRepairAt, int revision) {}

    /** Held work orders of an incident returned in the batch, and the latest return. */
    public record Returns(String incidentId, int count, Instant lastReturnedAt) {

        Returns plus(Instant at) {
            return new Returns(incidentId, count + 1, at.isAfter(lastReturnedAt) ? at : lastReturnedAt);
        }
    }

    private final Map<String, Links> links = new LinkedHashMap<>();
    private final Map<String, Estimate> estimates = new LinkedHashMap<>();
    private final Map<String, Returns> returns = new LinkedHashMap<>();

    /** Counts an event the case fold applied, {@code after} being its case with the event applied. */
    public void count(ComplaintEvent event, CaseState after) {
        if (event instanceof IncidentLinked e) {
            links.merge(e.incidentId(), new Links(e.incidentId(), e.title(), e.region(), e.category().name(),
                    e.department(), e.declaredAt(), e.estimatedRepairAt(), e.revision(), 1, e.occurredAt()),
                    (known, added) -> known.plus(e));
        } else if (event instanceof EstimatedRepairChanged e) {
            estimates.merge(e.incidentId(), new Estimate(e.incidentId(), e.estimatedRepairAt(), e.revision()),
                    (known, added) -> added.revision() > known.revision() ? added : known);
        } else if (event instanceof Returned e) {
            IncidentLink link = after.incident();
            if (link != null && link.dispatchId().equals(e.dispatchId())) {
                returns.merge(link.incidentId(), new Returns(link.incidentId(), 1, e.occurredAt()),
                        (known, added) -> known.plus(e.occurredAt()));
            }
        }
    }

    public Collection<Links> links() {
        return links.values();
    }

    public Collection<Estimate> estimates() {
        return estimates.values();
    }

    public Collection<Returns> returns() {
        return returns.values();
    }
}
