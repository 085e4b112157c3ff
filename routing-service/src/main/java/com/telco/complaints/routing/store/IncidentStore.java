package com.telco.complaints.routing.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.store.Schemas;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import com.telco.complaints.routing.domain.Incident;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Outage incidents as declared, rescheduled and resolved, in {@code <schema>_incidents} (see V7__incidents_and_disputes
 * .sql): routing's own state, which no rebuild touches. Also the gate every decision that depends on which incidents
 * are open takes ({@link #admitLinking}, {@link #closeForChanges}).
 */
@ApplicationScoped
public class IncidentStore {

    /** An incident with who resolved it and the return made for its complaints, as its detail shows them. */
    public record IncidentRow(Incident incident, String estimateReason, String resolvedBy, JsonNode resolution) {}

    /**
     * An incident's one work order, as its department's queue shows it: the incident and the complaints' orders it
     * holds, counted by status (the work orders projection's).
     */
    public record IncidentOrder(Incident incident, Counts counts) {
        public String incidentId() {
            return incident.incidentId();
        }
    }

    /** The complaints an incident holds: linked, their held orders still open, and returned. */
    public record Counts(int linked, int open, int returned) {}

    private static final String COLUMNS = "incident_id, region, category, title, fault_description, department, "
            + "match_from, match_to, complaint_ids, declared_at, declared_by, estimated_repair_at, revision, status, "
            + "resolved_at, linked, noticed, estimate_reason, resolved_by, resolution";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Schemas schemas;

    /** The incidents table, schema-qualified: a rebuild's transactions point their search path at the shadow tables. */
    String table() {
        return schemas.live() + "_incidents.incidents";
    }

    /**
     * Lets the caller decide dispatches against the open incidents as they stand until its transaction ends: many
     * deciders at once, none while an incident door changes which incidents are open or what a link carries.
     */
    public void admitLinking() {
        gate("for share");
    }

    /** Waits for the deciders that read the open incidents, and keeps new ones out until the transaction ends. */
    public void closeForChanges() {
        gate("for update");
    }

    private void gate(String lock) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select id from " + schemas.live() + "_incidents.incident_gate " + lock);
        } catch (SQLException e) {
            throw new StoreException("taking the incident gate", e);
        }
    }

    /** The open incidents (the caller holds the gate, so none opens or closes meanwhile). */
    public List<Incident> open() {
        return select("where status = 'OPEN' order by incident_id", List.of());
    }

    /**
     * The incidents, as they stand now, each locked until the transaction ends: their linked count and the notices
     * raised change with every link, so two deciders linking complaints to one incident take turns.
     */
    public List<Incident> lock(Collection<String> incidentIds) {
        return select("where incident_id = any(?) order by incident_id for update",
                List.of((Object) incidentIds.toArray(String[]::new)));
    }

    /** The incident, locked until the transaction ends. */
    public Optional<IncidentRow> lock(String incidentId) {
        return selectRows("where incident_id = ? for update", List.of(incidentId)).stream().findFirst();
    }

    public Optional<IncidentRow> find(String incidentId) {
        return selectRows("where incident_id = ?", List.of(incidentId)).stream().findFirst();
    }

    /** The number the next incident of {@code businessDay} takes (the caller holds the gate). */
    public int nextNumber(LocalDate businessDay) {
        return (int) Sql.count(dataSource, "select coalesce(max(number), 0) + 1 from " + table()
                + " where business_day = ?", List.of(businessDay), "incidents of " + businessDay);
    }

    /** The incident {@code operator} declared with {@code idempotencyKey}, if any (V8's unique index keeps it one). */
    public Optional<Incident> declaredWith(String operator, String idempotencyKey) {
        return select("where declared_by = ? and idempotency_key = ?", List.of(operator, idempotencyKey)).stream()
                .findFirst();
    }

    /** @param idempotencyKey the declaration's Idempotency-Key; null without one */
    public void insert(Incident incident, LocalDate businessDay, int number, String idempotencyKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into " + table() + " (incident_id, business_day, number, "
                     + "region, category, title, fault_description, department, match_from, match_to, complaint_ids, "
                     + "declared_at, declared_by, estimated_repair_at, revision, status, linked, noticed, "
                     + "idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Incident.Match match = incident.match();
            s.setString(1, incident.incidentId());
            s.setObject(2, businessDay);
            s.setInt(3, number);
            s.setString(4, incident.region());
            s.setString(5, incident.category().name());
            s.setString(6, incident.title());
            s.setString(7, incident.faultDescription());
            s.setString(8, incident.department());
            s.setTimestamp(9, Sql.timestamp(match.from()));
            s.setTimestamp(10, Sql.timestamp(match.to()));
            s.setArray(11, match.isListed() ? c.createArrayOf("text", match.complaintIds().stream().sorted().toArray())
                    : null);
            s.setTimestamp(12, Sql.timestamp(incident.declaredAt()));
            s.setString(13, incident.declaredBy());
            s.setTimestamp(14, Sql.timestamp(incident.estimatedRepairAt()));
            s.setInt(15, incident.revision());
            s.setString(16, incident.status().name());
            s.setInt(17, incident.linked());
            s.setArray(18, noticed(c, incident));
            s.setString(19, idempotencyKey);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("declaring incident " + incident.incidentId(), e);
        }
    }

    /** Writes what links change: how many were linked, and which notices were raised. */
    public void saveLinks(Collection<Incident> incidents) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update " + table() + " set linked = ?, noticed = ? "
                     + "where incident_id = ?")) {
            for (Incident incident : incidents) {
                s.setInt(1, incident.linked());
                s.setArray(2, noticed(c, incident));
                s.setString(3, incident.incidentId());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("saving the links of incidents", e);
        }
    }

    public void saveEstimate(Incident incident, String reason) {
        update("set estimated_repair_at = ?, revision = ?, estimate_reason = ? where incident_id = ?",
                List.of(Sql.timestamp(incident.estimatedRepairAt()), incident.revision(), reason, incident.incidentId()));
    }

    public void saveResolution(Incident incident, String resolvedBy, JsonNode resolution) {
        update("set status = ?, resolved_at = ?, resolved_by = ?, resolution = ?::jsonb where incident_id = ?",
                List.of(incident.status().name(), Sql.timestamp(incident.resolvedAt()), resolvedBy,
                        resolution.toString(), incident.incidentId()));
    }

    /** The incidents' work orders, each with its counts. */
    public List<IncidentOrder> orders(Collection<String> incidentIds) {
        List<Incident> found = select("where incident_id = any(?) order by incident_id",
                List.of((Object) incidentIds.toArray(String[]::new)));
        Map<String, Counts> counts = counts(incidentIds);
        return found.stream().map(i -> new IncidentOrder(i, counts.getOrDefault(i.incidentId(), new Counts(0, 0, 0))))
                .toList();
    }

    /** How many complaints each incident holds, from the work orders projection. */
    public Map<String, Counts> counts(Collection<String> incidentIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select incident_id, count(*), "
                     + "count(*) filter (where status = 'OPEN'), count(*) filter (where status = 'RETURNED') "
                     + "from work_orders where incident_id = any(?) group by incident_id")) {
            s.setArray(1, c.createArrayOf("text", incidentIds.toArray()));
            Map<String, Counts> counts = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("counting the complaints of incidents", e);
        }
    }

    /** A page of the incidents of a status (all when null), the newest declared first. */
    public List<Incident> page(Incident.Status status, int limit, long offset) {
        List<Object> params = status == null ? List.of() : List.of(status.name());
        return Sql.page(dataSource, "select " + COLUMNS + " from " + table()
                        + (status == null ? "" : " where status = ?") + " order by declared_at desc, incident_id desc",
                params, limit, offset, rs -> row(rs).incident(), "incidents");
    }

    public long count(Incident.Status status) {
        return Sql.count(dataSource, table(), "incidents", "status", status == null ? null : status.name());
    }

    private void update(String set, List<Object> params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update " + table() + " " + set)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("saving an incident", e);
        }
    }

    private List<Incident> select(String where, List<Object> params) {
        return selectRows(where, params).stream().map(IncidentRow::incident).toList();
    }

    private List<IncidentRow> selectRows(String where, List<Object> params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from " + table() + " " + where)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                s.setObject(i + 1, p instanceof String[] ids ? c.createArrayOf("text", ids) : p);
            }
            List<IncidentRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (Exception e) {
            throw new StoreException("reading incidents", e);
        }
    }

    private static IncidentRow row(ResultSet rs) throws Exception {
        Array listed = rs.getArray(9);
        Incident.Match match = listed == null ? Incident.Match.window(Sql.instant(rs, 7), Sql.instant(rs, 8))
                : Incident.Match.listed(Set.of((String[]) listed.getArray()));
        Set<NoticeReason> noticed = EnumSet.noneOf(NoticeReason.class);
        Arrays.stream((String[]) rs.getArray(17).getArray()).map(NoticeReason::valueOf).forEach(noticed::add);
        Incident incident = new Incident(rs.getString(1), rs.getString(2), Category.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), match, Sql.instant(rs, 10), rs.getString(11),
                Sql.instant(rs, 12), rs.getInt(13), Incident.Status.valueOf(rs.getString(14)), Sql.instant(rs, 15),
                rs.getInt(16), noticed);
        String resolution = rs.getString(20);
        return new IncidentRow(incident, rs.getString(18), rs.getString(19),
                resolution == null ? null : EventJson.mapper().readTree(resolution));
    }

    private static Array noticed(Connection c, Incident incident) throws SQLException {
        return c.createArrayOf("text", incident.noticed().stream().map(Enum::name).sorted().toArray());
    }
}
