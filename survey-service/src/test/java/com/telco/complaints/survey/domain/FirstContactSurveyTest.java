package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The survey of a complaint resolved at the first contact (即时处理): about the answer given then, without a work
 * order; a dissatisfied customer owed a work order gets the case's first.
 */
class FirstContactSurveyTest {

    private static final String C = "C-7";
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    private static final SurveyRules RULES = new SurveyRules(3, 3);

    private static final AnswerRequest SATISFIED = new AnswerRequest(true, true, null, null, null, "sv-3");
    private static final AnswerRequest AT_FAULT = new AnswerRequest(true, false, "Signal gone again", true, null, "sv-3");
    private static final AnswerRequest NOT_ACCEPTED = new AnswerRequest(true, false, "Wants compensation", false,
            "The APN reset was the fix; no fault on the network", "sv-3", false);
    private static final AnswerRequest ACCEPTED = new AnswerRequest(true, false, "Wants compensation", false,
            "The APN reset was the fix; no fault on the network", "sv-3", true);
    private static final AnswerRequest NOT_REACHED = new AnswerRequest(false, null, null, null, null, "ivr-1");

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static CaseState resolvedAtFirstContact() {
        return given(TestEvents.registeredAtFirstContact(C, T0));
    }

    private static Map<String, String> report(CaseState state) {
        return Contacts.firstContactReport(state.registration().resolvedAtFirstContact());
    }

    private static Answers.Decision decide(CaseState state, AnswerRequest answer) {
        return Answers.decide(state, answer, RULES, NOW, "request:r-1", report(state), null);
    }

    private static CaseState applied(CaseState state, Answers.Decision decision) {
        for (ComplaintEvent event : decision.events()) {
            Transition transition = CaseFold.apply(state, event);
            assertThat(transition.applied()).as("%s applies", event).isTrue();
            state = transition.state();
        }
        return state;
    }

    @Test
    void theSurveyIsPendingAtRegistrationAboutTheAnswerGivenThen() {
        CaseState state = resolvedAtFirstContact();

        assertThat(state.status()).isEqualTo(CaseStatus.RESOLVED_AT_FIRST_CONTACT);
        assertThat(Answers.pending(state)).isTrue();
        assertThat(Answers.pendingSubject(state)).isEqualTo(new Answers.Subject(null, 0, null));
        assertThat(SurveyTasks.of(state)).singleElement().satisfies(task -> {
            assertThat(task.dispatchId()).isNull();
            assertThat(task.key()).isEqualTo(C);
            assertThat(task.attempt()).isZero();
            assertThat(task.status()).isEqualTo(SurveyStatus.PENDING);
            assertThat(task.returnedAt()).isEqualTo(T0);
            assertThat(task.resolution()).isEqualTo(Resolution.RESOLVED);
            assertThat(task.firstContactAnswer().measures()).isEqualTo("Reset the customer's network settings on the call");
        });
    }

    @Test
    void aSatisfiedCustomerClosesTheCaseWithoutAWorkOrder() {
        CaseState state = resolvedAtFirstContact();

        Answers.Decision decision = decide(state, SATISFIED);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.SATISFIED);
        assertThat(decision.dispatchId()).isNull();
        assertThat(decision.events()).hasSize(2);
        SurveyPassed passed = (SurveyPassed) decision.events().get(0);
        assertThat(passed.dispatchId()).isNull();
        assertThat(passed.attempt()).isZero();
        assertThat(((ComplaintClosed) decision.events().get(1)).outcome()).isEqualTo(CloseOutcome.SATISFIED);
        CaseState after = applied(state, decision);
        assertThat(after.isClosed()).isTrue();
        assertThat(after.firstContactSurveyedAt()).isEqualTo(NOW);
        assertThat(SurveyTasks.of(after)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(SurveyStatus.CLOSED);
            assertThat(task.outcome()).isEqualTo(AnswerOutcome.SATISFIED);
            assertThat(task.answeredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void theSameAnswerDecidedTwiceIsOneFact() {
        CaseState state = resolvedAtFirstContact();

        assertThat(decide(state, SATISFIED).events().get(0).eventId())
                .isEqualTo(decide(state, SATISFIED).events().get(0).eventId());
    }

    @Test
    void aCustomerDissatisfiedThroughTheOperatorsFaultIsOwedTheCasesFirstWorkOrder() {
        CaseState state = resolvedAtFirstContact();

        Answers.Decision decision = decide(state, AT_FAULT);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.REDISPATCHED);
        SurveyFailed failed = (SurveyFailed) decision.events().get(0);
        assertThat(failed.dispatchId()).isNull();
        assertThat(failed.redispatch()).isTrue();
        CaseState after = applied(state, decision);
        // Routing's first work order is accepted by the fold; the survey of the first contact is then answered.
        CaseState dispatched = applied(after, new Answers.Decision(AnswerOutcome.REDISPATCHED, null,
                List.of(TestEvents.dispatched(C, NOW.plusSeconds(60), "network-ops"))));
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(SurveyTasks.of(dispatched)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(SurveyStatus.ANSWERED);
            assertThat(task.outcome()).isEqualTo(AnswerOutcome.REDISPATCHED);
        });
        assertThatThrownBy(() -> decide(dispatched, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("still with network-ops");
    }

    @Test
    void whileTheCasesFirstWorkOrderWaitsInTriageTheFirstContactsSurveyStaysAnsweredAndRedispatched() {
        CaseState state = resolvedAtFirstContact();
        CaseState failed = applied(state, decide(state, AT_FAULT));
        CaseState triaged = applied(failed, new Answers.Decision(AnswerOutcome.REDISPATCHED, null,
                List.of(TestEvents.awaitingTriage(C, NOW.plusSeconds(60)))));

        assertThat(triaged.status()).isEqualTo(CaseStatus.TRIAGE);
        assertThat(SurveyTasks.of(triaged)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(SurveyStatus.ANSWERED);
            assertThat(task.outcome()).isEqualTo(AnswerOutcome.REDISPATCHED);
            assertThat(task.answeredAt()).isEqualTo(NOW);
        });
        assertThatThrownBy(() -> decide(triaged, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("waits in triage");
    }

    @Test
    void aCustomerWhoDoesNotAcceptTheExplanationIsHandedToTheManagerHotline() {
        Answers.Decision decision = decide(resolvedAtFirstContact(), NOT_ACCEPTED);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.HANDED_OVER);
        assertThat(((SurveyFailed) decision.events().get(0)).handover()).isTrue();
        assertThat(decision.events()).hasSize(1);
    }

    @Test
    void aCustomerWhoAcceptsTheExplanationClosesExplained() {
        Answers.Decision decision = decide(resolvedAtFirstContact(), ACCEPTED);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.EXPLAINED);
        assertThat(((ComplaintClosed) decision.events().get(1)).outcome()).isEqualTo(CloseOutcome.EXPLAINED);
    }

    @Test
    void aCustomerNeverReachedIsSentTheFirstContactsAnswerInWritingBeforeClosingUnreachable() {
        CaseState state = resolvedAtFirstContact();
        for (int call = 1; call < RULES.unreachableLimit(); call++) {
            Answers.Decision missed = decide(state, NOT_REACHED);
            assertThat(missed.outcome()).isEqualTo(AnswerOutcome.NOT_REACHED);
            assertThat(((CustomerUnreachable) missed.events().get(0)).dispatchId()).isNull();
            state = applied(state, missed);
        }

        Answers.Decision last = decide(state, NOT_REACHED);

        assertThat(last.outcome()).isEqualTo(AnswerOutcome.UNREACHABLE);
        assertThat(last.events()).hasSize(3);
        CustomerContacted sms = (CustomerContacted) last.events().get(1);
        assertThat(sms.channel()).isEqualTo(ContactChannel.SMS);
        assertThat(sms.answer().cause()).isEqualTo("A stale APN setting after the phone's update; reset, signal back");
        assertThat(sms.answer().solution()).isEqualTo("Reset the customer's network settings on the call");
        assertThat(sms.summary()).contains("the answer given at the first contact");
        assertThat(((ComplaintClosed) last.events().get(2)).outcome()).isEqualTo(CloseOutcome.UNREACHABLE);
        CaseState closed = applied(state, last);
        assertThat(closed.isClosed()).isTrue();
        assertThat(SurveyTasks.of(closed)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(SurveyStatus.CLOSED);
            assertThat(task.outcome()).isEqualTo(AnswerOutcome.UNREACHABLE);
            assertThat(task.answeredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aSurveyAlreadyAnsweredIsNotPendingAndSaysSo() {
        CaseState state = applied(resolvedAtFirstContact(), decide(resolvedAtFirstContact(), NOT_ACCEPTED));

        assertThatThrownBy(() -> decide(state, SATISFIED)).isInstanceOf(Answers.SurveyNotPending.class)
                .hasMessageContaining("answer given at the first contact was already answered");
    }
}
