package com.telco.complaints.analytics.store;

import com.telco.complaints.analytics.domain.Escalation;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.eventing.store.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The escalations of overdue work orders and the notices of outage incidents (table {@code escalations}), one row per
 * event that raised one, written
 * in the projection's transaction: an event the archive has seen before is never applied again, so a redelivered
 * escalation adds no row.
 */
@ApplicationScoped
public class EscalationStore {

    /** Filters of the list; null matches everything. */
    public record Filter(Escalation.Status status, String department, Escalation.Kind kind) {}

    private static final String COLUMNS = "event_id, complaint_id, dispatch_id, department, kind, level, addressed_to, "
            + "reason, deadline, raised_at, status, resolved_at, incident_id";

    @Inject
    AgroalDataSource dataSource;

    /** Adds escalations, each as its case stands after the batch. */
    public void save(Collection<Escalation> raised) {
        Sql.batch(dataSource, "insert into escalations (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                raised, (s, e) -> {
                    s.setObject(1, e.eventId());
                    s.setString(2, e.complaintId());
                    s.setString(3, e.dispatchId());
                    s.setString(4, e.department());
                    s.setString(5, e.kind().name());
                    if (e.level() == null) {
                        s.setNull(6, Types.INTEGER);
                    } else {
                        s.setInt(6, e.level());
                    }
                    s.setString(7, e.addressedTo());
                    s.setString(8, Sql.name(e.reason()));
                    s.setTimestamp(9, Sql.timestamp(e.deadline()));
                    s.setTimestamp(10, Sql.timestamp(e.raisedAt()));
                    s.setString(11, e.status().name());
                    s.setTimestamp(12, Sql.timestamp(e.resolvedAt()));
                    s.setString(13, e.incidentId());
                }, "saving " + raised.size() + " escalations");
    }

    /** Resolves the open escalations of work orders that ended. */
    public void resolve(Collection<Escalation.Resolution> resolutions) {
        Sql.batch(dataSource, "update escalations set status = 'RESOLVED', resolved_at = ? "
                        + "where complaint_id = ? and dispatch_id = ? and status = 'OPEN'", resolutions, (s, r) -> {
                    s.setTimestamp(1, Sql.timestamp(r.at()));
                    s.setString(2, r.complaintId());
                    s.setString(3, r.dispatchId());
                }, "resolving the escalations of " + resolutions.size() + " work orders");
    }

    /** A page of escalations: open before resolved, each oldest first (then complaint number, level). */
    public List<Escalation> list(Filter filter, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        for (String value : new String[] {Sql.name(filter.status()), filter.department(), Sql.name(filter.kind())}) {
            params.add(value);
            params.add(value);
        }
        // As Sql.count filters; 'OPEN' sorts before 'RESOLVED'.
        return Sql.page(dataSource, "select " + COLUMNS + " from escalations where (?::text is null or status = ?) "
                        + "and (?::text is null or department = ?) and (?::text is null or kind = ?) "
                        + "order by status, raised_at, complaint_id, level nulls last, dispatch_id", params, limit,
                offset, rs -> {
                    String reason = rs.getString(8);
                    return new Escalation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), Escalation.Kind.valueOf(rs.getString(5)), (Integer) rs.getObject(6),
                            rs.getString(7), reason == null ? null : NoticeReason.valueOf(reason),
                            rs.getString(13), Sql.instant(rs, 9), Sql.instant(rs, 10), Sql.instant(rs, 12));
                }, "escalations");
    }

    /** How many escalations the filters match. */
    public long count(Filter filter) {
        return Sql.count(dataSource, "escalations", "escalations", "status", Sql.name(filter.status()),
                "department", filter.department(), "kind", Sql.name(filter.kind()));
    }
}
