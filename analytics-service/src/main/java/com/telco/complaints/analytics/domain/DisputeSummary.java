package com.telco.complaints.analytics.domain;

import java.util.Collection;
import java.util.List;

/**
 * The billing disputes (seed 004) of complaints registered in a period, as the monthly report states them: each
 * dispute with everything the log says about it up to now (a dispute registered in the period and refunded after it
 * counts as refunded).
 *
 * @param disputes    complaints registered in the period that dispute a service provider's charge
 * @param refunds     of those, the ones refunded provisionally (ProvisionalRefundGranted)
 * @param refundedFen the sum of those refunds, in fen
 * @param proofs      of those, the ones whose charge the service provider proved (SpProofReceived)
 * @param perSp       the same complaints per service provider, as GET /kpis/sp gives them
 */
public record DisputeSummary(long disputes, long refunds, long refundedFen, long proofs, List<SpKpis.SpFigures> perSp) {

    public DisputeSummary {
        perSp = List.copyOf(perSp);
    }

    /** The summary of {@code complaints} (those of the period), per SP against {@code subscribers}. */
    public static DisputeSummary of(Collection<SpKpis.SpComplaint> complaints, SpKpis.Subscribers subscribers) {
        List<SpKpis.SpComplaint> disputes = complaints.stream().filter(SpKpis.SpComplaint::disputesACharge).toList();
        SpKpis.SpFigures all = SpKpis.of("ALL", disputes, null);
        return new DisputeSummary(all.complaints(), all.refunds(), all.refundedFen(), all.proofs(),
                SpKpis.bySp(complaints, subscribers));
    }
}
