package com.telco.complaints.analytics.store;

import com.telco.complaints.analytics.domain.CaseRecord;
import com.telco.complaints.analytics.domain.DisputeSummary;
import com.telco.complaints.analytics.domain.SpKpis;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.DisputeOutcome;
import com.telco.complaints.eventing.store.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The billing disputes of service providers' charges (seed 004), one row per complaint that disputes one (table
 * {@code disputes}): what is disputed as registered, and how it ended as its case now stands. Written from the
 * folded cases in the projection's transaction, so a row is whatever its case says, however often it is written.
 */
@ApplicationScoped
public class DisputeStore {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SpKpis.Subscribers subscribers;

    /** Writes the disputes of the cases, as they now stand; a case that disputes no charge writes nothing. */
    public void save(Collection<CaseRecord> cases) {
        List<CaseState> disputing = cases.stream().map(CaseRecord::state).filter(CaseState::disputesACharge).toList();
        Sql.batch(dataSource, "insert into disputes (complaint_id, sp_code, service_name, disputed_fen, billing_period, "
                + "registered_at, proof_at, refund_at, refund_fen) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (complaint_id) do update set proof_at = excluded.proof_at, "
                + "refund_at = excluded.refund_at, refund_fen = excluded.refund_fen", disputing, (s, state) -> {
                    BillingDispute dispute = state.registration().billingDispute();
                    DisputeOutcome outcome = state.dispute();
                    s.setString(1, state.complaintId());
                    s.setString(2, dispute.spCode());
                    s.setString(3, Sql.text(dispute.serviceName()));
                    s.setLong(4, dispute.disputedAmountFen());
                    s.setString(5, dispute.billingPeriod());
                    s.setTimestamp(6, Sql.timestamp(state.registration().occurredAt()));
                    s.setTimestamp(7, Sql.timestamp(outcome == null ? null : outcome.proofReceivedAt()));
                    s.setTimestamp(8, Sql.timestamp(outcome == null ? null : outcome.refundGrantedAt()));
                    s.setLong(9, outcome == null ? 0 : outcome.refundedFen());
                }, "saving the disputes of " + disputing.size() + " cases");
    }

    /**
     * The complaints registered in [from, to) that name a service provider, with how their disputes ended up to now.
     * Today a complaint names an SP only through its billing dispute.
     */
    public List<SpKpis.SpComplaint> spComplaintsRegisteredBetween(Instant from, Instant to) {
        return Sql.page(dataSource, "select sp_code, proof_at, refund_at, refund_fen from disputes "
                        + "where registered_at >= ? and registered_at < ? order by registered_at, complaint_id",
                List.of(Sql.timestamp(from), Sql.timestamp(to)), Integer.MAX_VALUE, 0,
                rs -> new SpKpis.SpComplaint(rs.getString(1), true, Sql.instant(rs, 2), Sql.instant(rs, 3),
                        rs.getLong(4)),
                "disputes registered between " + from + " and " + to);
    }

    /**
     * The disputes of complaints registered in [from, to), for the monthly report: how many, how many were refunded
     * provisionally and for how much, how many the SP proved (up to now), and the same per SP as GET /kpis/sp gives
     * it (with complaints per 10,000 of the SP's subscribers configured in {@code analytics.sp-subscribers}).
     */
    public DisputeSummary disputesRegisteredBetween(Instant from, Instant to) {
        return DisputeSummary.of(spComplaintsRegisteredBetween(from, to), subscribers);
    }
}
