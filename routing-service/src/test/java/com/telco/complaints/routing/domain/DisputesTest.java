package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A billing dispute ends with the provider's proof or, at the PROOF deadline without one, a provisional refund. */
class DisputesTest {

    private static final String C = "C-1";
    private static final Instant AT = Instant.parse("2026-11-01T02:00:00Z");
    private final DispatchRules rules = DispatchRulesTest.rules();
    private final EscalationLadder ladder = DispatchRulesTest.ladder(rules);
    private final ComplaintRegistered disputing = TestEvents.disputing(TestEvents.registered(C, AT),
            TestEvents.BILLING_DISPUTE);
    private final SlaClockStarted proofClock = TestEvents.clockStarted(C, SlaClock.PROOF, null, AT, Duration.ofDays(15));
    private final SlaBreached breach = TestEvents.breach(proofClock);

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private CaseState dispatched() {
        return given(disputing, proofClock, TestEvents.dispatched(C, AT.plusSeconds(1), "billing"));
    }

    private SpProofReceived proof(CaseState state) {
        return Disputes.proof(state, "C-1-W1", " the subscription record ", "billing", "billing-1", AT.plusSeconds(60),
                "request:1");
    }

    @Test
    void noRefundIsOwedBeforeThePROOFDeadline() {
        assertThat(Disputes.refundOwed(dispatched())).isEmpty();
        assertThat(RoutingDecisions.pending(dispatched(), ladder, AT.plus(Duration.ofDays(20)))).isEmpty();
    }

    @Test
    void theBreachOfThePROOFClockOwesTheRefundOnce() {
        CaseState breached = CaseFold.apply(dispatched(), breach).state();

        assertThat(RoutingDecisions.pending(breached, ladder, AT)).contains(RoutingDecisions.Pending.REFUND);
        ProvisionalRefundGranted refund = (ProvisionalRefundGranted) RoutingDecisions.decide(breached, rules, ladder,
                List.of(), proofClock.deadline()).orElseThrow();
        assertThat(refund.eventId()).isEqualTo(EventIds.of(EventType.PROVISIONAL_REFUND_GRANTED, C));
        assertThat(refund.causationId()).isEqualTo(breach.eventId().toString());
        assertThat(refund.amountFen()).isEqualTo(1000);
        assertThat(refund.spCode()).isEqualTo("SP901234");
        assertThat(refund.serviceName()).isEqualTo("Weather daily");
        assertThat(refund.billingPeriod()).isEqualTo("2026-10");
        assertThat(refund.proofDeadline()).isEqualTo(proofClock.deadline());
        CaseState refunded = CaseFold.apply(breached, refund).state();
        assertThat(RoutingDecisions.pending(refunded, ladder, AT)).as("once").isEmpty();
    }

    @Test
    void theRefundIsOwedAfterTheCaseClosedAsWell() {
        CaseState closed = given(disputing, proofClock, TestEvents.dispatched(C, AT.plusSeconds(1), "billing"),
                TestEvents.returned(C, 1, AT.plusSeconds(60), false), TestEvents.surveyPassed(C, 1, AT.plusSeconds(90)),
                TestEvents.closed(C, 1, AT.plusSeconds(91), CloseOutcome.SATISFIED), breach);

        assertThat(RoutingDecisions.decide(closed, rules, ladder,
                List.of(), AT.plus(Duration.ofDays(16))).orElseThrow())
                .isInstanceOf(ProvisionalRefundGranted.class);
    }

    @Test
    void noRefundIsOwedAfterAProofRecordedBeforeTheDeadline() {
        CaseState proved = CaseFold.apply(dispatched(), proof(dispatched())).state();
        assertThat(CaseFold.apply(proved, breach).applied()).as("the proof stopped the clock").isFalse();
        assertThat(Disputes.refundOwed(proved)).isEmpty();
        assertThat(RoutingDecisions.pending(proved, ladder, AT.plus(Duration.ofDays(20)))).isEmpty();
    }

    @Test
    void aProofAtOrAfterThePROOFDeadlineIsRefusedWhetherTheBreachWasReadOrNotAndTheRefundStaysOwed() {
        Instant deadline = proofClock.deadline();
        assertThat(proofAt(dispatched(), deadline.minusMillis(1))).as("just before").isNotNull();

        // The breach not read yet (this consumer behind): the announced deadline decides all the same.
        assertThatThrownBy(() -> proofAt(dispatched(), deadline)).isInstanceOf(Disputes.ProofRefused.class)
                .hasMessage("the provider's proof came after the PROOF deadline " + deadline
                        + "; the provisional refund is owed");
        CaseState breached = CaseFold.apply(dispatched(), breach).state();
        assertThatThrownBy(() -> proofAt(breached, deadline.plus(Duration.ofDays(1))))
                .isInstanceOf(Disputes.ProofRefused.class).hasMessageContaining("PROOF deadline");
        assertThat(RoutingDecisions.pending(breached, ladder, deadline)).contains(RoutingDecisions.Pending.REFUND);
    }

    @Test
    void aProofIsTakenWhileThePROOFClockIsNotAnnouncedYet() {
        CaseState unannounced = given(disputing, TestEvents.dispatched(C, AT.plusSeconds(1), "billing"));
        assertThat(proofAt(unannounced, AT.plus(Duration.ofDays(30)))).isNotNull();
    }

    @Test
    void aProofAfterTheCaseClosedIsStillRecordedBeforeTheDeadline() {
        CaseState closed = given(disputing, proofClock, TestEvents.dispatched(C, AT.plusSeconds(1), "billing"),
                TestEvents.returned(C, 1, AT.plusSeconds(60), false), TestEvents.surveyPassed(C, 1, AT.plusSeconds(90)),
                TestEvents.closed(C, 1, AT.plusSeconds(91), CloseOutcome.SATISFIED));

        SpProofReceived proof = proofAt(closed, AT.plus(Duration.ofDays(3)));
        CaseState proved = CaseFold.apply(closed, proof).state();
        assertThat(proved.dispute().proofReceivedAt()).isEqualTo(AT.plus(Duration.ofDays(3)));
        assertThat(Disputes.refundOwed(CaseFold.apply(proved, breach).state())).isEmpty();
    }

    private static SpProofReceived proofAt(CaseState state, Instant now) {
        return Disputes.proof(state, "C-1-W1", "the subscription record", "billing", "billing-1", now, "request:1");
    }

    @Test
    void aProofIsRecordedOnceOnADisputeStillOpenByTheOrdersDepartment() {
        SpProofReceived proof = proof(dispatched());
        assertThat(proof.eventId()).isEqualTo(EventIds.of(EventType.SP_PROOF_RECEIVED, C));
        assertThat(proof.summary()).isEqualTo("the subscription record");
        assertThat(proof.spCode()).isEqualTo("SP901234");
        assertThat(proof.dispatchId()).isEqualTo("C-1-W1");

        CaseState proved = CaseFold.apply(dispatched(), proof).state();
        assertThatThrownBy(() -> proof(proved)).isInstanceOf(Disputes.ProofRefused.class)
                .hasMessageContaining("received");
        CaseState refunded = CaseFold.apply(CaseFold.apply(dispatched(), breach).state(),
                RoutingDecisions.decide(CaseFold.apply(dispatched(), breach).state(), rules, ladder,
                        List.of(), AT).orElseThrow())
                .state();
        assertThatThrownBy(() -> proof(refunded)).isInstanceOf(Disputes.ProofRefused.class)
                .hasMessageContaining("refunded");
        CaseState noDispute = given(TestEvents.registered(C, AT), TestEvents.dispatched(C, AT, "billing"));
        assertThatThrownBy(() -> proof(noDispute)).isInstanceOf(Disputes.ProofRefused.class)
                .hasMessageContaining("disputes no");
        assertThatThrownBy(() -> Disputes.proof(dispatched(), "C-1-W1", "x", "network-ops", "a", AT, "r"))
                .isInstanceOf(Returns.OtherDepartment.class);
        assertThat(Disputes.proof(dispatched(), "C-1-W1", "x", null, "op-1", AT, "r")).as("an operator").isNotNull();
    }
}
