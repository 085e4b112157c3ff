package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PROOF clock of a billing dispute (seed 004) on the calendar: a service provider has 15 calendar days, weekends
 * and public holidays included, to prove a disputed charge; the warning falls at 12 days; the proof stops it, the
 * provisional refund ends it, and closing the case does not.
 */
class ProofClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String C = "20260928-00000001";
    private final SlaPolicies policies = Policies.defaults();
    private final BusinessCalendar calendar = Calendars.china();
    private final SlaCase sla = SlaCase.empty(C, 3);

    private SlaCase.Outcome apply(ComplaintEvent event) {
        return sla.apply(event, policies, calendar);
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static ComplaintRegistered disputing(String complaintId, Instant at) {
        return TestEvents.disputing(TestEvents.registered(complaintId, at), TestEvents.BILLING_DISPUTE);
    }

    private TrackedClock proof() {
        return sla.find(SlaClock.PROOF, null).orElseThrow();
    }

    @Test
    void aDisputeRegisteredBeforeTheNationalDayHolidayIsDueFifteenCalendarDaysLaterToTheMinute() {
        // Monday 28 September 2026, 10:17 in Shanghai; 1-7 October is the National Day holiday, 10 October a make-up day.
        SlaCase.Outcome outcome = apply(disputing(C, shanghai("2026-09-28T10:17")));

        TrackedClock proof = outcome.started().stream().filter(c -> c.clock() == SlaClock.PROOF).findFirst().orElseThrow();
        assertThat(proof.dispatchId()).isNull();
        assertThat(proof.startedAt()).isEqualTo(shanghai("2026-09-28T10:17"));
        assertThat(proof.warnAt().atZone(SHANGHAI).toLocalDateTime()).isEqualTo("2026-10-10T10:17");
        assertThat(proof.deadline().atZone(SHANGHAI).toLocalDateTime()).isEqualTo("2026-10-13T10:17");
        assertThat(proof.policy().id()).isEqualTo("proof-default");
        assertThat(proof.announced()).isFalse();
        assertThat(calendar.kindOf(java.time.LocalDate.of(2026, 10, 1))).isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void theSpringFestivalDoesNotStopTheProofClockEither() {
        // Tuesday 10 February 2026, 16:45; the Spring Festival holiday runs 15-23 February.
        apply(disputing(C, shanghai("2026-02-10T16:45")));

        assertThat(proof().warnAt().atZone(SHANGHAI).toLocalDateTime()).isEqualTo("2026-02-22T16:45");
        assertThat(proof().deadline().atZone(SHANGHAI).toLocalDateTime()).isEqualTo("2026-02-25T16:45");
        assertThat(Duration.between(proof().startedAt(), proof().deadline())).isEqualTo(Duration.ofDays(15));
    }

    @Test
    void aComplaintThatDisputesNoChargeRunsNoProofClockAndTakesNoProof() {
        apply(TestEvents.registered(C, shanghai("2026-09-28T10:00")));

        assertThat(sla.find(SlaClock.PROOF, null)).isEmpty();
        assertThat(apply(TestEvents.spProofReceived(C, shanghai("2026-09-29T10:00"))).rejection().reason())
                .isEqualTo(RejectionReason.NOT_A_DISPUTE);
    }

    @Test
    void aProofBeforeTheWarningOwesNeitherWarningNorBreach() {
        apply(disputing(C, shanghai("2026-09-28T10:00")));

        apply(TestEvents.spProofReceived(C, shanghai("2026-10-05T09:00")));

        assertThat(proof().stoppedAt()).isEqualTo(shanghai("2026-10-05T09:00"));
        assertThat(proof().warningOpen()).isFalse();
        assertThat(proof().breachOpen()).isFalse();
        assertThat(proof().stateAt(shanghai("2026-10-20T00:00"))).isEqualTo(TrackedClock.State.STOPPED);
    }

    @Test
    void aProofAfterTheWarningBeforeTheDeadlineOwesTheWarningOnly() {
        apply(disputing(C, shanghai("2026-09-28T10:00")));

        apply(TestEvents.spProofReceived(C, shanghai("2026-10-12T09:00")));

        assertThat(proof().warningOpen()).isTrue();
        assertThat(proof().breachOpen()).isFalse();
    }

    @Test
    void closingTheCaseDoesNotStopTheProofClockAndTheBreachIsStillDue() {
        apply(disputing(C, shanghai("2026-09-28T10:00")));
        apply(TestEvents.dispatched(C, shanghai("2026-09-28T10:05"), "billing"));
        apply(TestEvents.returned(C, 1, shanghai("2026-09-29T10:00"), false));
        apply(TestEvents.surveyPassed(C, 1, shanghai("2026-09-29T15:00")));
        apply(TestEvents.closed(C, 1, shanghai("2026-09-29T15:00"), CloseOutcome.SATISFIED));
        proof().markAnnounced();

        assertThat(sla.clocks()).filteredOn(c -> c.clock() != SlaClock.PROOF)
                .allSatisfy(c -> assertThat(c.stoppedAt()).as(c.clock().name()).isNotNull());
        assertThat(proof().stoppedAt()).isNull();
        assertThat(sla.settled()).as("a closed case with its PROOF clock running still has something to watch").isFalse();
        assertThat(proof().warningDue(shanghai("2026-10-10T10:00"), Duration.ZERO)).isTrue();
        assertThat(proof().breachDue(shanghai("2026-10-13T10:00"), Duration.ZERO)).isTrue();
    }

    @Test
    void aProofRecordedAfterClosingStopsTheProofClockAsUsual() {
        apply(disputing(C, shanghai("2026-09-28T10:00")));
        apply(TestEvents.dispatched(C, shanghai("2026-09-28T10:05"), "billing"));
        apply(TestEvents.returned(C, 1, shanghai("2026-09-29T10:00"), false));
        apply(TestEvents.surveyPassed(C, 1, shanghai("2026-09-29T15:00")));
        apply(TestEvents.closed(C, 1, shanghai("2026-09-29T15:00"), CloseOutcome.SATISFIED));
        proof().markAnnounced();

        // As the contracts' fold has it: closing does not settle the charge, so the proof counts.
        assertThat(apply(TestEvents.spProofReceived(C, shanghai("2026-10-02T10:00"))).rejection()).isNull();
        assertThat(proof().stoppedAt()).isEqualTo(shanghai("2026-10-02T10:00"));
        assertThat(proof().breachDue(shanghai("2026-10-13T10:00"), Duration.ZERO)).isFalse();
        assertThat(sla.settled()).isTrue();
    }

    @Test
    void theProvisionalRefundEndsTheProofClockClosedCaseOrNot() {
        apply(disputing(C, shanghai("2026-09-28T10:00")));
        apply(TestEvents.closed(C, 1, shanghai("2026-09-30T10:00"), CloseOutcome.EXPLAINED));
        proof().markAnnounced();
        proof().markWarned();
        proof().markBreached();

        apply(TestEvents.provisionalRefund(C, shanghai("2026-10-13T10:01"), proof().deadline()));

        assertThat(proof().stoppedAt()).isEqualTo(shanghai("2026-10-13T10:01"));
        assertThat(proof().breachedAt()).isEqualTo(shanghai("2026-10-13T10:00"));
        assertThat(sla.settled()).isTrue();
    }

    @Test
    void aReplayOfTheSameLogDecidesTheSameProofClockWithTheSameIds() {
        ComplaintRegistered registered = disputing(C, shanghai("2026-09-28T10:00"));
        SlaCase first = SlaCase.empty(C, 3);
        SlaCase replayed = SlaCase.empty(C, 3);
        first.apply(registered, policies, calendar);
        replayed.apply(registered, policies, calendar);
        TrackedClock a = first.find(SlaClock.PROOF, null).orElseThrow();
        TrackedClock b = replayed.find(SlaClock.PROOF, null).orElseThrow();

        SlaClockStarted announced = SlaEvents.started(C, a);
        assertThat(SlaEvents.started(C, b)).isEqualTo(announced);
        assertThat(SlaEvents.warning(C, a).eventId()).isEqualTo(SlaEvents.warning(C, b).eventId());
        assertThat(SlaEvents.breach(C, a).eventId()).isEqualTo(SlaEvents.breach(C, b).eventId());
        assertThat(announced.causationId()).isEqualTo(registered.eventId().toString());
        assertThat(List.of(announced.warnAt(), announced.deadline())).containsExactly(a.warnAt(), a.deadline());
        assertThat(SlaEvents.breach(C, a).eventId()).isNotEqualTo(SlaEvents.breach(C,
                first.find(SlaClock.CASE, null).orElseThrow()).eventId());
    }

    @Test
    void itsOwnAnnouncementReadBackAfterClosingIsAdoptedRunning() {
        // A case rebuilt from a log where the announcement is read after the close: the PROOF clock still runs.
        Instant start = shanghai("2026-09-28T10:00");
        SlaClockStarted announced = TestEvents.clockStarted(C, SlaClock.PROOF, null, start, Duration.ofDays(15));
        apply(TestEvents.closed(C, 1, shanghai("2026-09-29T10:00"), CloseOutcome.SATISFIED));
        apply(announced);

        assertThat(proof().stoppedAt()).isNull();
        assertThat(proof().announced()).isTrue();
        assertThat(proof().deadline()).isEqualTo(start.plus(Duration.ofDays(15)));
        assertThat(sla.apply(disputing(C, start), policies, calendar).started())
                .noneMatch(c -> c.clock() == SlaClock.PROOF);
    }
}
