package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An escalation, as operations follow it (GET /escalations): a level of the holding department's escalation ladder
 * (WorkOrderEscalated), a notice to management of a key customer's or the regulator's overdue work order, or a
 * notice to the emergency leadership group of an outage incident grown past the emergency plan's size or touching a
 * key customer (EscalationNotice; for an incident, on the complaint that tipped it). It stays open while its work
 * order does, and is resolved when the work order ends: returned (for an incident: the incident resolved, which
 * returns every held work order), superseded by the case's next work order, or the case closed.
 *
 * @param eventId     the event that raised it
 * @param department  the department holding the work order when it was raised
 * @param level       the ladder's level, from 1 ({@link Kind#LADDER}); null for a notice
 * @param addressedTo who it is addressed to: the ladder's desk (escalatedTo), or management (addressedTo)
 * @param reason      why management is told ({@link Kind#NOTICE}); null for a level of the ladder
 * @param incidentId  the incident of a notice of the incident reasons; null otherwise
 * @param deadline    the RETURN deadline that passed; null for a notice of an incident (no deadline passed)
 * @param raisedAt    when it was raised (the event's occurredAt)
 * @param resolvedAt  when its work order ended; null while it is open
 */
public record Escalation(UUID eventId, String complaintId, String dispatchId, String department, Kind kind,
                         Integer level, String addressedTo, NoticeReason reason, String incidentId,
                         Instant deadline, Instant raisedAt, Instant resolvedAt) {

    public enum Kind {
        /** A level of the holding department's escalation ladder. */
        LADDER,
        /**
         * Management told of a key customer's or the regulator's overdue work order, or the emergency leadership
         * group of an outage incident.
         */
        NOTICE
    }

    public enum Status { OPEN, RESOLVED }

    /** Open escalations of a work order that ended are resolved at {@code at}. */
    public record Resolution(String complaintId, String dispatchId, Instant at) {}

    public Status status() {
        return resolvedAt == null ? Status.OPEN : Status.RESOLVED;
    }

    /** The escalation an event raises, open; empty for every other event. */
    public static Optional<Escalation> raisedBy(ComplaintEvent event) {
        if (event instanceof WorkOrderEscalated e) {
            return Optional.of(new Escalation(e.eventId(), e.complaintId(), e.dispatchId(), e.department(), Kind.LADDER,
                    e.level(), e.escalatedTo(), null, null, e.deadline(), e.occurredAt(), null));
        }
        if (event instanceof EscalationNotice n) {
            return Optional.of(new Escalation(n.eventId(), n.complaintId(), n.dispatchId(), n.department(), Kind.NOTICE,
                    null, n.addressedTo(), n.reason(), n.incidentId(), n.deadline(), n.occurredAt(), null));
        }
        return Optional.empty();
    }

    /**
     * This escalation as its case stands in {@code state}: resolved when its work order has ended there (an
     * escalation applied after its order's return, decided while it was open, is resolved at once).
     */
    public Escalation in(CaseState state) {
        return new Escalation(eventId, complaintId, dispatchId, department, kind, level, addressedTo, reason,
                incidentId, deadline, raisedAt, endedAt(state, dispatchId).orElse(null));
    }

    /**
     * The work orders with an escalation or a notice that ended between two states of a case ({@code before} may
     * not know them yet): their open escalations are resolved.
     */
    public static List<Resolution> resolved(CaseState before, CaseState after) {
        List<Resolution> resolved = new ArrayList<>();
        for (WorkOrder w : after.workOrders()) {
            if (w.escalationLevel() == 0 && w.noticedAt() == null && !heldByAnIncident(after, w)) {
                continue;
            }
            Optional<Instant> ended = endedAt(after, w.dispatchId());
            if (ended.isPresent() && endedAt(before, w.dispatchId()).isEmpty()) {
                resolved.add(new Resolution(after.complaintId(), w.dispatchId(), ended.get()));
            }
        }
        return resolved;
    }

    /**
     * The case's work order held by an outage incident: a notice of the incident names it without marking it (the
     * notice concerns the incident), and it ends when the incident returns it.
     */
    private static boolean heldByAnIncident(CaseState state, WorkOrder w) {
        return state.incident() != null && state.incident().dispatchId().equals(w.dispatchId());
    }

    /**
     * When a work order stopped being open: returned, superseded (the next work order dispatched) or its case
     * closed, whichever came first; empty while it is open, or when the state does not know it.
     */
    static Optional<Instant> endedAt(CaseState state, String dispatchId) {
        List<WorkOrder> orders = state.workOrders();
        for (int i = 0; i < orders.size(); i++) {
            WorkOrder w = orders.get(i);
            if (w.dispatchId().equals(dispatchId)) {
                Instant ended = earliest(w.returnedAt(), state.closure() == null ? null : state.closure().occurredAt());
                if (w.status() == WorkOrderStatus.SUPERSEDED && i + 1 < orders.size()) {
                    ended = earliest(ended, orders.get(i + 1).dispatchedAt());
                }
                return Optional.ofNullable(ended);
            }
        }
        return Optional.empty();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
