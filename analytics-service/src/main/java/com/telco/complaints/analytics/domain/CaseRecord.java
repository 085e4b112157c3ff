package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.contracts.lifecycle.Rejection;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.lifecycle.WorkOrder;

import java.time.Instant;
import java.util.Optional;

/**
 * A case as analytics keeps it: the contracts' folded {@link CaseState}, plus the survey answers
 * counted on the way (the state keeps only the last failure, KPIs need every answer) and the department
 * the first work order was dispatched to (the state keeps where a work order is now, after its transfers).
 *
 * @param lastSurvey      the latest survey answer applied, null before the first
 * @param firstDepartment the department the case's first work order was dispatched to (KPIs count the case under
 *                        it, whatever transfers followed); null before it
 */
public record CaseRecord(CaseState state, int surveysPassed, int surveysFailed, SurveyOutcome lastSurvey,
                         String firstDepartment) {

    public enum SurveyOutcome { PASSED, FAILED }

    /** The result of applying one event: the record after it, and the rejection when the fold refused it. */
    public record Step(CaseRecord record, Rejection rejection) {
        public boolean applied() {
            return rejection == null;
        }
    }

    public static CaseRecord initial(String complaintId) {
        return new CaseRecord(CaseState.initial(complaintId), 0, 0, null, null);
    }

    public String complaintId() {
        return state.complaintId();
    }

    /** Applies one event with the contracts' state machine; a refused event leaves the record as it was. */
    public Step apply(ComplaintEvent event) {
        Transition transition = CaseFold.apply(state, event);
        if (transition instanceof Transition.Rejected rejected) {
            return new Step(this, rejected.rejection());
        }
        int passed = surveysPassed;
        int failed = surveysFailed;
        SurveyOutcome last = lastSurvey;
        if (event instanceof SurveyPassed) {
            passed++;
            last = SurveyOutcome.PASSED;
        } else if (event instanceof SurveyFailed) {
            failed++;
            last = SurveyOutcome.FAILED;
        }
        CaseState next = transition.state();
        String first = firstDepartment != null || next.workOrders().isEmpty() ? firstDepartment
                : next.workOrders().get(0).department();
        return new Step(new CaseRecord(next, passed, failed, last, first), null);
    }

    /** The work order the case is at now (the last one). */
    public Optional<WorkOrder> currentWorkOrder() {
        return state.currentWorkOrder();
    }

    /** The department holding the case now: that of its current work order. */
    public String department() {
        return state.currentWorkOrder().map(WorkOrder::department).orElse(null);
    }

    public Instant registeredAt() {
        return state.registration() == null ? null : state.registration().occurredAt();
    }

    public Instant closedAt() {
        return state.closure() == null ? null : state.closure().occurredAt();
    }

    /**
     * Work orders whose timeliness is settled: their RETURN deadline was announced, and they were
     * returned or that deadline was breached (late for certain even before the return).
     */
    public int returnsJudged() {
        int judged = 0;
        for (WorkOrder w : state.workOrders()) {
            Optional<ClockState> clock = state.clock(SlaClock.RETURN, w.dispatchId());
            if (clock.isPresent() && (w.returnedAt() != null || clock.get().breachedAt() != null)) {
                judged++;
            }
        }
        return judged;
    }

    /** Work orders returned at or before the RETURN deadline announced for them. */
    public int returnsOnTime() {
        int onTime = 0;
        for (WorkOrder w : state.workOrders()) {
            Optional<ClockState> clock = state.clock(SlaClock.RETURN, w.dispatchId());
            if (clock.isPresent() && w.returnedAt() != null && !w.returnedAt().isAfter(clock.get().deadline())) {
                onTime++;
            }
        }
        return onTime;
    }
}
