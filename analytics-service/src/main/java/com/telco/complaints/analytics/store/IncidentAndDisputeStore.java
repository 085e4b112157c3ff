package com.telco.complaints.analytics.store;

import com.telco.complaints.analytics.domain.MonthlyReport;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * The outage incidents (seed 002) and billing disputes (seed 004) of a period, for the monthly report. Analytics
 * projects neither yet: the facts are routing's ({@code IncidentLinked}, {@code ProvisionalRefundGranted}, …), and the
 * change that projects them into analytics' tables answers here from those tables. Until then a month has none, and
 * the report shows its two sections empty rather than leaving them out.
 */
@ApplicationScoped
public class IncidentAndDisputeStore {

    /** The incidents declared in [from, to), in the order they were declared. */
    public List<MonthlyReport.Incident> incidents(Instant from, Instant to) {
        return List.of();
    }

    /** The billing disputes of the complaints registered in [from, to). */
    public MonthlyReport.BillingDisputes billingDisputes(Instant from, Instant to) {
        return MonthlyReport.BillingDisputes.NONE;
    }
}
