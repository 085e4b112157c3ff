package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerObligationsTest {

    private static final String ID = "C-1";
    private static final Instant T = Instant.parse("2030-03-01T00:00:00Z");

    private static CaseState fold(ComplaintEvent... events) {
        CaseRecord record = CaseRecord.initial(ID);
        for (ComplaintEvent e : events) {
            CaseRecord.Step step = record.apply(e);
            assertThat(step.applied()).as("%s applied: %s", e, step.rejection()).isTrue();
            record = step.record();
        }
        return record.state();
    }

    private static SlaClockStarted contactClock() {
        return TestEvents.clockStarted(ID, SlaClock.CONTACT, null, T, Duration.ofHours(24));
    }

    private static SlaClockStarted answerClock() {
        return TestEvents.clockStarted(ID, SlaClock.ANSWER, null, T, Duration.ofHours(48));
    }

    /** contact judged, on time; answer judged, on time; reply due, given; no progress run. */
    private static final CustomerObligations MET_AT_REGISTRATION = new CustomerObligations(1, 1, 1, 1, 1, 1, 0, 0);

    @Test
    void aComplaintResolvedAtTheFirstContactIsReachedAndAnsweredOnTimeAtRegistration() {
        SlaClockStarted contact = contactClock();
        SlaClockStarted answer = answerClock();
        CaseState state = fold(TestEvents.registeredAtFirstContact(ID, T), contact, answer);

        assertThat(CustomerObligations.of(state)).isEqualTo(MET_AT_REGISTRATION);
        // The clocks stop at registration, as the case view shows them.
        assertThat(state.clock(SlaClock.CONTACT, null).flatMap(state::stoppedAt)).contains(T);
        assertThat(state.clock(SlaClock.ANSWER, null).flatMap(state::stoppedAt)).contains(T);
    }

    @Test
    void itIsSettledAtRegistrationWhetherTheClocksWereAnnouncedOrNot() {
        assertThat(CustomerObligations.of(fold(TestEvents.registeredAtFirstContact(ID, T))))
                .isEqualTo(MET_AT_REGISTRATION);
        // Surveyed and dissatisfied later: what was owed at the first contact stays met.
        assertThat(CustomerObligations.of(fold(TestEvents.registeredAtFirstContact(ID, T),
                TestEvents.surveyFailedAtFirstContact(ID, T.plus(Duration.ofHours(2)), true, false),
                TestEvents.dispatched(ID, T.plus(Duration.ofHours(3)), "net")))).isEqualTo(MET_AT_REGISTRATION);
    }

    @Test
    void aComplaintRegisteredToBeDispatchedOwesItsContactAndAnswerUntilTheyAreGivenOrBreached() {
        CaseState waiting = fold(TestEvents.registered(ID, T), contactClock(), answerClock(),
                TestEvents.dispatched(ID, T.plusSeconds(60), "net"));
        assertThat(CustomerObligations.of(waiting)).isEqualTo(CustomerObligations.NONE);

        SlaClockStarted contact = contactClock();
        CaseState breached = fold(TestEvents.registered(ID, T), contact, answerClock(), TestEvents.breach(contact));
        assertThat(CustomerObligations.of(breached)).isEqualTo(new CustomerObligations(1, 0, 0, 0, 0, 0, 0, 0));
    }
}
