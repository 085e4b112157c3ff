package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The survey tasks of a case: one for every work order that was returned. Only the current work
 * order's survey can be pending; an earlier one was answered (it failed, or there would be no
 * later work order).
 */
public final class SurveyTasks {

    private SurveyTasks() {}

    public static List<SurveyTask> of(CaseState state) {
        List<SurveyTask> tasks = new ArrayList<>();
        Optional<WorkOrder> current = state.currentWorkOrder();
        ComplaintRegistered registration = state.registration();
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
                    w.resolution(), w.operatorAtFault(), clock.map(ClockState::warnAt).orElse(null),
                    clock.map(ClockState::deadline).orElse(null), w.surveyedAt()));
        }
        return tasks;
    }

    private static SurveyStatus status(CaseState state, boolean current) {
        if (!current) {
            return SurveyStatus.ANSWERED;
        }
        if (state.status() == CaseStatus.RETURNED) {
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
            case DISSATISFIED:
                // Without redispatch, the closing event that follows says whether it was explained or escalated.
                if (Boolean.TRUE.equals(state.lastSurveyFailure().handover())) {
                    return AnswerOutcome.HANDED_OVER;
                }
                return state.lastSurveyFailure().redispatch() ? AnswerOutcome.REDISPATCHED : null;
            default:
                return null;
        }
    }
}
