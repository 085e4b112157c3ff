package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SlaCaseTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final String C = "20261125-00000001";
    private static final String W1 = C + "-W1";
    private static final String W2 = C + "-W2";
    private final SlaPolicies policies = Policies.defaults();
    private final BusinessCalendar calendar = Calendars.china();
    private final SlaCase sla = SlaCase.empty(C, 3);

    private SlaCase.Outcome apply(ComplaintEvent event) {
        return sla.apply(event, policies, calendar);
    }

    private TrackedClock clock(SlaClock clock, String dispatchId) {
        return sla.find(clock, dispatchId).orElseThrow();
    }

    private static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void registrationStartsTheCaseClock() {
        SlaCase.Outcome outcome = apply(TestEvents.registered(C, T0));

        assertThat(outcome.started()).filteredOn(c -> c.clock() == SlaClock.CASE).singleElement().satisfies(c -> {
            assertThat(c.clock()).isEqualTo(SlaClock.CASE);
            assertThat(c.deadline()).isEqualTo(T0.plus(Duration.ofDays(15)));
            assertThat(c.announced()).isFalse();
        });
    }

    @Test
    void aDispatchStartsAReturnClockWithThePolicyOfTheCase() {
        apply(TestEvents.registered(C, T0));

        SlaCase.Outcome outcome = apply(TestEvents.dispatched(C, h(0.1), "network-ops"));

        TrackedClock returnClock = outcome.started().get(0);
        assertThat(returnClock.clock()).isEqualTo(SlaClock.RETURN);
        assertThat(returnClock.dispatchId()).isEqualTo(W1);
        assertThat(returnClock.deadline()).isEqualTo(h(48.1));
        assertThat(returnClock.warnAt()).isEqualTo(h(0.1 + 48 * 0.8));
        assertThat(returnClock.policy().id()).isEqualTo("return-normal");
    }

    @Test
    void aRedeliveredDispatchStartsNothing() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));

        assertThat(apply(TestEvents.dispatched(C, h(0.1), "network-ops")).started()).isEmpty();
        assertThat(sla.clocks()).filteredOn(c -> c.clock() == SlaClock.RETURN).hasSize(1);
    }

    @Test
    void aReturnStopsTheReturnClockAndStartsTheSurveyClock() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));

        SlaCase.Outcome outcome = apply(TestEvents.returned(C, 1, h(5), true));

        assertThat(clock(SlaClock.RETURN, W1).stoppedAt()).isEqualTo(h(5));
        assertThat(clock(SlaClock.RETURN, W1).warningOpen()).isFalse();
        assertThat(outcome.started()).extracting(TrackedClock::clock).containsExactly(SlaClock.SURVEY);
    }

    @Test
    void aReturnBeforeTheWarningPointPreventsTheWarningEvenWhenSeenAfterIt() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        TrackedClock returnClock = clock(SlaClock.RETURN, W1);
        returnClock.markAnnounced();
        Instant muchLater = h(100);
        assertThat(returnClock.warningDue(muchLater, Duration.ZERO)).isTrue();

        apply(TestEvents.returned(C, 1, returnClock.warnAt().minusSeconds(1), true));

        assertThat(returnClock.warningDue(muchLater, Duration.ZERO)).isFalse();
        assertThat(returnClock.breachDue(muchLater, Duration.ZERO)).isFalse();
    }

    @Test
    void aReturnBetweenWarningAndDeadlineStillOwesTheWarningButNotTheBreach() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        TrackedClock returnClock = clock(SlaClock.RETURN, W1);
        returnClock.markAnnounced();

        apply(TestEvents.returned(C, 1, returnClock.warnAt().plusSeconds(60), true));

        assertThat(returnClock.warningDue(h(100), Duration.ZERO)).isTrue();
        assertThat(returnClock.breachDue(h(100), Duration.ZERO)).isFalse();
    }

    @Test
    void warningsAreDueOnlyWhenAnnouncedAndAfterTheGracePeriod() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        TrackedClock returnClock = clock(SlaClock.RETURN, W1);

        assertThat(returnClock.warningDue(h(100), Duration.ZERO)).as("not announced yet").isFalse();
        returnClock.markAnnounced();
        assertThat(returnClock.warningDue(returnClock.warnAt().plusSeconds(1), Duration.ofSeconds(2))).isFalse();
        assertThat(returnClock.warningDue(returnClock.warnAt().plusSeconds(2), Duration.ofSeconds(2))).isTrue();
        returnClock.markWarned();
        assertThat(returnClock.warningDue(h(100), Duration.ZERO)).as("raised once").isFalse();
        assertThat(returnClock.warnedAt()).isEqualTo(returnClock.warnAt());
    }

    @Test
    void aRedispatchStartsAFreshReturnClock() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        apply(TestEvents.returned(C, 1, h(5), true));
        apply(TestEvents.surveyFailed(C, 1, h(6), true, true));

        SlaCase.Outcome outcome = apply(TestEvents.redispatched(C, 2, h(6.1), "network-sup"));

        assertThat(clock(SlaClock.SURVEY, W1).stoppedAt()).isEqualTo(h(6));
        assertThat(outcome.started()).singleElement().satisfies(c -> {
            assertThat(c.dispatchId()).isEqualTo(W2);
            assertThat(c.startedAt()).isEqualTo(h(6.1));
            assertThat(c.stoppedAt()).isNull();
        });
    }

    @Test
    void closingStopsEveryClock() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        apply(TestEvents.returned(C, 1, h(5), true));

        apply(TestEvents.closed(C, 1, h(7), CloseOutcome.UNREACHABLE));

        assertThat(sla.clocks()).allSatisfy(c -> assertThat(c.stoppedAt()).isNotNull());
        assertThat(clock(SlaClock.CASE, null).stoppedAt()).isEqualTo(h(7));
        assertThat(clock(SlaClock.SURVEY, W1).stoppedAt()).isEqualTo(h(7));
    }

    @Test
    void anAnnouncedDeadlineIsAFactEvenIfThePolicyChangedSince() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        SlaClockStarted announced = TestEvents.clockStarted(C, SlaClock.RETURN, W1, h(0.1), Duration.ofHours(72));

        apply(announced);

        TrackedClock returnClock = clock(SlaClock.RETURN, W1);
        assertThat(returnClock.announced()).isTrue();
        assertThat(returnClock.deadline()).isEqualTo(announced.deadline());
        assertThat(returnClock.warnAt()).isEqualTo(announced.warnAt());
    }

    @Test
    void itsOwnWarningsAndBreachesOnTheLogArePartOfTheState() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        SlaClockStarted announced = TestEvents.clockStarted(C, SlaClock.RETURN, W1, h(0.1), Duration.ofHours(48));
        apply(announced);

        apply(TestEvents.warning(announced));
        apply(TestEvents.breach(announced));

        TrackedClock returnClock = clock(SlaClock.RETURN, W1);
        assertThat(returnClock.warningDue(h(1000), Duration.ZERO)).isFalse();
        assertThat(returnClock.breachDue(h(1000), Duration.ZERO)).isFalse();
    }

    @Test
    void clocksReportHowTheyStoodAtAnyInstant() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0), "network-ops"));
        TrackedClock c = clock(SlaClock.RETURN, W1);
        apply(TestEvents.returned(C, 1, h(45), true));

        assertThat(c.stateAt(h(1))).isEqualTo(TrackedClock.State.RUNNING);
        assertThat(c.stateAt(h(40))).isEqualTo(TrackedClock.State.WARNING);
        assertThat(c.stateAt(h(45))).isEqualTo(TrackedClock.State.STOPPED);
    }

    @Test
    void eventsThatDoNotFitAreRejectedWithAReason() {
        assertThat(apply(TestEvents.dispatched(C, h(0.1), "network-ops")).rejection().reason())
                .isEqualTo(RejectionReason.NOT_REGISTERED);
        apply(TestEvents.registered(C, T0));
        assertThat(apply(TestEvents.returned(C, 1, h(1), true)).rejection().reason())
                .isEqualTo(RejectionReason.UNKNOWN_WORK_ORDER);
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        apply(TestEvents.returned(C, 1, h(1), true));
        assertThat(apply(TestEvents.returned(C, 1, h(2), true)).rejection().reason())
                .isEqualTo(RejectionReason.ALREADY_RETURNED);
        assertThat(apply(TestEvents.registered(C, T0)).rejection().reason())
                .isEqualTo(RejectionReason.ALREADY_REGISTERED);
    }
}
