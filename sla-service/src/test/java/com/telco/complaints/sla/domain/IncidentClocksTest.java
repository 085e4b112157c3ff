package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint linked to an outage incident (seed 002): the work order it had is superseded at the link, the work
 * order the incident holds for it runs no RETURN clock (the incident's estimated repair time governs it), and its
 * return is surveyed as usual.
 */
class IncidentClocksTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final String C = "20261125-00000007";
    private static final String W1 = C + "-W1";
    private static final String W2 = C + "-W2";
    private final SlaPolicies policies = Policies.defaults();
    private final BusinessCalendar calendar = Calendars.china();
    private final SlaCase sla = SlaCase.empty(C, 1);

    private SlaCase.Outcome apply(ComplaintEvent event) {
        return sla.apply(event, policies, calendar);
    }

    private static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void theLinkStopsTheSupersededWorkOrdersReturnClockAndStartsNoneForTheHeldOne() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));

        SlaCase.Outcome outcome = apply(TestEvents.incidentLinked(C, 2, W1, h(2), h(10)));

        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.started()).isEmpty();
        assertThat(sla.find(SlaClock.RETURN, W1).orElseThrow().stoppedAt()).isEqualTo(h(2));
        assertThat(sla.find(SlaClock.RETURN, W2)).isEmpty();
        assertThat(sla.heldWorkOrder()).isEqualTo(W2);
        assertThat(sla.find(SlaClock.CASE, null).orElseThrow().stoppedAt()).as("the case's own clocks run on").isNull();
    }

    @Test
    void aComplaintWaitingForTriageStopsWaitingWhenLinked() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.awaitingTriage(C, h(0.1)));

        apply(TestEvents.incidentLinked(C, 1, null, h(1), h(10)));

        assertThat(sla.find(SlaClock.DISPATCH, null).orElseThrow().stoppedAt()).isEqualTo(h(1));
        assertThat(sla.find(SlaClock.RETURN, W1)).isEmpty();
    }

    @Test
    void theReturnOfTheHeldWorkOrderStartsItsSurveyClockOnce() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.incidentLinked(C, 1, null, h(1), h(10)));

        SlaCase.Outcome outcome = apply(TestEvents.returned(C, 1, h(9), false));

        assertThat(outcome.started()).singleElement().satisfies(c -> {
            assertThat(c.clock()).isEqualTo(SlaClock.SURVEY);
            assertThat(c.dispatchId()).isEqualTo(W1);
            assertThat(c.startedAt()).isEqualTo(h(9));
        });
        assertThat(apply(TestEvents.returned(C, 1, h(9), false)).rejection().reason())
                .isEqualTo(RejectionReason.ALREADY_RETURNED);
    }

    @Test
    void aReturnOfAWorkOrderNeitherDispatchedNorHeldIsStillRejected() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.incidentLinked(C, 1, null, h(1), h(10)));

        assertThat(apply(TestEvents.returned(C, 2, h(9), false)).rejection().reason())
                .isEqualTo(RejectionReason.UNKNOWN_WORK_ORDER);
    }

    @Test
    void aRedeliveredLinkChangesNothingAndAnotherLinkIsRejected() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));
        apply(TestEvents.incidentLinked(C, 2, W1, h(2), h(10)));

        assertThat(apply(TestEvents.incidentLinked(C, 2, W1, h(2), h(10)))).isEqualTo(new SlaCase.Outcome(
                java.util.List.of(), null));
        assertThat(apply(TestEvents.incidentLinked(C, 3, W2, h(3), h(10))).rejection().reason())
                .isEqualTo(RejectionReason.ALREADY_LINKED);
    }

    @Test
    void aChangedEstimateMovesNoClock() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.incidentLinked(C, 1, null, h(1), h(10)));
        int clocks = sla.clocks().size();

        SlaCase.Outcome outcome = apply(TestEvents.estimatedRepairChanged(C, 1, 2, h(5), h(10), h(14), "备件延误"));

        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.started()).isEmpty();
        assertThat(sla.clocks()).hasSize(clocks);
    }
}
