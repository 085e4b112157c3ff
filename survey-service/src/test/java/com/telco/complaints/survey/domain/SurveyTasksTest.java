package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyTasksTest {

    private static final String C = "C-1";
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    @Test
    void aWorkOrderNotYetReturnedHasNoSurvey() {
        assertThat(SurveyTasks.of(given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"))))
                .isEmpty();
    }

    @Test
    void aReturnedWorkOrderHasAPendingSurveyWithTheCustomerAndTheSurveyDeadlineOnceAnnounced() {
        Instant returnedAt = T0.plusSeconds(3600);
        CaseState returned = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"),
                TestEvents.returned(C, 1, returnedAt, true));

        SurveyTask task = SurveyTasks.of(returned).get(0);
        assertThat(task.status()).isEqualTo(SurveyStatus.PENDING);
        assertThat(task.outcome()).isNull();
        assertThat(task.dispatchId()).isEqualTo("C-1-W1");
        assertThat(task.customer().phone()).isEqualTo("13812345678");
        assertThat(task.returnedAt()).isEqualTo(returnedAt);
        assertThat(task.operatorAtFault()).isTrue();
        assertThat(task.faultOf()).as("as the return named it").isEqualTo(FaultParty.DEPARTMENT);
        assertThat(task.surveyDeadline()).isNull();

        SlaClockStarted clock = TestEvents.clockStarted(C, SlaClock.SURVEY, "C-1-W1", returnedAt, Duration.ofHours(8));
        SurveyTask announced = SurveyTasks.of(CaseFold.apply(returned, clock).state()).get(0);
        assertThat(announced.warnAt()).isEqualTo(clock.warnAt());
        assertThat(announced.surveyDeadline()).isEqualTo(clock.deadline());
    }

    @Test
    void aRedispatchedSurveyIsAnsweredAndTheNewReturnOpensAnotherPendingOne() {
        CaseState state = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"),
                TestEvents.returned(C, 1, T0, true), TestEvents.surveyFailed(C, 1, T0, true, true));
        assertThat(SurveyTasks.of(state)).extracting(SurveyTask::status, SurveyTask::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SurveyStatus.ANSWERED, AnswerOutcome.REDISPATCHED));

        state = CaseFold.apply(state, TestEvents.redispatched(C, 2, T0, "supervisor")).state();
        state = CaseFold.apply(state, TestEvents.returned(C, 2, T0, true)).state();

        List<SurveyTask> tasks = SurveyTasks.of(state);
        assertThat(tasks).extracting(SurveyTask::dispatchId).containsExactly("C-1-W1", "C-1-W2");
        assertThat(tasks).extracting(SurveyTask::status).containsExactly(SurveyStatus.ANSWERED, SurveyStatus.PENDING);
        assertThat(tasks.get(0).outcome()).isEqualTo(AnswerOutcome.REDISPATCHED);
        assertThat(tasks.get(1).attempt()).isEqualTo(2);
    }

    @Test
    void aClosedCaseShowsHowItClosedOnItsLastSurvey() {
        for (CloseOutcome outcome : List.of(CloseOutcome.EXPLAINED, CloseOutcome.ESCALATED, CloseOutcome.RECORDED)) {
            CaseState state = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"),
                    TestEvents.returned(C, 1, T0, true), TestEvents.surveyFailed(C, 1, T0, false, false),
                    TestEvents.closed(C, 1, T0, outcome));

            SurveyTask task = SurveyTasks.of(state).get(0);
            assertThat(task.status()).isEqualTo(SurveyStatus.CLOSED);
            assertThat(task.outcome().name()).isEqualTo(outcome.name());
            assertThat(task.answeredAt()).isEqualTo(T0);
        }
    }

    @Test
    void aSurveyThatHandedTheCustomerToTheHotlineSaysSoAndTheHotlinesReturnOpensAnotherPendingOne() {
        var handover = new com.telco.complaints.contracts.event.SurveyFailed(java.util.UUID.randomUUID(), C, T0, 1, null,
                "sv-1", C + "-W1", 1, "Does not accept it", false, "Explained", false, true);
        CaseState handedOver = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"),
                TestEvents.returned(C, 1, T0, false), handover);

        assertThat(SurveyTasks.of(handedOver)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(SurveyStatus.ANSWERED);
            assertThat(task.outcome()).isEqualTo(AnswerOutcome.HANDED_OVER);
        });

        CaseState atHotline = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"),
                TestEvents.returned(C, 1, T0, false), handover, TestEvents.redispatched(C, 2, T0, "manager-hotline"),
                TestEvents.returned(C, 2, T0, false));
        assertThat(SurveyTasks.of(atHotline)).extracting(SurveyTask::outcome, SurveyTask::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AnswerOutcome.HANDED_OVER, SurveyStatus.ANSWERED),
                org.assertj.core.groups.Tuple.tuple(null, SurveyStatus.PENDING));
    }
}
