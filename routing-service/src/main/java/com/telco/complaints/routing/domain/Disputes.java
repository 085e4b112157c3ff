package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.contracts.lifecycle.DisputeOutcome;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.rest.RequestProblems;

import java.time.Instant;
import java.util.Optional;

/**
 * A billing dispute (seed 004, 收费异议) ends one of two ways, never both: billing records the service provider's proof
 * that the charge was right, before the PROOF clock's deadline (15 days), or, when the clock passes its deadline
 * without one, routing grants the customer a provisional refund of the disputed amount (暂退费). Closing the case
 * settles neither: a proof is recorded, and a refund granted, on a closed case as well. Both are once per case (their
 * ids are the complaint's).
 */
public final class Disputes {

    /** The proof cannot be recorded: the complaint disputes no charge, its dispute has ended, or it came too late. */
    public static final class ProofRefused extends RequestProblems.Conflict {
        public ProofRefused(String message) {
            super("proof-refused", "Proof cannot be recorded", message);
        }
    }

    private Disputes() {}

    /**
     * @param byDepartment the department of the agent recording it; null for an operator
     * @throws Returns.OtherDepartment when an agent's department does not hold the work order
     * @param now          when it is recorded: refused at or after the PROOF deadline the SLA service announced (before
     *                     the announcement is read, there is no deadline to judge by, and the proof is taken)
     * @throws ProofRefused            when the complaint disputes no charge, its dispute ended, or the deadline passed
     */
    public static SpProofReceived proof(CaseState state, String dispatchId, String summary, String byDepartment,
                                        String actor, Instant now, String causationId) {
        WorkOrder order = state.workOrder(dispatchId)
                .orElseThrow(() -> new IllegalArgumentException("no work order " + dispatchId + " in " + state.complaintId()));
        if (byDepartment != null && !order.department().equals(byDepartment)) {
            throw new Returns.OtherDepartment("Work order " + dispatchId + " is " + order.department()
                    + "'s; an agent of " + byDepartment + " cannot record a proof on it");
        }
        if (!state.disputesACharge()) {
            throw new ProofRefused("Complaint " + state.complaintId() + " disputes no service provider's charge");
        }
        DisputeOutcome outcome = state.dispute();
        if (outcome != null && outcome.proofReceivedAt() != null) {
            throw new ProofRefused("The proof of the charge disputed in " + state.complaintId()
                    + " was received at " + outcome.proofReceivedAt());
        }
        if (outcome != null && outcome.refundGrantedAt() != null) {
            throw new ProofRefused("Complaint " + state.complaintId() + " was refunded provisionally at "
                    + outcome.refundGrantedAt() + "; a proof comes too late");
        }
        // Judged against the deadline the SLA service announced, not against whether its breach has been read yet:
        // otherwise whether the customer is refunded would depend on how far behind this consumer is.
        Optional<Instant> deadline = state.clock(SlaClock.PROOF, null).map(ClockState::deadline);
        if (deadline.isPresent() && !now.isBefore(deadline.get())) {
            throw new ProofRefused("the provider's proof came after the PROOF deadline " + deadline.get()
                    + "; the provisional refund is owed");
        }
        String complaintId = state.complaintId();
        return new SpProofReceived(EventIds.of(EventType.SP_PROOF_RECEIVED, complaintId), complaintId, now,
                EventType.SP_PROOF_RECEIVED.currentVersion(), causationId, actor, dispatchId,
                state.registration().billingDispute().spCode(), summary.strip());
    }

    /** The breached PROOF clock of a dispute that has no outcome: a provisional refund is owed. */
    public static Optional<ClockState> refundOwed(CaseState state) {
        if (!state.disputesACharge() || state.dispute() != null) {
            return Optional.empty();
        }
        return state.clock(SlaClock.PROOF, null).filter(clock -> clock.breachedAt() != null);
    }

    /** The provisional refund owed ({@link #refundOwed}), caused by the PROOF clock's breach. */
    static ProvisionalRefundGranted refund(CaseState state, Instant now) {
        ClockState proofClock = refundOwed(state).orElseThrow();
        BillingDispute dispute = state.registration().billingDispute();
        String complaintId = state.complaintId();
        return new ProvisionalRefundGranted(EventIds.of(EventType.PROVISIONAL_REFUND_GRANTED, complaintId),
                complaintId, now, EventType.PROVISIONAL_REFUND_GRANTED.currentVersion(),
                proofClock.breachId() == null ? null : proofClock.breachId().toString(), RoutingDecisions.ACTOR,
                dispute.spCode(), dispute.serviceName(), dispute.disputedAmountFen(), dispute.billingPeriod(),
                proofClock.deadline());
    }
}
