package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.ComplaintEvent;
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
import static com.telco.complaints.contracts.lifecycle.CaseEvents.dispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** REGISTERED → TRIAGE → DISPATCHED, and the DISPATCH clock that watches the wait. */
class TriageFoldTest {

    private static AwaitingTriage triage(double hours) {
        return new AwaitingTriage(UUID.randomUUID(), C, at(hours), 1, null, "routing-service", "no rule fits");
    }

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    @Test
    void aComplaintWaitsInTriageUntilItIsDispatchedAndTheDispatchClockStopsThen() {
        SlaClockStarted dispatchClock = new SlaClockStarted(UUID.randomUUID(), C, at(0), 2, null, "sla-service",
                SlaClock.DISPATCH, null, at(0), at(3), at(3.75),
                new SlaPolicyApplied("dispatch-default", LimitKind.WORKING, Duration.ofMinutes(225), 0.8), null);

        CaseState waiting = given(registered(), triage(0), dispatchClock);
        assertThat(waiting.status()).isEqualTo(CaseStatus.TRIAGE);
        assertThat(waiting.triage().reason()).isEqualTo("no rule fits");
        assertThat(waiting.stoppedAt(waiting.clock(SlaClock.DISPATCH, null).orElseThrow())).isEmpty();

        CaseState dispatched = CaseFold.apply(waiting, dispatched(1, 2)).state();
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.stoppedAt(dispatched.clock(SlaClock.DISPATCH, null).orElseThrow())).contains(at(2));
    }

    @Test
    void onlyARegisteredComplaintWaitsForTriage() {
        CaseState dispatched = given(registered(), dispatched(1, 1));

        Transition late = CaseFold.apply(dispatched, triage(2));

        assertThat(late).isInstanceOf(Transition.Rejected.class);
        assertThat(((Transition.Rejected) late).rejection().reason()).isEqualTo(RejectionReason.ALREADY_DISPATCHED);
        assertThat(CaseFold.apply(given(registered(), triage(0)), triage(1)).applied()).isFalse();
    }
}
