package com.telco.complaints.routing.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.DisputeOutcome;

import java.time.Instant;
import java.util.Optional;

/**
 * The charge a complaint disputes (seed 004), on each of its work orders, and how the dispute ended: the service
 * provider's proof received, or the provisional refund granted (with its amount); neither while it is open.
 *
 * @param disputedAmountFen the disputed amount in fen (1/100 yuan)
 * @param refundedFen       the amount refunded provisionally; null without a refund
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderDispute(String spCode, String serviceName, long disputedAmountFen, String billingPeriod,
                           Instant proofReceivedAt, Instant refundGrantedAt, Long refundedFen) {

    static Optional<OrderDispute> of(CaseState state) {
        if (!state.disputesACharge()) {
            return Optional.empty();
        }
        BillingDispute d = state.registration().billingDispute();
        DisputeOutcome outcome = state.dispute();
        boolean refunded = outcome != null && outcome.refundGrantedAt() != null;
        return Optional.of(new OrderDispute(d.spCode(), d.serviceName(), d.disputedAmountFen(), d.billingPeriod(),
                outcome == null ? null : outcome.proofReceivedAt(), refunded ? outcome.refundGrantedAt() : null,
                refunded ? outcome.refundedFen() : null));
    }
}
