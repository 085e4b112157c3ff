package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.Samples;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SpProofReceived;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static com.telco.complaints.contracts.lifecycle.CaseEvents.C;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.at;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.breach;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.clockStarted;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.closed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.dispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.passed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.registered;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.returned;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.wo;
import static org.assertj.core.api.Assertions.assertThat;

/** An outage incident taking over complaints, and a billing dispute ended by a proof or a provisional refund. */
class IncidentAndDisputeFoldTest {

    private static final String INCIDENT = Samples.INCIDENT;

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static IncidentLinked linked(int attempt, String previous, double hours) {
        return new IncidentLinked(UUID.randomUUID(), C, at(hours), 1, null, "routing-service", INCIDENT, wo(attempt),
                attempt, previous, "network-ops", "Outage", "Power cut", "TZ-HL", Category.NETWORK, at(0), at(6), 1);
    }

    private static EstimatedRepairChanged rescheduled(int revision, double hours) {
        return new EstimatedRepairChanged(UUID.randomUUID(), C, at(hours), 1, null, "ops-1", INCIDENT, wo(1),
                at(6 + revision), at(5 + revision), revision, "delayed");
    }

    private static RejectionReason refusal(CaseState state, ComplaintEvent event) {
        Transition transition = CaseFold.apply(state, event);
        assertThat(transition.applied()).as(event.toString()).isFalse();
        return ((Transition.Rejected) transition).rejection().reason();
    }

    @Test
    void aRegisteredComplaintJoinsTheIncidentWithItsOwnWorkOrderHeldByIt() {
        CaseState state = given(registered(), linked(1, null, 0.1));

        assertThat(state.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(state.currentWorkOrder()).get().satisfies(w -> {
            assertThat(w.dispatchId()).isEqualTo(wo(1));
            assertThat(w.rule()).isEqualTo("incident:" + INCIDENT);
            assertThat(w.department()).isEqualTo("network-ops");
        });
        assertThat(state.incident()).isEqualTo(new IncidentLink(INCIDENT, wo(1), at(0.1), at(6), 1));
    }

    @Test
    void anOpenWorkOrderIsSupersededByTheIncidentsAndTheReturnOfTheIncidentIsSurveyedAsUsual() {
        CaseState state = given(registered(), dispatched(1, 0.1), linked(2, wo(1), 0.5), returned(2, 4),
                passed(2, 5));

        assertThat(state.workOrder(wo(1))).get().extracting(WorkOrder::status).isEqualTo(WorkOrderStatus.SUPERSEDED);
        assertThat(state.workOrder(wo(2))).get().extracting(WorkOrder::status).isEqualTo(WorkOrderStatus.RETURNED);
        assertThat(state.status()).isEqualTo(CaseStatus.SATISFIED);
    }

    @Test
    void aComplaintJoinsOneIncidentOnceAndNoneAfterItsAnswerOrClosing() {
        CaseState linked = given(registered(), linked(1, null, 0.1));
        assertThat(refusal(linked, linked(2, wo(1), 0.2))).isEqualTo(RejectionReason.ALREADY_LINKED);

        CaseState answered = given(registered(), dispatched(1, 0.1), returned(1, 2));
        assertThat(refusal(answered, linked(2, wo(1), 3))).isEqualTo(RejectionReason.NOT_LINKABLE);

        CaseState closedCase = given(registered(), dispatched(1, 0.1), returned(1, 2), passed(1, 3),
                closed(CloseOutcome.SATISFIED, 3));
        assertThat(refusal(closedCase, linked(2, wo(1), 4))).isEqualTo(RejectionReason.CASE_CLOSED);

        CaseState open = given(registered(), dispatched(1, 0.1));
        assertThat(refusal(open, linked(1, null, 0.2))).isEqualTo(RejectionReason.DUPLICATE_WORK_ORDER);
        assertThat(refusal(open, linked(3, wo(1), 0.2))).isEqualTo(RejectionReason.WRONG_ATTEMPT);
    }

    @Test
    void theEstimateChangesRevisionByRevisionForTheLinkedIncidentOnly() {
        CaseState state = given(registered(), linked(1, null, 0.1), rescheduled(2, 1));
        assertThat(state.incident().estimatedRepairAt()).isEqualTo(at(8));
        assertThat(state.incident().revision()).isEqualTo(2);

        assertThat(refusal(state, rescheduled(2, 2))).isEqualTo(RejectionReason.WRONG_REVISION);
        assertThat(refusal(given(registered(), dispatched(1, 0.1)), rescheduled(2, 1)))
                .isEqualTo(RejectionReason.UNKNOWN_INCIDENT);
    }

    private static ComplaintRegistered disputing() {
        ComplaintRegistered r = registered();
        return new ComplaintRegistered(r.eventId(), C, r.occurredAt(), 3, null, "crm", r.channel(), Category.BUSINESS,
                "sp-charge", r.urgency(), r.region(), r.customer(), "charged for nothing", "refund", null,
                r.promisedReplyBy(), null, new BillingDispute("SP901234", "Weather daily", 1000, "2026-10"));
    }

    private static SpProofReceived proof(double hours) {
        return new SpProofReceived(UUID.randomUUID(), C, at(hours), 1, null, "billing-1", wo(1), "SP901234", "record");
    }

    private static ProvisionalRefundGranted refund(double hours) {
        return new ProvisionalRefundGranted(UUID.randomUUID(), C, at(hours), 1, null, "routing-service", "SP901234",
                "Weather daily", 1000, "2026-10", at(hours));
    }

    @Test
    void aProofStopsThePROOFClockAndRulesOutTheRefund() {
        SlaClockStarted proofClock = clockStarted(SlaClock.PROOF, null, 0);
        CaseState proved = given(disputing(), proofClock, dispatched(1, 0.1), proof(5));

        assertThat(proved.dispute().proofReceivedAt()).isEqualTo(at(5));
        assertThat(proved.stoppedAt(proved.clock(SlaClock.PROOF, null).orElseThrow())).contains(at(5));
        assertThat(refusal(proved, breach(proofClock))).isEqualTo(RejectionReason.CLOCK_STOPPED_BEFORE);
        assertThat(refusal(proved, refund(10))).isEqualTo(RejectionReason.PROOF_ALREADY_RECEIVED);
        assertThat(refusal(proved, proof(6))).isEqualTo(RejectionReason.PROOF_ALREADY_RECEIVED);
    }

    @Test
    void theRefundIsGrantedOnceEvenAfterClosingAndRulesOutALateProof() {
        SlaClockStarted proofClock = clockStarted(SlaClock.PROOF, null, 0);
        CaseState refunded = given(disputing(), proofClock, dispatched(1, 0.1), returned(1, 2), passed(1, 3),
                closed(CloseOutcome.SATISFIED, 3), breach(proofClock), refund(10));

        assertThat(refunded.dispute()).isEqualTo(new DisputeOutcome(null, at(10), 1000));
        assertThat(refunded.breachCount()).as("the provider missed the PROOF deadline, not the operator").isZero();
        assertThat(refusal(refunded, refund(11))).isEqualTo(RejectionReason.REFUND_ALREADY_GRANTED);
        assertThat(refusal(refunded, proof(11))).isEqualTo(RejectionReason.REFUND_ALREADY_GRANTED);
    }

    @Test
    void aProofAfterClosingIsStillRecorded() {
        SlaClockStarted proofClock = clockStarted(SlaClock.PROOF, null, 0);
        CaseState proved = given(disputing(), proofClock, dispatched(1, 0.1), returned(1, 2), passed(1, 3),
                closed(CloseOutcome.SATISFIED, 3), proof(5));

        assertThat(proved.dispute().proofReceivedAt()).isEqualTo(at(5));
        assertThat(refusal(proved, refund(10))).isEqualTo(RejectionReason.PROOF_ALREADY_RECEIVED);
    }

    @Test
    void oneLinkMayTipBothIncidentNoticesAndNeitherMarksTheOrderAsNoticedOverdue() {
        CaseState state = given(registered(), linked(1, null, 0.1), incidentNotice(NoticeReason.INCIDENT_SIZE),
                incidentNotice(NoticeReason.INCIDENT_KEY_CUSTOMER));

        assertThat(state.workOrder(wo(1)).orElseThrow().noticedAt()).isNull();
    }

    private static EscalationNotice incidentNotice(NoticeReason reason) {
        return new EscalationNotice(UUID.randomUUID(), C, at(0.2), 2, null, "routing-service", wo(1),
                "emergency-leadership", reason, "network-ops", null, INCIDENT);
    }

    @Test
    void aComplaintThatDisputesNoChargeHasNoProofAndNoRefund() {
        CaseState state = given(registered(), dispatched(1, 0.1));

        assertThat(refusal(state, proof(1))).isEqualTo(RejectionReason.NOT_A_DISPUTE);
        assertThat(refusal(state, refund(1))).isEqualTo(RejectionReason.NOT_A_DISPUTE);
    }
}
