package com.telco.complaints.contracts.lifecycle;

import java.time.Instant;

/**
 * How a billing dispute ended (seed 004): the service provider proved the charge, or the customer was refunded
 * provisionally; never both.
 *
 * @param proofReceivedAt  when billing recorded the proof; null without one
 * @param refundGrantedAt  when the provisional refund was decided; null without one
 * @param refundedFen      the refunded amount in fen; 0 without a refund
 */
public record DisputeOutcome(Instant proofReceivedAt, Instant refundGrantedAt, long refundedFen) {

    static DisputeOutcome proved(Instant at) {
        return new DisputeOutcome(at, null, 0);
    }

    static DisputeOutcome refunded(Instant at, long fen) {
        return new DisputeOutcome(null, at, fen);
    }
}
