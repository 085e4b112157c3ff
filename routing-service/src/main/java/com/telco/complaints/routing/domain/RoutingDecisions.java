package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What routing owes a case, derived from its folded state, and the event that settles it. Because
 * the decision is a function of the state and its ids are deterministic (complaint id and
 * attempt), deciding twice yields the same fact, and a rebuilt state owes exactly what was not
 * yet decided.
 *
 * <p>A complaint resolved at the first contact (即时处理) is registered {@code RESOLVED_AT_FIRST_CONTACT} and
 * owes nothing: no work order, no triage. Only when its survey fails with a redispatch or a handover is it owed
 * a work order, its first: {@link Pending#DISPATCH} again, caused by the failed survey, to the department the
 * rules choose for the registration (or to triage when none fits), or to the manager hotline when handed over.
 *
 * <p>While an outage incident is open, a registration it gathers is linked to it ({@code IncidentLinked}, see
 * {@link Incidents}) instead of dispatched: the open incidents are given to {@link #decide}, which stays pure. A billing
 * dispute whose PROOF clock breached without a proof is owed its provisional refund ({@link Pending#REFUND}, see
 * {@link Disputes}), closed case or not.
 */
public final class RoutingDecisions {

    public static final String ACTOR = "routing-service";

    /**
     * {@code DISPATCH}: the case's first work order (attempt 1), on registration or after the failed survey of
     * an answer given at the first contact; {@code REDISPATCH}: the work order after the current one; {@code URGE},
     * {@code ESCALATE}, {@code NOTICE}: what the open work order's RETURN clock calls for; {@code REFUND}: the
     * provisional refund of a billing dispute whose PROOF clock breached.
     */
    public enum Pending { DISPATCH, REDISPATCH, URGE, ESCALATE, NOTICE, REFUND }

    /**
     * What a case owes now, and when its next escalation falls due if that is later.
     *
     * @param pending        what is owed now; null when nothing is
     * @param escalationDue  when the open work order's next escalation level falls due, when it is not due yet
     */
    public record Owed(Pending pending, Instant escalationDue) {}

    private RoutingDecisions() {}

    /** What {@code state} owes at {@code now}, and its next escalation's time when that is later. */
    public static Owed owed(CaseState state, EscalationLadder ladder, Instant now) {
        Optional<Pending> pending = pending(state, ladder, now);
        if (pending.isPresent()) {
            return new Owed(pending.get(), null);
        }
        return new Owed(null, nextEscalation(state, ladder).map(next -> next.dueAt()).orElse(null));
    }

    public static Optional<Pending> pending(CaseState state, EscalationLadder ladder, Instant now) {
        if (state.status() == CaseStatus.REGISTERED && state.workOrders().isEmpty()) {
            return Optional.of(Pending.DISPATCH);
        }
        if (state.status() == CaseStatus.DISSATISFIED && state.lastSurveyFailure() != null
                && state.lastSurveyFailure().owesWorkOrder()) {
            return Optional.of(state.workOrders().isEmpty() ? Pending.DISPATCH : Pending.REDISPATCH);
        }
        if (Disputes.refundOwed(state).isPresent()) {
            return Optional.of(Pending.REFUND);
        }
        Optional<OpenOrder> open = openOrder(state);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        WorkOrder order = open.get().order();
        ClockState clock = open.get().returnClock();
        if (clock.warnedAt() != null && order.urgedAt() == null) {
            return Optional.of(Pending.URGE);
        }
        if (clock.breachedAt() == null) {
            return Optional.empty();
        }
        Optional<NextEscalation> next = nextEscalation(state, ladder);
        if (next.isPresent() && !next.get().dueAt().isAfter(now.isAfter(clock.deadline()) ? now : clock.deadline())) {
            return Optional.of(Pending.ESCALATE);
        }
        if (order.noticedAt() == null && EscalationLadder.noticeReason(state.registration()).isPresent()) {
            return Optional.of(Pending.NOTICE);
        }
        return Optional.empty();
    }

    /**
     * The event that settles what {@code state} owes at {@code now}, if it owes anything, while {@code openIncidents}
     * are open: a registration one of them gathers is linked to it rather than dispatched.
     */
    public static Optional<ComplaintEvent> decide(CaseState state, DispatchRules rules, EscalationLadder ladder,
                                                  Collection<Incident> openIncidents, Instant now) {
        return pending(state, ladder, now).map(pending -> switch (pending) {
            case DISPATCH -> dispatch(state, rules, openIncidents, now);
            case REDISPATCH -> redispatch(state, rules, now);
            case URGE -> urge(state, now);
            case ESCALATE -> escalate(state, ladder, now);
            case NOTICE -> notice(state, ladder, now);
            case REFUND -> Disputes.refund(state, now);
        });
    }

    /** The case's current work order while it is open and its RETURN clock announced; the case not closed. */
    private record OpenOrder(WorkOrder order, ClockState returnClock) {}

    private static Optional<OpenOrder> openOrder(CaseState state) {
        if (state.isClosed()) {
            return Optional.empty();
        }
        return state.currentWorkOrder().filter(w -> w.status() == WorkOrderStatus.OPEN)
                .flatMap(w -> state.clock(SlaClock.RETURN, w.dispatchId()).map(c -> new OpenOrder(w, c)));
    }

    /** The next level of the open, breached work order's ladder, and when it falls due. */
    private record NextEscalation(OpenOrder open, EscalationLadder.Level level, Instant dueAt) {}

    private static Optional<NextEscalation> nextEscalation(CaseState state, EscalationLadder ladder) {
        return openOrder(state).filter(open -> open.returnClock().breachedAt() != null)
                .flatMap(open -> ladder.level(open.order().department(), open.order().escalationLevel() + 1)
                        .map(level -> new NextEscalation(open, level, open.returnClock().deadline().plus(level.after()))));
    }

    private static WorkOrderUrged urge(CaseState state, Instant now) {
        OpenOrder open = openOrder(state).orElseThrow();
        WorkOrder order = open.order();
        return new WorkOrderUrged(EventIds.of(EventType.WORK_ORDER_URGED, order.dispatchId()), state.complaintId(), now,
                EventType.WORK_ORDER_URGED.currentVersion(), idOf(open.returnClock().warningId()), ACTOR,
                order.dispatchId(), order.department(), open.returnClock().warnAt(), open.returnClock().deadline());
    }

    /** Level 1 is caused by the breach, each level after it by the level below. */
    private static WorkOrderEscalated escalate(CaseState state, EscalationLadder ladder, Instant now) {
        NextEscalation next = nextEscalation(state, ladder).orElseThrow();
        WorkOrder order = next.open().order();
        int level = next.level().level();
        String cause = level == 1 ? idOf(next.open().returnClock().breachId())
                : EventIds.of(EventType.WORK_ORDER_ESCALATED, order.dispatchId(), level - 1).toString();
        return new WorkOrderEscalated(EventIds.of(EventType.WORK_ORDER_ESCALATED, order.dispatchId(), level),
                state.complaintId(), now, EventType.WORK_ORDER_ESCALATED.currentVersion(), cause, ACTOR,
                order.dispatchId(), order.department(), level, next.level().desk(), next.open().returnClock().deadline());
    }

    private static EscalationNotice notice(CaseState state, EscalationLadder ladder, Instant now) {
        OpenOrder open = openOrder(state).orElseThrow();
        WorkOrder order = open.order();
        NoticeReason reason = EscalationLadder.noticeReason(state.registration()).orElseThrow();
        return new EscalationNotice(EventIds.of(EventType.ESCALATION_NOTICE, order.dispatchId()), state.complaintId(),
                now, EventType.ESCALATION_NOTICE.currentVersion(), idOf(open.returnClock().breachId()), ACTOR,
                order.dispatchId(), ladder.managementDepartment(), reason, order.department(),
                open.returnClock().deadline(), null);
    }

    private static String idOf(UUID id) {
        return id == null ? null : id.toString();
    }

    /**
     * The first work order, to the department a rule chose; or, when none fits, the wait for triage; or, for a
     * registration an open incident gathers, the link to it. After the failed survey of an answer given at the first
     * contact, the survey is its cause, and a customer handed over goes to the manager hotline.
     */
    private static ComplaintEvent dispatch(CaseState state, DispatchRules rules, Collection<Incident> openIncidents,
                                           Instant now) {
        String complaintId = state.complaintId();
        SurveyFailed failure = state.status() == CaseStatus.DISSATISFIED ? state.lastSurveyFailure() : null;
        String cause = (failure != null ? failure.eventId() : state.registration().eventId()).toString();
        if (failure != null && Boolean.TRUE.equals(failure.handover())) {
            return dispatched(complaintId, now, cause, ACTOR, rules.handover());
        }
        if (failure == null) {
            Optional<Incident> incident = Incidents.matching(openIncidents, state.registration());
            if (incident.isPresent()) {
                return Incidents.link(state, incident.get(), now, ACTOR, cause);
            }
        }
        Optional<DispatchChoice> choice = rules.choose(state.registration());
        if (choice.isEmpty()) {
            return new AwaitingTriage(EventIds.of(EventType.AWAITING_TRIAGE, complaintId), complaintId, now,
                    EventType.AWAITING_TRIAGE.currentVersion(), cause, ACTOR,
                    DispatchRules.noRuleFits(state.registration()));
        }
        return dispatched(complaintId, now, cause, ACTOR, choice.get());
    }

    /**
     * The first work order of a complaint, to {@code choice}'s department. Its id depends only on the
     * complaint, so a case is dispatched once, whoever decides it (a rule, or an operator after triage).
     */
    public static Dispatched dispatched(String complaintId, Instant now, String causationId, String actor,
                                        DispatchChoice choice) {
        return new Dispatched(EventIds.of(EventType.DISPATCHED, complaintId, 1), complaintId, now,
                EventType.DISPATCHED.currentVersion(), causationId, actor, WorkOrderIds.of(complaintId, 1), 1,
                choice.department(), choice.rule());
    }

    private static Redispatched redispatch(CaseState state, DispatchRules rules, Instant now) {
        WorkOrder previous = state.currentWorkOrder().orElseThrow();
        int attempt = previous.attempt() + 1;
        DispatchChoice choice = Boolean.TRUE.equals(state.lastSurveyFailure().handover()) ? rules.handover()
                : rules.redispatch(previous.department(), attempt);
        String complaintId = state.complaintId();
        return new Redispatched(EventIds.of(EventType.REDISPATCHED, complaintId, attempt), complaintId, now,
                EventType.REDISPATCHED.currentVersion(), state.lastSurveyFailure().eventId().toString(), ACTOR,
                WorkOrderIds.of(complaintId, attempt), previous.dispatchId(), attempt, choice.department(),
                choice.rule());
    }
}
