package com.telco.complaints.survey.store;

import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import com.telco.complaints.survey.domain.IncidentNotices.Owed;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The incident notices owed to linked customers, and which contact sent each. */
@ApplicationScoped
public class IncidentNoticeStore {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Writes what {@code changes} left: the notices that became owed (a redelivered one changes nothing), then those
     * sent, then the cases closed, whose notices are owed no more.
     */
    public void save(CaseChanges changes) {
        if (changes.noticesOwed().isEmpty() && changes.noticesSent().isEmpty() && changes.closed().isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!changes.noticesOwed().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("insert into incident_notices (caused_by, complaint_id, "
                        + "partition, incident_id, revision, rescheduled, estimated_repair_at, title, fault_description, "
                        + "reason, owed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true) on conflict (caused_by) do nothing")) {
                    for (CaseChanges.OwedOn owed : changes.noticesOwed()) {
                        Owed n = owed.notice();
                        s.setString(1, n.causedBy());
                        s.setString(2, n.complaintId());
                        s.setInt(3, owed.partition());
                        s.setString(4, n.incidentId());
                        s.setInt(5, n.revision());
                        s.setBoolean(6, n.rescheduled());
                        s.setTimestamp(7, Sql.timestamp(n.estimatedRepairAt()));
                        s.setString(8, n.title());
                        s.setString(9, n.faultDescription());
                        s.setString(10, n.reason());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (!changes.noticesSent().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(
                        "update incident_notices set contact_id = ?, owed = false where caused_by = ?")) {
                    for (Map.Entry<String, String> sent : changes.noticesSent().entrySet()) {
                        s.setString(1, sent.getValue());
                        s.setString(2, sent.getKey());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (!changes.closed().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(
                        "update incident_notices set owed = false where owed and complaint_id = any(?)")) {
                    s.setArray(1, c.createArrayOf("text", changes.closed().toArray()));
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("saving incident notices", e);
        }
    }

    /**
     * The notices owed to these complaints' customers, in the order they became owed (link first, then revision by
     * revision), each with the incident's title as its link told it.
     */
    public List<Owed> owed(Collection<String> complaintIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select n.caused_by, n.complaint_id, n.incident_id, n.revision, "
                     + "n.rescheduled, n.estimated_repair_at, coalesce(n.title, (select l.title from incident_notices l "
                     + "where l.complaint_id = n.complaint_id and l.incident_id = n.incident_id and not l.rescheduled "
                     + "limit 1)), n.fault_description, n.reason from incident_notices n "
                     + "where n.owed and n.complaint_id = any(?) order by n.complaint_id, n.rescheduled, n.revision")) {
            s.setArray(1, c.createArrayOf("text", complaintIds.toArray()));
            List<Owed> owed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owed.add(new Owed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                            Sql.instant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return owed;
        } catch (SQLException e) {
            throw new StoreException("reading owed incident notices", e);
        }
    }

    /** Complaints owed a notice on {@code partitions} (all when null). */
    public List<String> owedCases(Collection<Integer> partitions) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select distinct complaint_id from incident_notices where owed"
                     + (partitions == null ? "" : " and partition = any(?)") + " order by complaint_id")) {
            if (partitions != null) {
                s.setArray(1, c.createArrayOf("integer", partitions.toArray()));
            }
            return Sql.strings(s);
        } catch (SQLException e) {
            throw new StoreException("finding owed incident notices", e);
        }
    }
}
