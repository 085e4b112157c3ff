package com.telco.complaints.analytics.store;

import com.telco.complaints.eventing.store.Schemas;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Who read which case's audit archive, and when. Not a projection of the log, so it lives outside
 * the service's schema, in {@code <schema>_access}: a rebuild replays and swaps every table of the
 * service's schema, and would empty this one (see V2__audit_reads.sql).
 */
@ApplicationScoped
public class AuditReads {

    /**
     * One read of an audit door.
     *
     * @param subject the token's subject: who read
     * @param name    the token's display name
     * @param door    the method and path template read, e.g. {@code GET /audit/complaints/{complaintId}/events}
     * @param query   the query string as sent; null when there was none
     * @param readAt  wall-clock time of the read
     */
    public record AuditRead(long id, String subject, String name, String door, String complaintId, String query,
                            Instant readAt) {}

    public record Page(List<AuditRead> rows, long total) {}

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Schemas schemas;

    private String table() {
        return schemas.live() + "_access.audit_reads";
    }

    /** Records one read (its own statement, committed at once). */
    public void record(String subject, String name, String door, String complaintId, String query, Instant readAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into " + table()
                     + " (subject, name, door, complaint_id, query, read_at) values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, subject);
            s.setString(2, name);
            s.setString(3, door);
            s.setString(4, complaintId);
            s.setString(5, query);
            s.setTimestamp(6, Timestamp.from(readAt));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("recording a read of the audit archive of " + complaintId, e);
        }
    }

    /** A page of reads, newest first; only those of {@code complaintId} when it is given. */
    public Page list(String complaintId, int page, int size) {
        String where = complaintId == null ? "" : " where complaint_id = ?";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("select count(*) from " + table() + where)) {
                bindFilter(s, complaintId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditRead> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id, subject, name, door, complaint_id, query, read_at "
                    + "from " + table() + where + " order by read_at desc, id desc limit ? offset ?")) {
                int next = bindFilter(s, complaintId);
                s.setInt(next, size);
                s.setLong(next + 1, (long) page * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditRead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return new Page(rows, total);
        } catch (SQLException e) {
            throw new StoreException("listing reads of the audit archive", e);
        }
    }

    /** Binds the complaint filter, if any; returns the next parameter index. */
    private static int bindFilter(PreparedStatement s, String complaintId) throws SQLException {
        if (complaintId == null) {
            return 1;
        }
        s.setString(1, complaintId);
        return 2;
    }
}
