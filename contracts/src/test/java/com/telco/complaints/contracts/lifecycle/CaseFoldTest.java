package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.telco.complaints.contracts.lifecycle.CaseEvents.C;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.at;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.breach;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.clockStarted;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.closed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.dispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.failed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.passed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.redispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.registered;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.returned;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.unreachable;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.warning;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.wo;
import static org.assertj.core.api.Assertions.assertThat;

class CaseFoldTest {

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).as("the given events all apply").isEmpty();
        return result.state();
    }

    private static CaseState applied(CaseState state, ComplaintEvent event) {
        Transition transition = CaseFold.apply(state, event);
        assertThat(transition).as("applies " + event).isInstanceOf(Transition.Applied.class);
        return transition.state();
    }

    private static void rejected(CaseState state, ComplaintEvent event, RejectionReason reason) {
        Transition transition = CaseFold.apply(state, event);
        assertThat(transition).isInstanceOf(Transition.Rejected.class);
        assertThat(((Transition.Rejected) transition).rejection().reason()).isEqualTo(reason);
        assertThat(transition.state()).as("a rejected event leaves the state unchanged").isSameAs(state);
    }

    @Nested
    class LegalTransitions {

        @Test
        void registrationMakesACaseRegistered() {
            CaseState state = applied(CaseState.initial(C), registered());

            assertThat(state.status()).isEqualTo(CaseStatus.REGISTERED);
            assertThat(state.registration()).isEqualTo(registered());
            assertThat(state.eventCount()).isEqualTo(1);
        }

        @Test
        void dispatchOpensTheFirstWorkOrder() {
            CaseState state = applied(given(registered()), dispatched(1, 0.1));

            assertThat(state.status()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(state.currentWorkOrder()).hasValueSatisfying(w -> {
                assertThat(w.dispatchId()).isEqualTo(wo(1));
                assertThat(w.status()).isEqualTo(WorkOrderStatus.OPEN);
                assertThat(w.dispatchedAt()).isEqualTo(at(0.1));
            });
        }

        @Test
        void returnClosesTheWorkOrderAndAwaitsTheSurvey() {
            CaseState state = applied(given(registered(), dispatched(1, 0.1)), returned(1, 5));

            assertThat(state.status()).isEqualTo(CaseStatus.RETURNED);
            assertThat(state.workOrder(wo(1)).orElseThrow().status()).isEqualTo(WorkOrderStatus.RETURNED);
            assertThat(state.workOrder(wo(1)).orElseThrow().returnedAt()).isEqualTo(at(5));
        }

        @Test
        void satisfiedSurveyThenClosing() {
            CaseState satisfied = applied(given(registered(), dispatched(1, 0.1), returned(1, 5)), passed(1, 6));
            assertThat(satisfied.status()).isEqualTo(CaseStatus.SATISFIED);

            CaseState closed = applied(satisfied, closed(CloseOutcome.SATISFIED, 6));
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.closure().outcome()).isEqualTo(CloseOutcome.SATISFIED);
        }

        @Test
        void failedSurveyWithRedispatchThenRedispatchSupersedesTheWorkOrder() {
            CaseState dissatisfied = applied(given(registered(), dispatched(1, 0.1), returned(1, 5)), failed(1, 6, true));
            assertThat(dissatisfied.status()).isEqualTo(CaseStatus.DISSATISFIED);

            CaseState redispatched = applied(dissatisfied, redispatched(2, 6.1));
            assertThat(redispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(redispatched.attempts()).isEqualTo(2);
            assertThat(redispatched.workOrder(wo(1)).orElseThrow().status()).isEqualTo(WorkOrderStatus.SUPERSEDED);
            assertThat(redispatched.currentWorkOrder().orElseThrow().previousDispatchId()).isEqualTo(wo(1));
            assertThat(redispatched.lastSurveyFailure()).isNull();
        }

        @Test
        void failedSurveyWithoutRedispatchClosesAsExplainedOrEscalated() {
            CaseState dissatisfied = given(registered(), dispatched(1, 0.1), returned(1, 5), failed(1, 6, false));

            assertThat(applied(dissatisfied, closed(CloseOutcome.EXPLAINED, 6)).status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(applied(dissatisfied, closed(CloseOutcome.ESCALATED, 6)).status()).isEqualTo(CaseStatus.CLOSED);
        }

        @Test
        void unreachableAttemptsAreCountedThenTheCaseClosesAsUnreachable() {
            CaseState state = given(registered(), dispatched(1, 0.1), returned(1, 5), unreachable(1, 1, 6),
                    unreachable(1, 2, 7));
            assertThat(state.status()).isEqualTo(CaseStatus.RETURNED);
            assertThat(state.unreachableCount()).isEqualTo(2);

            CaseState closed = applied(state, closed(CloseOutcome.UNREACHABLE, 8));
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.workOrder(wo(1)).orElseThrow().surveyedAt()).as("closing ends the survey").isEqualTo(at(8));
        }

        @Test
        void theWholeLifecycleWithARedispatch() {
            CaseState state = given(registered(), dispatched(1, 0.1), returned(1, 5), failed(1, 6, true),
                    redispatched(2, 6.1), returned(2, 9), passed(2, 10), closed(CloseOutcome.SATISFIED, 10));

            assertThat(state.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(state.workOrders()).extracting(WorkOrder::status)
                    .containsExactly(WorkOrderStatus.SUPERSEDED, WorkOrderStatus.RETURNED);
            assertThat(state.eventCount()).isEqualTo(8);
            assertThat(state.lastEventAt()).isEqualTo(at(10));
        }

        @Test
        void clocksAreAnnouncedThenWarnedAndBreached() {
            SlaClockStarted caseClock = clockStarted(SlaClock.CASE, null, 0);
            SlaClockStarted returnClock = clockStarted(SlaClock.RETURN, wo(1), 0.1);
            CaseState state = given(registered(), caseClock, dispatched(1, 0.1), returnClock, warning(returnClock),
                    breach(returnClock));

            ClockState watched = state.clock(SlaClock.RETURN, wo(1)).orElseThrow();
            assertThat(watched.warnAt()).isEqualTo(at(8.1));
            assertThat(watched.warnedAt()).isEqualTo(at(8.1));
            assertThat(watched.breachedAt()).isEqualTo(at(10.1));
            assertThat(state.stoppedAt(watched)).isEmpty();
            assertThat(state.clock(SlaClock.CASE, null)).isPresent();
            assertThat(state.warningCount()).isEqualTo(1);
            assertThat(state.breachCount()).isEqualTo(1);
        }

        @Test
        void aWarningFoundLateStillAppliesWhenTheClockStoppedAfterTheWarningPoint() {
            SlaClockStarted returnClock = clockStarted(SlaClock.RETURN, wo(1), 0.1);
            CaseState returnedLate = given(registered(), dispatched(1, 0.1), returnClock, returned(1, 9),
                    passed(1, 9.5), closed(CloseOutcome.SATISFIED, 9.5));

            CaseState state = applied(returnedLate, warning(returnClock));

            assertThat(state.clock(SlaClock.RETURN, wo(1)).orElseThrow().warnedAt()).isEqualTo(at(8.1));
            assertThat(state.stoppedAt(state.clock(SlaClock.RETURN, wo(1)).orElseThrow())).contains(at(9));
        }

        @Test
        void aClockAnnouncedAfterItsWorkOrderWasReturnedKnowsWhenItStopped() {
            SlaClockStarted surveyClock = clockStarted(SlaClock.SURVEY, wo(1), 5);
            CaseState state = applied(given(registered(), dispatched(1, 0.1), returned(1, 5), passed(1, 6)), surveyClock);

            assertThat(state.stoppedAt(state.clock(SlaClock.SURVEY, wo(1)).orElseThrow())).contains(at(6));
        }
    }

    @Nested
    class IllegalTransitions {

        @Test
        void anEventOfAnotherCaseIsRejected() {
            Dispatched other = new Dispatched(java.util.UUID.randomUUID(), "OTHER", at(1), 1, null, "r", "W", 1, "d", "x");
            rejected(given(registered()), other, RejectionReason.OTHER_CASE);
        }

        @Test
        void anyEventBeforeRegistrationIsRejected() {
            CaseState nothing = CaseState.initial(C);
            SlaClockStarted caseClock = clockStarted(SlaClock.CASE, null, 0);
            for (ComplaintEvent event : List.of(dispatched(1, 0.1), returned(1, 1), passed(1, 2), failed(1, 2, true),
                    unreachable(1, 1, 2), redispatched(2, 3), caseClock, warning(caseClock), breach(caseClock),
                    closed(CloseOutcome.SATISFIED, 3))) {
                rejected(nothing, event, RejectionReason.NOT_REGISTERED);
            }
        }

        @Test
        void aSecondRegistrationIsRejected() {
            rejected(given(registered()), registered(), RejectionReason.ALREADY_REGISTERED);
        }

        @Test
        void aSecondDispatchIsRejected() {
            CaseState dispatched = given(registered(), dispatched(1, 0.1));
            Dispatched another = new Dispatched(java.util.UUID.randomUUID(), C, at(0.2), 1, null, "r", "W-other", 1,
                    "billing", "rule");

            rejected(dispatched, another, RejectionReason.ALREADY_DISPATCHED);
            rejected(dispatched, dispatched(1, 0.2), RejectionReason.DUPLICATE_WORK_ORDER);
        }

        @Test
        void aFirstDispatchWithAnotherAttemptNumberIsRejected() {
            rejected(given(registered()), dispatched(2, 0.1), RejectionReason.WRONG_ATTEMPT);
        }

        @Test
        void aReturnOfAnUnknownWorkOrderIsRejected() {
            rejected(given(registered(), dispatched(1, 0.1)), returned(2, 1), RejectionReason.UNKNOWN_WORK_ORDER);
        }

        @Test
        void aSecondReturnOfTheSameWorkOrderIsRejected() {
            rejected(given(registered(), dispatched(1, 0.1), returned(1, 1)), returned(1, 2),
                    RejectionReason.ALREADY_RETURNED);
        }

        @Test
        void aReturnOfASupersededWorkOrderIsRejected() {
            CaseState redispatched = given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, true),
                    redispatched(2, 2.1));

            rejected(redispatched, returned(1, 3), RejectionReason.SUPERSEDED);
        }

        @Test
        void aSurveyAnswerWhileTheWorkOrderIsOpenIsRejected() {
            CaseState open = given(registered(), dispatched(1, 0.1));

            rejected(open, passed(1, 1), RejectionReason.NO_SURVEY_PENDING);
            rejected(open, failed(1, 1, true), RejectionReason.NO_SURVEY_PENDING);
            rejected(open, unreachable(1, 1, 1), RejectionReason.NO_SURVEY_PENDING);
        }

        @Test
        void aSecondSurveyAnswerIsRejected() {
            CaseState satisfied = given(registered(), dispatched(1, 0.1), returned(1, 1), passed(1, 2));

            rejected(satisfied, passed(1, 3), RejectionReason.NO_SURVEY_PENDING);
            rejected(satisfied, failed(1, 3, true), RejectionReason.NO_SURVEY_PENDING);
        }

        @Test
        void aSurveyOfAnUnknownOrSupersededWorkOrderIsRejected() {
            rejected(given(registered(), dispatched(1, 0.1), returned(1, 1)), passed(2, 2),
                    RejectionReason.UNKNOWN_WORK_ORDER);
            CaseState redispatched = given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, true),
                    redispatched(2, 2.1), returned(2, 3));
            rejected(redispatched, passed(1, 4), RejectionReason.SUPERSEDED);
        }

        @Test
        void aRedispatchWithoutAFailedSurveyDecidingItIsRejected() {
            rejected(given(registered(), dispatched(1, 0.1), returned(1, 1)), redispatched(2, 2),
                    RejectionReason.NO_REDISPATCH_DECIDED);
            rejected(given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, false)), redispatched(2, 3),
                    RejectionReason.NO_REDISPATCH_DECIDED);
        }

        @Test
        void aRedispatchOfAnUnknownOrNonCurrentWorkOrderIsRejected() {
            CaseState dissatisfied = given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, true));

            rejected(dissatisfied, redispatched(3, 3), RejectionReason.UNKNOWN_WORK_ORDER);
            CaseState second = given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, true),
                    redispatched(2, 2.1), returned(2, 3), failed(2, 4, true));
            var fromFirst = new com.telco.complaints.contracts.event.Redispatched(java.util.UUID.randomUUID(), C, at(5),
                    1, null, "routing-service", wo(3), wo(1), 3, "escalation", "redispatch");
            rejected(second, fromFirst, RejectionReason.SUPERSEDED);
        }

        @Test
        void aRedispatchWithAWrongAttemptOrAnExistingIdIsRejected() {
            CaseState dissatisfied = given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, true));
            var skipping = new com.telco.complaints.contracts.event.Redispatched(java.util.UUID.randomUUID(), C, at(3),
                    1, null, "routing-service", wo(3), wo(1), 3, "escalation", "redispatch");
            var reusing = new com.telco.complaints.contracts.event.Redispatched(java.util.UUID.randomUUID(), C, at(3),
                    1, null, "routing-service", wo(1), wo(1), 2, "supervisor", "redispatch");

            rejected(dissatisfied, skipping, RejectionReason.WRONG_ATTEMPT);
            rejected(dissatisfied, reusing, RejectionReason.DUPLICATE_WORK_ORDER);
        }

        @Test
        void closingIsRejectedWhereTheStateOrTheOutcomeDoesNotAllowIt() {
            CaseState registered = given(registered());
            CaseState open = given(registered(), dispatched(1, 0.1));
            CaseState returned = given(registered(), dispatched(1, 0.1), returned(1, 1));
            CaseState satisfied = given(registered(), dispatched(1, 0.1), returned(1, 1), passed(1, 2));
            CaseState awaitingRedispatch = given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, true));
            CaseState explained = given(registered(), dispatched(1, 0.1), returned(1, 1), failed(1, 2, false));

            List<Object[]> refused = new ArrayList<>();
            for (CloseOutcome outcome : CloseOutcome.values()) {
                refused.add(new Object[] {registered, outcome});
                refused.add(new Object[] {open, outcome});
                refused.add(new Object[] {awaitingRedispatch, outcome});
                if (outcome != CloseOutcome.UNREACHABLE) refused.add(new Object[] {returned, outcome});
                if (outcome != CloseOutcome.SATISFIED) refused.add(new Object[] {satisfied, outcome});
                if (outcome == CloseOutcome.SATISFIED || outcome == CloseOutcome.UNREACHABLE) {
                    refused.add(new Object[] {explained, outcome});
                }
            }
            for (Object[] pair : refused) {
                rejected((CaseState) pair[0], closed((CloseOutcome) pair[1], 3), RejectionReason.CANNOT_CLOSE);
            }
        }

        @Test
        void lifecycleEventsAfterClosingAreRejected() {
            CaseState closed = given(registered(), dispatched(1, 0.1), returned(1, 1), passed(1, 2),
                    closed(CloseOutcome.SATISFIED, 2));

            rejected(closed, closed(CloseOutcome.SATISFIED, 3), RejectionReason.CASE_CLOSED);
            rejected(closed, passed(1, 3), RejectionReason.CASE_CLOSED);
            rejected(closed, failed(1, 3, true), RejectionReason.CASE_CLOSED);
            rejected(closed, returned(1, 3), RejectionReason.CASE_CLOSED);
            rejected(closed, redispatched(2, 3), RejectionReason.CASE_CLOSED);
            Dispatched late = new Dispatched(java.util.UUID.randomUUID(), C, at(3), 1, null, "r", "W-late", 1, "d", "x");
            rejected(closed, late, RejectionReason.CASE_CLOSED);
        }

        @Test
        void aClockForAnUnknownWorkOrderIsRejected() {
            rejected(given(registered()), clockStarted(SlaClock.RETURN, wo(1), 0.1), RejectionReason.UNKNOWN_WORK_ORDER);
        }

        @Test
        void aClockStartedTwiceIsRejected() {
            CaseState state = given(registered(), dispatched(1, 0.1), clockStarted(SlaClock.RETURN, wo(1), 0.1));

            rejected(state, clockStarted(SlaClock.RETURN, wo(1), 0.2), RejectionReason.CLOCK_ALREADY_STARTED);
        }

        @Test
        void aWarningOrBreachOfAClockNeverStartedIsRejected() {
            SlaClockStarted neverAnnounced = clockStarted(SlaClock.RETURN, wo(1), 0.1);
            CaseState state = given(registered(), dispatched(1, 0.1));

            rejected(state, warning(neverAnnounced), RejectionReason.UNKNOWN_CLOCK);
            rejected(state, breach(neverAnnounced), RejectionReason.UNKNOWN_CLOCK);
        }

        @Test
        void aSecondWarningOrBreachIsRejected() {
            SlaClockStarted clock = clockStarted(SlaClock.RETURN, wo(1), 0.1);
            CaseState state = given(registered(), dispatched(1, 0.1), clock, warning(clock), breach(clock));

            rejected(state, warning(clock), RejectionReason.ALREADY_WARNED);
            rejected(state, breach(clock), RejectionReason.ALREADY_BREACHED);
        }

        @Test
        void aWarningOrBreachAfterTheClockStoppedIsRejected() {
            SlaClockStarted clock = clockStarted(SlaClock.RETURN, wo(1), 0.1);
            CaseState returnedEarly = given(registered(), dispatched(1, 0.1), clock, returned(1, 2));
            CaseState returnedBetween = given(registered(), dispatched(1, 0.1), clock, warning(clock), returned(1, 9));
            SlaClockStarted caseClock = clockStarted(SlaClock.CASE, null, 0);
            CaseState closedEarly = given(registered(), caseClock, dispatched(1, 0.1), returned(1, 1), passed(1, 2),
                    closed(CloseOutcome.SATISFIED, 2));

            rejected(returnedEarly, warning(clock), RejectionReason.CLOCK_STOPPED_BEFORE);
            rejected(returnedEarly, breach(clock), RejectionReason.CLOCK_STOPPED_BEFORE);
            rejected(returnedBetween, breach(clock), RejectionReason.CLOCK_STOPPED_BEFORE);
            rejected(closedEarly, warning(caseClock), RejectionReason.CLOCK_STOPPED_BEFORE);
        }

        @Test
        void aStopExactlyAtTheWarningPointPreventsTheWarning() {
            SlaClockStarted clock = clockStarted(SlaClock.RETURN, wo(1), 0.1);
            CaseState returnedOnTheDot = given(registered(), dispatched(1, 0.1), clock, returned(1, 8.1));

            rejected(returnedOnTheDot, warning(clock), RejectionReason.CLOCK_STOPPED_BEFORE);
        }

        @Test
        void foldCollectsRejectionsAndKeepsGoing() {
            CaseFold.Result result = CaseFold.fold(C, List.of(registered(), returned(1, 1), dispatched(1, 2),
                    returned(1, 3), returned(1, 4)));

            assertThat(result.state().status()).isEqualTo(CaseStatus.RETURNED);
            assertThat(result.rejected()).extracting(r -> r.rejection().reason())
                    .containsExactly(RejectionReason.UNKNOWN_WORK_ORDER, RejectionReason.ALREADY_RETURNED);
        }
    }
}
