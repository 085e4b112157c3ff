package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswersTest {

    private static final String C = "C-1";
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    /** The department's report of the returned work order, as the survey task keeps it. */
    private static final Map<String, String> REPORT = Map.of("reconstruction", "Base station lost power",
            "customerDemand", "Stable signal", "problemFound", "Battery failed", "measures", "Battery replaced");
    private static final SurveyRules RULES = SurveyRules.defaults();

    private static final AnswerRequest SATISFIED = new AnswerRequest(true, true, null, null, null, " sv-3 ");
    private static final AnswerRequest AT_FAULT = new AnswerRequest(true, false, " Still no signal ", true, null, "sv-3");
    private static final AnswerRequest NOT_AT_FAULT = new AnswerRequest(null, false, "Wants free data", false,
            "Coverage plan explained; 1 GB offered instead", "sv-3");
    private static final AnswerRequest NOT_REACHED = new AnswerRequest(false, null, null, null, null, "ivr-1");

    /** A case on its {@code attempt}th work order, just returned. */
    private static CaseState returnedOn(int attempt) {
        List<ComplaintEvent> events = new ArrayList<>(List.of(TestEvents.registered(C, T0),
                TestEvents.dispatched(C, T0, "network-ops"), TestEvents.returned(C, 1, T0, true)));
        for (int a = 2; a <= attempt; a++) {
            events.add(TestEvents.surveyFailed(C, a - 1, T0, true, true));
            events.add(TestEvents.redispatched(C, a, T0, "network-ops-supervisor"));
            events.add(TestEvents.returned(C, a, T0, true));
        }
        return given(events.toArray(ComplaintEvent[]::new));
    }

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    /** The fold accepts every event of the decision, in order. */
    private static CaseState applied(CaseState state, Answers.Decision decision) {
        for (ComplaintEvent event : decision.events()) {
            Transition transition = CaseFold.apply(state, event);
            assertThat(transition.applied()).as("%s applies", event).isTrue();
            state = transition.state();
        }
        return state;
    }

    private static Answers.Decision decide(CaseState state, AnswerRequest answer) {
        return Answers.decide(state, answer, RULES, NOW, "request:r-1", null, null);
    }

    @Test
    void aSatisfiedCustomerPassesTheSurveyAndClosesTheCase() {
        CaseState state = returnedOn(1);

        Answers.Decision decision = decide(state, SATISFIED);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.SATISFIED);
        assertThat(decision.events()).hasSize(2);
        SurveyPassed passed = (SurveyPassed) decision.events().get(0);
        assertThat(passed.eventId()).isEqualTo(EventIds.of(EventType.SURVEY_PASSED, "C-1-W1"));
        assertThat(passed.dispatchId()).isEqualTo("C-1-W1");
        assertThat(passed.attempt()).isEqualTo(1);
        assertThat(passed.actor()).isEqualTo("sv-3");
        assertThat(passed.causationId()).isEqualTo("request:r-1");
        assertThat(passed.occurredAt()).isEqualTo(NOW);
        ComplaintClosed closed = (ComplaintClosed) decision.events().get(1);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.SATISFIED);
        assertThat(closed.eventId()).isEqualTo(EventIds.of(EventType.COMPLAINT_CLOSED, C));
        assertThat(closed.dispatchId()).isEqualTo("C-1-W1");
        assertThat(applied(state, decision).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void dissatisfiedThroughTheOperatorsFaultUnderTheLimitIsRedispatched() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            CaseState state = returnedOn(attempt);

            Answers.Decision decision = decide(state, AT_FAULT);

            assertThat(decision.outcome()).isEqualTo(AnswerOutcome.REDISPATCHED);
            assertThat(decision.events()).hasSize(1);
            SurveyFailed failed = (SurveyFailed) decision.events().get(0);
            assertThat(failed.redispatch()).isTrue();
            assertThat(failed.operatorAtFault()).isTrue();
            assertThat(failed.reason()).isEqualTo("Still no signal");
            assertThat(failed.attempt()).isEqualTo(attempt);
            assertThat(failed.eventId()).isEqualTo(EventIds.of(EventType.SURVEY_FAILED, "C-1-W" + attempt));
            CaseState after = applied(state, decision);
            assertThat(after.status()).isEqualTo(CaseStatus.DISSATISFIED);
            assertThat(after.lastSurveyFailure().redispatch()).isTrue();
        }
    }

    @Test
    void dissatisfiedThroughTheOperatorsFaultOnTheLastWorkOrderIsHandedToTheManagerHotline() {
        CaseState state = returnedOn(3);

        Answers.Decision decision = decide(state, AT_FAULT);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.HANDED_OVER);
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(SurveyFailed.class, failed -> {
            assertThat(failed.redispatch()).isFalse();
            assertThat(failed.handover()).isTrue();
            assertThat(failed.attempt()).isEqualTo(3);
        });
        CaseState after = applied(state, decision);
        assertThat(after.isClosed()).as("ESCALATED no longer closes a case: the hotline takes it").isFalse();
        assertThat(after.lastSurveyFailure().owesWorkOrder()).isTrue();
    }

    @Test
    void aCustomerWhoDoesNotAcceptTheExplanationIsHandedToTheManagerHotline() {
        AnswerRequest notAccepted = new AnswerRequest(true, false, "Wants free data", false,
                "Coverage plan explained", "sv-3", false);

        Answers.Decision decision = decide(returnedOn(1), notAccepted);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.HANDED_OVER);
        assertThat(((SurveyFailed) decision.events().get(0)).handover()).isTrue();
        assertThat(decision.events()).noneMatch(e -> e instanceof ComplaintClosed);
    }

    /** The case after the manager hotline's work order (attempt 2, handed over from attempt 1) was returned. */
    private static CaseState returnedByTheHotline() {
        CaseState state = returnedOn(1);
        state = given(state, new SurveyFailed(java.util.UUID.randomUUID(), C, T0, 1, null, "sv-1", "C-1-W1", 1,
                "Does not accept it", false, "Explained", false, true));
        return given(state, TestEvents.redispatched(C, 2, T0, "manager-hotline"), TestEvents.returned(C, 2, T0, true));
    }

    @Test
    void dissatisfiedAgainAfterTheHotlineClosesAsEscalatedWhateverTheFault() {
        CaseState state = returnedByTheHotline();
        assertThat(state.handedOver()).isTrue();

        Answers.Decision atFault = decide(state, AT_FAULT);
        Answers.Decision notAccepted = decide(state, new AnswerRequest(true, false, "Still no", false, "Explained again",
                "sv-3", false));

        for (Answers.Decision decision : List.of(atFault, notAccepted)) {
            assertThat(decision.outcome()).isEqualTo(AnswerOutcome.ESCALATED);
            SurveyFailed failed = (SurveyFailed) decision.events().get(0);
            assertThat(failed.redispatch()).isFalse();
            assertThat(failed.handover()).isFalse();
            ComplaintClosed closed = (ComplaintClosed) decision.events().get(1);
            assertThat(closed.outcome()).isEqualTo(CloseOutcome.ESCALATED);
            assertThat(closed.summary()).contains("manager hotline");
            assertThat(applied(state, decision).isClosed()).isTrue();
        }
        assertThat(decide(state, NOT_AT_FAULT).outcome()).as("accepted after the hotline").isEqualTo(AnswerOutcome.EXPLAINED);
    }

    @Test
    void theAttemptLimitIsConfigurable() {
        SurveyRules oneWorkOrderOnly = new SurveyRules(1, 3);
        SurveyRules fourWorkOrders = new SurveyRules(4, 3);

        assertThat(Answers.decide(returnedOn(1), AT_FAULT, oneWorkOrderOnly, NOW, "r", null, null).outcome())
                .isEqualTo(AnswerOutcome.HANDED_OVER);
        assertThat(Answers.decide(returnedOn(3), AT_FAULT, fourWorkOrders, NOW, "r", null, null).outcome())
                .isEqualTo(AnswerOutcome.REDISPATCHED);
    }

    @Test
    void dissatisfiedWithoutTheOperatorsFaultIsExplainedAndClosedEvenOnTheLastWorkOrder() {
        for (int attempt : new int[] {1, 3}) {
            CaseState state = returnedOn(attempt);

            Answers.Decision decision = decide(state, NOT_AT_FAULT);

            assertThat(decision.outcome()).isEqualTo(AnswerOutcome.EXPLAINED);
            SurveyFailed failed = (SurveyFailed) decision.events().get(0);
            assertThat(failed.redispatch()).isFalse();
            assertThat(failed.operatorAtFault()).isFalse();
            assertThat(failed.explanation()).isEqualTo("Coverage plan explained; 1 GB offered instead");
            ComplaintClosed closed = (ComplaintClosed) decision.events().get(1);
            assertThat(closed.outcome()).isEqualTo(CloseOutcome.EXPLAINED);
            assertThat(closed.summary()).contains("1 GB offered instead");
            assertThat(applied(state, decision).isClosed()).isTrue();
        }
    }

    @Test
    void anUnreachedCustomerIsRecordedAndTheThirdMissedCallClosesTheCaseAsUnreachable() {
        CaseState state = returnedOn(1);

        Answers.Decision first = decide(state, NOT_REACHED);
        assertThat(first.outcome()).isEqualTo(AnswerOutcome.NOT_REACHED);
        CustomerUnreachable once = (CustomerUnreachable) first.events().get(0);
        assertThat(first.events()).hasSize(1);
        assertThat(once.unreachableCount()).isEqualTo(1);
        assertThat(once.actor()).isEqualTo("ivr-1");
        assertThat(once.eventId()).isEqualTo(EventIds.of(EventType.CUSTOMER_UNREACHABLE, "C-1-W1", 1));
        state = applied(state, first);
        assertThat(Answers.pending(state)).isTrue();

        Answers.Decision second = decide(state, NOT_REACHED);
        assertThat(second.outcome()).isEqualTo(AnswerOutcome.NOT_REACHED);
        assertThat(((CustomerUnreachable) second.events().get(0)).unreachableCount()).isEqualTo(2);
        assertThat(second.events().get(0).eventId()).isNotEqualTo(once.eventId());
        state = applied(state, second);

        Answers.Decision third = decide(state, NOT_REACHED);
        assertThat(third.outcome()).isEqualTo(AnswerOutcome.UNREACHABLE);
        assertThat(((CustomerUnreachable) third.events().get(0)).unreachableCount()).isEqualTo(3);
        ComplaintClosed closed = (ComplaintClosed) third.events().get(1);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.UNREACHABLE);
        assertThat(applied(state, third).isClosed()).isTrue();
    }

    @Test
    void theUnreachableLimitIsConfigurable() {
        Answers.Decision decision = Answers.decide(returnedOn(1), NOT_REACHED, new SurveyRules(3, 1), NOW, "r", REPORT, null);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.UNREACHABLE);
        // Closed only after the final answer was sent in writing: by SMS, from the department's return.
        assertThat(decision.events()).extracting(e -> EventType.of(e)).containsExactly(EventType.CUSTOMER_UNREACHABLE,
                EventType.CUSTOMER_CONTACTED, EventType.COMPLAINT_CLOSED);
        CustomerContacted sms = (CustomerContacted) decision.events().get(1);
        assertThat(sms.kind()).isEqualTo(ContactKind.FINAL_ANSWER);
        assertThat(sms.channel()).isEqualTo(ContactChannel.SMS);
        assertThat(sms.reachedCustomer()).isFalse();
        assertThat(applied(returnedOn(1), decision).answeredInWritingAt()).contains(NOW);
    }

    @Test
    void aCustomerAlreadySentTheAnswerInWritingIsNotSentItAgainBeforeClosingAsUnreachable() {
        CaseState state = given(returnedOn(1), TestEvents.contacted(C, T0, ContactKind.FINAL_ANSWER, ContactChannel.EMAIL,
                false, null));

        Answers.Decision decision = Answers.decide(state, NOT_REACHED, new SurveyRules(3, 1), NOW, "r", REPORT, null);

        assertThat(decision.events()).extracting(e -> EventType.of(e))
                .containsExactly(EventType.CUSTOMER_UNREACHABLE, EventType.COMPLAINT_CLOSED);
    }

    @Test
    void missedCallsCountPerWorkOrder() {
        CaseState state = returnedOn(1);
        state = applied(state, decide(state, NOT_REACHED));
        state = applied(state, decide(state, NOT_REACHED));
        state = applied(state, decide(state, AT_FAULT));
        state = given(state, TestEvents.redispatched(C, 2, T0, "network-ops-supervisor"),
                TestEvents.returned(C, 2, T0, true));

        Answers.Decision decision = decide(state, NOT_REACHED);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.NOT_REACHED);
        CustomerUnreachable unreachable = (CustomerUnreachable) decision.events().get(0);
        assertThat(unreachable.unreachableCount()).isEqualTo(1);
        assertThat(unreachable.dispatchId()).isEqualTo("C-1-W2");
    }

    @Test
    void decidingTheSameAnswerTwiceGivesTheSameFacts() {
        CaseState state = returnedOn(2);

        Answers.Decision first = decide(state, SATISFIED);
        Answers.Decision again = Answers.decide(state, SATISFIED, RULES, NOW.plusSeconds(60), "request:r-2", null, null);

        assertThat(again.events()).extracting(ComplaintEvent::eventId)
                .containsExactlyElementsOf(first.events().stream().map(ComplaintEvent::eventId).toList());
    }

    @Test
    void noSurveyIsPendingBeforeTheReturnAfterTheAnswerOrOnceClosed() {
        CaseState registered = given(TestEvents.registered(C, T0));
        CaseState dispatched = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"));
        CaseState answered = applied(returnedOn(1), decide(returnedOn(1), AT_FAULT));
        CaseState closed = applied(returnedOn(1), decide(returnedOn(1), SATISFIED));
        CaseState unknown = CaseState.initial(C);

        assertThatThrownBy(() -> decide(registered, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("no work order yet");
        assertThatThrownBy(() -> decide(dispatched, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("still with network-ops");
        assertThatThrownBy(() -> decide(answered, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("already answered");
        assertThatThrownBy(() -> decide(closed, NOT_REACHED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("closed (SATISFIED)");
        assertThatThrownBy(() -> decide(unknown, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("not registered");
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new SurveyRules(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempt-limit");
        assertThatThrownBy(() -> new SurveyRules(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unreachable-limit");
    }

    private static CaseState given(CaseState state, ComplaintEvent... events) {
        for (ComplaintEvent event : events) {
            Transition transition = CaseFold.apply(state, event);
            assertThat(transition.applied()).isTrue();
            state = transition.state();
        }
        return state;
    }

    @Test
    void anAnsweredSurveySaysWhenItWasAnswered() {
        CaseState answered = applied(returnedOn(1), decide(returnedOn(1), AT_FAULT));

        assertThatThrownBy(() -> decide(answered, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessage("The survey of work order C-1-W1 was already answered at " + NOW);
    }

    @Test
    void onlyAReturnedCaseIsWaitingForASurvey() {
        CaseState registered = given(TestEvents.registered(C, T0));
        CaseState dispatched = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"));
        CaseState answered = applied(returnedOn(1), decide(returnedOn(1), AT_FAULT));
        CaseState closed = applied(returnedOn(1), decide(returnedOn(1), SATISFIED));

        assertThat(Answers.pending(returnedOn(1))).isTrue();
        assertThat(Answers.pending(registered)).isFalse();
        assertThat(Answers.pending(dispatched)).isFalse();
        assertThat(Answers.pending(answered)).isFalse();
        assertThat(Answers.pending(closed)).isFalse();
    }

    @Test
    void byDefaultACaseHasThreeWorkOrdersAndThreeSurveyCalls() {
        SurveyRules defaults = SurveyRules.defaults();

        assertThat(defaults.attemptLimit()).isEqualTo(3);
        assertThat(defaults.unreachableLimit()).isEqualTo(3);
    }

    @Test
    void aCustomerReachedAtTheSurveyWhoWasNeverAnsweredIsGivenTheAnswerFromTheReturnFirst() {
        CaseState state = returnedOn(1);

        Answers.Decision decision = Answers.decide(state, SATISFIED, RULES, NOW, "request:r-1", REPORT, null);

        assertThat(decision.events()).extracting(e -> EventType.of(e)).containsExactly(EventType.CUSTOMER_CONTACTED,
                EventType.SURVEY_PASSED, EventType.COMPLAINT_CLOSED);
        CustomerContacted answer = (CustomerContacted) decision.events().get(0);
        assertThat(answer.kind()).isEqualTo(ContactKind.FINAL_ANSWER);
        assertThat(answer.reachedCustomer()).isTrue();
        assertThat(answer.actor()).isEqualTo("sv-3");
        assertThat(answer.dispatchId()).isEqualTo("C-1-W1");
        assertThat(answer.answer()).isEqualTo(new FinalAnswer("Battery failed", "Base station lost power",
                "Battery replaced"));
        assertThat(applied(state, decision).answeredAt()).contains(NOW);
    }

    @Test
    void aCustomerAnsweredBeforeTheSurveyIsNotAnsweredAgain() {
        CaseState state = given(returnedOn(1), TestEvents.contacted(C, T0, ContactKind.FINAL_ANSWER,
                ContactChannel.SMS, false, null));

        Answers.Decision decision = Answers.decide(state, AT_FAULT, RULES, NOW, "request:r-1", REPORT, null);

        assertThat(decision.events()).extracting(e -> EventType.of(e)).containsExactly(EventType.SURVEY_FAILED);
    }

    @Test
    void aCallThatMissedTheCustomerGivesNoAnswer() {
        Answers.Decision decision = Answers.decide(returnedOn(1), NOT_REACHED, RULES, NOW, "request:r-1", REPORT, null);

        assertThat(decision.events()).extracting(e -> EventType.of(e)).containsExactly(EventType.CUSTOMER_UNREACHABLE);
    }
}
