package com.telco.complaints.analytics.store;

import com.telco.complaints.analytics.domain.DisputeSummary;
import com.telco.complaints.analytics.domain.MonthlyReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * The outage incidents (seed 002) and billing disputes (seed 004) of a period, as the monthly report states them,
 * from the tables the projection keeps of routing's facts ({@link IncidentStore}, {@link DisputeStore}).
 */
@ApplicationScoped
public class IncidentAndDisputeStore {

    @Inject
    IncidentStore incidents;
    @Inject
    DisputeStore disputes;

    /**
     * The incidents declared in [from, to), in the order they were declared. An incident no complaint was linked to
     * is not on the log, so not here.
     */
    public List<MonthlyReport.Incident> incidents(Instant from, Instant to) {
        return incidents.incidentsDeclaredBetween(from, to).stream()
                .map(i -> new MonthlyReport.Incident(i.incidentId(), i.region(), i.category(), i.title(),
                        i.department(), i.declaredAt(), i.estimatedRepairAt(),
                        i.returned() > 0 && i.returned() == i.linked() ? i.lastReturnedAt() : null, i.linked(), i.returned()))
                .toList();
    }

    /** The billing disputes of the complaints registered in [from, to), with what became of them up to now. */
    public MonthlyReport.BillingDisputes billingDisputes(Instant from, Instant to) {
        DisputeSummary summary = disputes.disputesRegisteredBetween(from, to);
        return new MonthlyReport.BillingDisputes(summary.disputes(), summary.proofs(), summary.refunds(),
                summary.refundedFen(), summary.perSp());
    }
}
