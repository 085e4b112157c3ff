package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactsTest {

    private static final String C = "20261125-00000009";
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    private static final FinalAnswer ANSWER = new FinalAnswer("Battery failed", "Engineer replaced it", "Signal back");

    private static ContactRequest request(ContactKind kind, ContactChannel channel, Boolean reached, Instant agreed,
                                          FinalAnswer answer) {
        return new ContactRequest(kind, channel, reached, "Called the customer", agreed, answer, "desk-1");
    }

    private static List<String> fields(ContactRequest request) {
        return Contacts.errors(request, NOW).stream().map(FieldError::field).toList();
    }

    private static CaseState registered() {
        return CaseFold.fold(C, List.of(TestEvents.registered(C, NOW.minusSeconds(3600)))).state();
    }

    private static CaseState applied(CaseState state, CustomerContacted contact) {
        Transition transition = CaseFold.apply(state, contact);
        assertThat(transition.applied()).isTrue();
        return transition.state();
    }

    @Test
    void aProgressCallWithAnAgreedTimeIsValid() {
        assertThat(fields(request(ContactKind.PROGRESS, ContactChannel.PHONE, true, NOW.plus(Duration.ofDays(2)), null)))
                .isEmpty();
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertThat(fields(new ContactRequest(null, null, null, " ", null, null, null)))
                .containsExactlyInAnyOrder("contactedBy", "kind", "channel", "reached", "summary");
    }

    @Test
    void aFinalAnswerNeedsTheCauseTheProcessAndTheSolution() {
        assertThat(fields(request(ContactKind.FINAL_ANSWER, ContactChannel.SMS, false, null, null)))
                .containsExactly("answer");
        assertThat(fields(request(ContactKind.FINAL_ANSWER, ContactChannel.SMS, false, null,
                new FinalAnswer(" ", null, "Signal back")))).containsExactly("answer.cause", "answer.process");
        assertThat(fields(request(ContactKind.FINAL_ANSWER, ContactChannel.SMS, false, null, ANSWER))).isEmpty();
    }

    @Test
    void onlyAFinalAnswerCarriesAnAnswer() {
        assertThat(fields(request(ContactKind.PROGRESS, ContactChannel.PHONE, true, null, ANSWER)))
                .containsExactly("answer");
    }

    @Test
    void anAgreedTimeNeedsAReachedCustomerAFutureWithinFifteenDaysAndNoFinalAnswer() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        assertThat(fields(request(ContactKind.PROGRESS, ContactChannel.PHONE, false, tomorrow, null)))
                .containsExactly("agreedNextContactBy");
        assertThat(fields(request(ContactKind.PROGRESS, ContactChannel.PHONE, true, NOW, null)))
                .containsExactly("agreedNextContactBy");
        assertThat(fields(request(ContactKind.PROGRESS, ContactChannel.PHONE, true, NOW.plus(Duration.ofDays(16)), null)))
                .containsExactly("agreedNextContactBy");
        assertThat(fields(request(ContactKind.FINAL_ANSWER, ContactChannel.PHONE, true, tomorrow, ANSWER)))
                .containsExactly("agreedNextContactBy");
    }

    @Test
    void contactsAreNumberedWithinTheirCaseAndTheirIdsFollowTheNumber() {
        CaseState state = registered();
        ContactRequest first = request(ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true, null, null);

        CustomerContacted one = Contacts.decide(state, first, NOW, "request:a");
        CustomerContacted again = Contacts.decide(state, first, NOW.plusSeconds(5), "request:b");
        CustomerContacted two = Contacts.decide(applied(state, one), first, NOW.plusSeconds(5), "request:b");

        assertThat(one.contactId()).isEqualTo("K-" + C + "-1");
        assertThat(again.eventId()).isEqualTo(one.eventId());
        assertThat(two.contactId()).isEqualTo("K-" + C + "-2");
        assertThat(two.eventId()).isNotEqualTo(one.eventId());
        assertThat(one.actor()).isEqualTo("desk-1");
        assertThat(one.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void aRepeatedRequestFindsTheContactItRecorded() {
        CustomerContacted one = Contacts.decide(registered(),
                request(ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true, null, null), NOW, "idempotency-key:k1");
        CaseState state = applied(registered(), one);

        ContactRequest same = request(ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true, null, null);
        assertThat(Contacts.recordedBy(state, "idempotency-key:k1", same)).contains(one);
        assertThat(Contacts.recordedBy(state, "idempotency-key:k2", same)).isEmpty();
        assertThatThrownBy(() -> Contacts.recordedBy(state, "idempotency-key:k1",
                request(ContactKind.FIRST_CONTACT, ContactChannel.PHONE, false, null, null)))
                .isInstanceOf(Contacts.KeyReused.class).hasMessageContaining("K-" + C + "-1");
    }

    @Test
    void aClosedCaseTakesNoContact() {
        CaseState closed = CaseFold.fold(C, List.of(TestEvents.registered(C, NOW.minusSeconds(3600)),
                TestEvents.dispatched(C, NOW.minusSeconds(3000), "network-ops"),
                TestEvents.returned(C, 1, NOW.minusSeconds(2000), true),
                TestEvents.surveyPassed(C, 1, NOW.minusSeconds(1000)),
                TestEvents.closed(C, 1, NOW.minusSeconds(1000), CloseOutcome.SATISFIED))).state();

        assertThatThrownBy(() -> Contacts.decide(closed,
                request(ContactKind.PROGRESS, ContactChannel.PHONE, true, null, null), NOW, "request:a"))
                .isInstanceOf(Contacts.ContactRefused.class).hasMessageContaining("closed (SATISFIED)");
    }
}
