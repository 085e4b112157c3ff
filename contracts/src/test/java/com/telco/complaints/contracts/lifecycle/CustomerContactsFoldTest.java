package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static com.telco.complaints.contracts.lifecycle.CaseEvents.C;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.at;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.closed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.dispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.passed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.registered;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.returned;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer desk's contacts in the case fold, and when the customer's clocks stop. */
class CustomerContactsFoldTest {

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static CustomerContacted contact(int n, double hours, ContactKind kind, ContactChannel channel,
                                             boolean reached) {
        return new CustomerContacted(UUID.randomUUID(), C, at(hours), 1, null, "desk-1", "K-" + C + "-" + n, kind,
                channel, reached, "call " + n, null, kind == ContactKind.FINAL_ANSWER
                        ? new FinalAnswer("cause", "process", "solution") : null, null);
    }

    private static SlaClockStarted started(SlaClock clock, Integer sequence, double hours, double limitHours) {
        return new SlaClockStarted(UUID.randomUUID(), C, at(hours), 2, null, "sla-service", clock, null, at(hours),
                at(hours + limitHours * 0.8), at(hours + limitHours),
                new SlaPolicyApplied("test", LimitKind.CALENDAR, Duration.ofMinutes(Math.round(limitHours * 60)), 0.8),
                sequence);
    }

    private static ClockState clock(CaseState state, SlaClock clock, Integer sequence) {
        return state.clock(clock, null, sequence).orElseThrow();
    }

    @Test
    void contactsAreKeptInOrderAndTheFirstReachedOneStopsContact() {
        CaseState state = given(registered(), started(SlaClock.CONTACT, null, 0, 24),
                contact(1, 2, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, false),
                contact(2, 20, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true));

        assertThat(state.contacts()).extracting(CustomerContacted::contactId).containsExactly("K-" + C + "-1", "K-" + C + "-2");
        assertThat(state.firstReachedAt()).contains(at(20));
        assertThat(state.stoppedAt(clock(state, SlaClock.CONTACT, null))).contains(at(20));
    }

    @Test
    void anAnsweredSurveyCallStopsContactToo() {
        CaseState state = given(registered(), started(SlaClock.CONTACT, null, 0, 24), dispatched(1, 1),
                returned(1, 5), passed(1, 6));

        assertThat(state.stoppedAt(clock(state, SlaClock.CONTACT, null))).contains(at(6));
    }

    @Test
    void theFinalAnswerInWritingStopsAnswerAndTheRunningProgressRun() {
        CaseState state = given(registered(), started(SlaClock.ANSWER, null, 0, 48),
                started(SlaClock.PROGRESS, 1, 48, 48), started(SlaClock.PROGRESS, 2, 50, 48),
                contact(1, 60, ContactKind.FINAL_ANSWER, ContactChannel.EMAIL, false));

        assertThat(state.answeredAt()).contains(at(60));
        assertThat(state.stoppedAt(clock(state, SlaClock.ANSWER, null))).contains(at(60));
        assertThat(state.stoppedAt(clock(state, SlaClock.PROGRESS, 1))).as("replaced by the next run").contains(at(50));
        assertThat(state.stoppedAt(clock(state, SlaClock.PROGRESS, 2))).contains(at(60));
    }

    @Test
    void aFinalAnswerByPhoneThatMissedTheCustomerAnswersNothing() {
        CaseState state = given(registered(), started(SlaClock.ANSWER, null, 0, 48),
                contact(1, 10, ContactKind.FINAL_ANSWER, ContactChannel.PHONE, false));

        assertThat(state.answeredAt()).isEmpty();
        assertThat(state.stoppedAt(clock(state, SlaClock.ANSWER, null))).isEmpty();
    }

    @Test
    void aContactOnAClosedCaseOrTwiceWithTheSameNumberIsRejected() {
        CaseState open = given(registered());
        CustomerContacted first = contact(1, 1, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true);
        CaseState contacted = CaseFold.apply(open, first).state();

        Transition twice = CaseFold.apply(contacted, contact(1, 2, ContactKind.PROGRESS, ContactChannel.PHONE, true));
        assertThat(twice).isInstanceOf(Transition.Rejected.class);
        assertThat(((Transition.Rejected) twice).rejection().reason()).isEqualTo(RejectionReason.DUPLICATE_CONTACT);

        CaseState closedCase = given(registered(), dispatched(1, 1), returned(1, 5), passed(1, 6),
                closed(CloseOutcome.SATISFIED, 6));
        Transition late = CaseFold.apply(closedCase, contact(1, 7, ContactKind.PROGRESS, ContactChannel.PHONE, true));
        assertThat(((Transition.Rejected) late).rejection().reason()).isEqualTo(RejectionReason.CASE_CLOSED);
    }

    @Test
    void progressRunsAreTrackedSeparatelyByTheirSequence() {
        CaseState state = given(registered(), started(SlaClock.PROGRESS, 1, 48, 48), started(SlaClock.PROGRESS, 2, 50, 48));

        assertThat(state.clocks()).filteredOn(c -> c.clock() == SlaClock.PROGRESS).extracting(ClockState::sequence)
                .containsExactly(1, 2);
        assertThat(CaseFold.apply(state, started(SlaClock.PROGRESS, 2, 50, 48)).applied()).isFalse();
    }

    @Test
    void aCaseClosedAsUnreachableReachedNobody() {
        CaseState state = given(registered(), started(SlaClock.CONTACT, null, 0, 24), dispatched(1, 1),
                returned(1, 5), CaseEvents.unreachable(1, 1, 6), CaseEvents.unreachable(1, 2, 7),
                CaseEvents.unreachable(1, 3, 8), closed(CloseOutcome.UNREACHABLE, 8));

        assertThat(state.firstReachedAt()).isEmpty();
        assertThat(state.stoppedAt(clock(state, SlaClock.CONTACT, null))).as("stopped by the close").contains(at(8));
    }

    @Test
    void anAnswerConsumedAfterAProgressRunStartedEndsThatRunToo() {
        CaseState state = given(registered(), started(SlaClock.PROGRESS, 1, 48, 48),
                contact(1, 47.9, ContactKind.FINAL_ANSWER, ContactChannel.SMS, false));

        assertThat(state.stoppedAt(clock(state, SlaClock.PROGRESS, 1))).contains(at(47.9));
    }
}
