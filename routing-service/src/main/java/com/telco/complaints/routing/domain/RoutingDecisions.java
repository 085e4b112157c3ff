package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Instant;
import java.util.Optional;

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
 */
public final class RoutingDecisions {

    public static final String ACTOR = "routing-service";

    /**
     * {@code DISPATCH}: the case's first work order (attempt 1), on registration or after the failed survey of
     * an answer given at the first contact; {@code REDISPATCH}: the work order after the current one.
     */
    public enum Pending { DISPATCH, REDISPATCH }

    private RoutingDecisions() {}

    public static Optional<Pending> pending(CaseState state) {
        if (state.status() == CaseStatus.REGISTERED && state.workOrders().isEmpty()) {
            return Optional.of(Pending.DISPATCH);
        }
        if (state.status() == CaseStatus.DISSATISFIED && state.lastSurveyFailure() != null
                && state.lastSurveyFailure().owesWorkOrder()) {
            return Optional.of(state.workOrders().isEmpty() ? Pending.DISPATCH : Pending.REDISPATCH);
        }
        return Optional.empty();
    }

    /** The event that settles what {@code state} owes, if it owes anything. */
    public static Optional<ComplaintEvent> decide(CaseState state, DispatchRules rules, Instant now) {
        return pending(state).map(pending -> switch (pending) {
            case DISPATCH -> dispatch(state, rules, now);
            case REDISPATCH -> redispatch(state, rules, now);
        });
    }

    /**
     * The first work order, to the department a rule chose; or, when none fits, the wait for triage. After the
     * failed survey of an answer given at the first contact, the survey is its cause, and a customer handed over
     * goes to the manager hotline.
     */
    private static ComplaintEvent dispatch(CaseState state, DispatchRules rules, Instant now) {
        String complaintId = state.complaintId();
        SurveyFailed failure = state.status() == CaseStatus.DISSATISFIED ? state.lastSurveyFailure() : null;
        String cause = (failure != null ? failure.eventId() : state.registration().eventId()).toString();
        if (failure != null && Boolean.TRUE.equals(failure.handover())) {
            return dispatched(complaintId, now, cause, ACTOR, rules.handover());
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
