package com.telco.complaints.analytics.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complaints per service provider (seed 004 measures the centre by complaints per SP, and a provider whose charges
 * are disputed and never proved costs the operator provisional refunds). Pure arithmetic over the complaints the
 * caller chose (those registered in a period), each taken with everything the log says about it up to now, as the
 * other KPIs are.
 */
public final class SpKpis {

    /** The published definition of each figure; also in the OpenAPI document. */
    public static final String DEFINITION = """
            Population: complaints registered (ComplaintRegistered.occurredAt) in [from, to) that name a service \
            provider (today: through their billingDispute), each with everything the log says about it up to now. \
            Per spCode: complaints = complaints naming the SP; disputes = those disputing its charge (a \
            billingDispute; every complaint naming an SP does so today, the two figures part once a complaint can \
            name an SP without disputing a charge); proofs = disputes the SP proved (SpProofReceived); refunds = \
            disputes refunded provisionally (ProvisionalRefundGranted), refundedFen their sum in fen; \
            complaintsPer10k = complaints x 10,000 / the SP's subscribers when analytics.sp-subscribers."<spCode>" \
            is configured, null otherwise. Ordered by complaints, most first, then spCode.""";

    /** The subscribers of each service provider, as configured; a provider left out has no rate per 10,000. */
    public record Subscribers(Map<String, Long> bySp) {
        public static final Subscribers NONE = new Subscribers(Map.of());

        public Subscribers {
            bySp = Map.copyOf(bySp);
        }
    }

    /**
     * One complaint naming a service provider.
     *
     * @param disputesACharge whether it disputes the SP's charge
     * @param proofReceivedAt when the SP proved the charge; null without a proof
     * @param refundGrantedAt when the customer was refunded provisionally; null without a refund
     * @param refundedFen     the refund in fen; 0 without one
     */
    public record SpComplaint(String spCode, boolean disputesACharge, Instant proofReceivedAt, Instant refundGrantedAt,
                              long refundedFen) {}

    /**
     * The figures of one service provider.
     *
     * @param subscribers      the SP's subscribers as configured; null when not configured
     * @param complaintsPer10k complaints x 10,000 / subscribers; null when subscribers is
     */
    public record SpFigures(String spCode, long complaints, long disputes, long refunds, long refundedFen,
                            long proofs, Long subscribers, Double complaintsPer10k) {}

    private SpKpis() {}

    /** The figures per service provider, most complaints first, then by spCode. */
    public static List<SpFigures> bySp(Collection<SpComplaint> complaints, Subscribers subscribers) {
        Map<String, List<SpComplaint>> bySp = new TreeMap<>();
        for (SpComplaint c : complaints) {
            bySp.computeIfAbsent(c.spCode(), k -> new ArrayList<>()).add(c);
        }
        List<SpFigures> figures = new ArrayList<>(bySp.size());
        bySp.forEach((sp, members) -> figures.add(of(sp, members, subscribers.bySp().get(sp))));
        figures.sort(Comparator.comparingLong(SpFigures::complaints).reversed().thenComparing(SpFigures::spCode));
        return figures;
    }

    /** The figures of {@code complaints} taken as one group (one SP's, or all), against {@code subscribers}. */
    static SpFigures of(String spCode, Collection<SpComplaint> complaints, Long subscribers) {
        long disputes = 0;
        long refunds = 0;
        long refundedFen = 0;
        long proofs = 0;
        for (SpComplaint c : complaints) {
            if (c.disputesACharge()) {
                disputes++;
            }
            if (c.refundGrantedAt() != null) {
                refunds++;
                refundedFen += c.refundedFen();
            }
            if (c.proofReceivedAt() != null) {
                proofs++;
            }
        }
        long count = complaints.size();
        Double per10k = subscribers == null || subscribers <= 0 ? null : count * 10_000.0 / subscribers;
        return new SpFigures(spCode, count, disputes, refunds, refundedFen, proofs, subscribers, per10k);
    }
}
