package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The survey tasks of a case: one for the answer given at the first contact of a complaint resolved then, and
 * one for every work order that was returned. Only the latest survey can be pending; an earlier one was
 * answered (it failed, or there would be no later work order).
 */
public final class SurveyTasks {

    private SurveyTasks() {}

    public static List<SurveyTask> of(CaseState state) {
        List<SurveyTask> tasks = new ArrayList<>();
        Optional<WorkOrder> current = state.currentWorkOrder();
        ComplaintRegistered registration = state.registration();
        if (state.resolvedAtFirstContact()) {
            tasks.add(firstContact(state));
        }
        for (WorkOrder w : state.workOrders()) {
            if (w.returnedAt() == null) {
                continue;
            }
            boolean isCurrent = current.isPresent() && current.get().dispatchId().equals(w.dispatchId());
            Optional<ClockState> clock = state.clock(SlaClock.SURVEY, w.dispatchId());
            tasks.add(new SurveyTask(w.dispatchId(), state.complaintId(), w.attempt(), w.department(),
                    status(state, isCurrent), outcome(state, w, isCurrent), registration.customer(),
                    registration.channel(), registration.category(), registration.subcategory(),
                    registration.urgency(), registration.region(), registration.demand(), w.returnedAt(),
                    w.resolution(), w.operatorAtFault(), w.faultOf(), clock.map(ClockState::warnAt).orElse(null),
                    clock.map(ClockState::deadline).orElse(null), w.surveyedAt(), null));
        }
        return tasks;
    }

    /** The survey of the answer given at the first contact: current until the case got a work order. */
    private static SurveyTask firstContact(CaseState state) {
        ComplaintRegistered r = state.registration();
        boolean isCurrent = state.workOrders().isEmpty();
        AnswerOutcome outcome = isCurrent ? outcome(state, null, true)
                : state.workOrders().get(0).handover() ? AnswerOutcome.HANDED_OVER : AnswerOutcome.REDISPATCHED;
        Optional<ClockState> clock = state.clock(SlaClock.SURVEY, null);
        return new SurveyTask(null, state.complaintId(), 0, null, status(state, isCurrent), outcome, r.customer(),
                r.channel(), r.category(), r.subcategory(), r.urgency(), r.region(), r.demand(), r.occurredAt(),
                Resolution.RESOLVED, null, null, clock.map(ClockState::warnAt).orElse(null),
                clock.map(ClockState::deadline).orElse(null), state.firstContactSurveyedAt(), r.resolvedAtFirstContact());
    }

    private static SurveyStatus status(CaseState state, boolean current) {
        if (!current) {
            return SurveyStatus.ANSWERED;
        }
        if (state.surveyPending()) {
            return SurveyStatus.PENDING;
        }
        return state.isClosed() ? SurveyStatus.CLOSED : SurveyStatus.ANSWERED;
    }

    private static AnswerOutcome outcome(CaseState state, WorkOrder w, boolean current) {
        if (!current) {
            // A later work order exists only after a failed survey: redispatched, or handed to the manager hotline.
            boolean handedOver = state.workOrders().stream()
                    .anyMatch(next -> w.dispatchId().equals(next.previousDispatchId()) && next.handover());
            return handedOver ? AnswerOutcome.HANDED_OVER : AnswerOutcome.REDISPATCHED;
        }
        switch (state.status()) {
            case CLOSED:
                return AnswerOutcome.valueOf(state.closure().outcome().name());
            case SATISFIED:
                return AnswerOutcome.SATISFIED;
            case TRIAGE:
                // Only the survey of the answer given at the first contact is current while the case waits in
                // triage: it failed with a redispatch, and no dispatch rule fitted the case's first work order.
                if (state.lastSurveyFailure() == null) {
                    return null;
                }
                // fall through
            case DISSATISFIED:
                // Without redispatch, the closing event that follows says whether it was explained, escalated or
                // recorded.
                if (Boolean.TRUE.equals(state.lastSurveyFailure().handover())) {
                    return AnswerOutcome.HANDED_OVER;
                }
                return state.lastSurveyFailure().redispatch() ? AnswerOutcome.REDISPATCHED : null;
            default:
                return null;
        }
    }
}
