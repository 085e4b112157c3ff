package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.rest.RequestProblems;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * What an outage incident decides for the complaints it gathers (seed 002: handle the cases together). A complaint
 * that matches an open incident and is not yet answered by a department joins it: it gets a work order of its own
 * (attempt 1, or one after the open order it supersedes), held by the incident and worked by the incident's
 * department on the incident's one work order. Each change of the estimated repair time is owed to every linked
 * complaint whose held order is still open, and the incident's resolution returns every held order still open, with
 * the same return.
 */
public final class Incidents {

    /** The incident cannot take the request as it stands (resolved already). */
    public static final class IncidentNotOpen extends RequestProblems.Conflict {
        public IncidentNotOpen(String message) {
            super("incident-not-open", "Incident not open", message);
        }
    }

    /** The rule {@code CaseFold} gives a held work order: {@code incident:<incidentId>}. */
    public static final String RULE_PREFIX = "incident:";

    /** Which incident comes first when a complaint matches several: the one declared first. */
    private static final Comparator<Incident> FIRST_DECLARED = Comparator.comparing(Incident::declaredAt)
            .thenComparing(Incident::incidentId);

    private Incidents() {}

    /**
     * Whether the open incident gathers the registered complaint: listed by number, or of its region (any case)
     * and category and registered in its window. A billing dispute never joins an outage: billing proves or refunds it.
     */
    public static boolean matches(Incident incident, ComplaintRegistered complaint) {
        if (!incident.isOpen() || complaint.billingDispute() != null) {
            return false;
        }
        Incident.Match match = incident.match();
        if (match.isListed()) {
            return match.complaintIds().contains(complaint.complaintId());
        }
        Instant registeredAt = complaint.occurredAt();
        return incident.category() == complaint.category() && incident.region().equalsIgnoreCase(complaint.region())
                && !registeredAt.isBefore(match.from()) && (match.to() == null || registeredAt.isBefore(match.to()));
    }

    /** The first declared of the open incidents that gathers {@code complaint}, if any. */
    public static Optional<Incident> matching(Collection<Incident> open, ComplaintRegistered complaint) {
        return open.stream().filter(i -> matches(i, complaint)).min(FIRST_DECLARED);
    }

    /**
     * Whether the case may join an incident (as {@code CaseFold} takes it): registered, waiting for triage, or
     * dispatched with its work order still open; not closed, not linked before.
     */
    public static boolean linkable(CaseState state) {
        if (!state.isRegistered() || state.isClosed() || state.incident() != null || state.status() == null) {
            return false;
        }
        Optional<WorkOrder> current = state.currentWorkOrder();
        return switch (state.status()) {
            case REGISTERED, TRIAGE -> current.isEmpty();
            case DISPATCHED -> current.isPresent() && current.get().status() == WorkOrderStatus.OPEN;
            default -> false;
        };
    }

    /**
     * The complaint's link to the incident: its own work order, held by the incident, superseding the open one it
     * had. Once per complaint and incident (its id says so).
     *
     * @throws IllegalArgumentException when the case may not join ({@link #linkable})
     */
    public static IncidentLinked link(CaseState state, Incident incident, Instant now, String actor,
                                      String causationId) {
        if (!linkable(state)) {
            throw new IllegalArgumentException(state.complaintId() + " (" + state.status() + ") cannot join "
                    + incident.incidentId());
        }
        Optional<WorkOrder> open = state.currentWorkOrder();
        int attempt = open.map(w -> w.attempt() + 1).orElse(1);
        String complaintId = state.complaintId();
        return new IncidentLinked(EventIds.of(EventType.INCIDENT_LINKED, complaintId, incident.incidentId()),
                complaintId, now, EventType.INCIDENT_LINKED.currentVersion(), causationId, actor,
                incident.incidentId(), WorkOrderIds.of(complaintId, attempt), attempt,
                open.map(WorkOrder::dispatchId).orElse(null), incident.department(), incident.title(),
                incident.faultDescription(), incident.region(), incident.category(), incident.declaredAt(),
                incident.estimatedRepairAt(), incident.revision());
    }

    /**
     * The new estimate owed to a complaint linked to {@code rescheduled} (the incident with its new estimate and
     * revision) while the work order the incident holds for it is open; none once that order is returned (on its
     * own, or superseded) or the case closed (its customer was told the result), nor for one linked to another
     * incident.
     */
    public static Optional<EstimatedRepairChanged> estimateChanged(CaseState state, Incident rescheduled,
                                                                   String reason, Instant now, String actor,
                                                                   String causationId) {
        if (state.isClosed() || state.incident() == null
                || !state.incident().incidentId().equals(rescheduled.incidentId())
                || state.workOrder(state.incident().dispatchId()).filter(w -> w.status() == WorkOrderStatus.OPEN)
                .isEmpty()) {
            return Optional.empty();
        }
        String complaintId = state.complaintId();
        return Optional.of(new EstimatedRepairChanged(EventIds.of(EventType.ESTIMATED_REPAIR_CHANGED, complaintId,
                rescheduled.incidentId(), rescheduled.revision()), complaintId, now,
                EventType.ESTIMATED_REPAIR_CHANGED.currentVersion(), causationId, actor, rescheduled.incidentId(),
                state.incident().dispatchId(), rescheduled.estimatedRepairAt(), state.incident().estimatedRepairAt(),
                rescheduled.revision(), reason.strip()));
    }

    /**
     * The return of the complaint's work order held by the incident, the incident's return made for it; none when
     * that order is not open any more (returned on its own, superseded) or the case is closed.
     */
    public static Optional<Returned> resolution(CaseState state, Incident incident, ReturnRequest request,
                                                Instant now, String causationId) {
        if (state.isClosed() || state.incident() == null
                || !state.incident().incidentId().equals(incident.incidentId())) {
            return Optional.empty();
        }
        String held = state.incident().dispatchId();
        return state.workOrder(held).filter(w -> w.status() == WorkOrderStatus.OPEN)
                .map(w -> Returns.decide(state, held, request, w.department(), now, causationId));
    }
}
