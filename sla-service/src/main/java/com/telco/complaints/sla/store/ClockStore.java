package com.telco.complaints.sla.store;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.eventing.parking.Parking;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import com.telco.complaints.sla.domain.CaseProfile;
import com.telco.complaints.sla.domain.SlaCase;
import com.telco.complaints.sla.domain.TrackedClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cases and their clocks in sla's schema (or its shadow, when a replay set the search path). A clock without a
 * work order (CASE, CONTACT, ANSWER, PROGRESS, DISPATCH, and the SURVEY of an answer given at the first contact) is
 * stored with dispatch_id '' and read back with a null one, so that the key has no null.
 */
@ApplicationScoped
public class ClockStore {

    private static final String CLOCK_COLUMNS = "complaint_id, clock, dispatch_id, partition, started_by, started_at, "
            + "warn_at, deadline, policy_id, policy_kind, policy_limit, warning_ratio, stopped_at, announced, warned_at, "
            + "breached_at, warning_open, breach_open, sequence";
    private static final String CASE_COLUMNS = "complaint_id, partition, category, urgency, tier, channel, closed_at, "
            + "last_reached_at, answered_at, held_work_order";

    /** How open clocks are filtered by how they stand now. */
    public enum StateFilter { RUNNING, WARNING, BREACHED }

    /** A clock with its case, as listed to operators. */
    public record OpenClock(String complaintId, TrackedClock clock) {}

    @Inject
    AgroalDataSource dataSource;

    private record CaseRow(int partition, CaseProfile profile, Instant closedAt, Instant lastReachedAt,
                           Instant answeredAt, String heldWorkOrder) {}

    /** Loads cases with their clocks and locks the cases until the transaction ends. */
    public Map<String, SlaCase> lock(Collection<String> complaintIds) {
        return load(complaintIds, " for update");
    }

    public Optional<SlaCase> find(String complaintId) {
        return Optional.ofNullable(load(List.of(complaintId), "").get(complaintId));
    }

    private Map<String, SlaCase> load(Collection<String> complaintIds, String lock) {
        Map<String, SlaCase> cases = new HashMap<>();
        if (complaintIds.isEmpty()) {
            return cases;
        }
        try (Connection c = dataSource.getConnection()) {
            // The cases first, locked when asked: their clocks are read after the lock is held, so that they are
            // never older than the last transaction that held it (a clock read before the lock, written back
            // after, would undo a warning raised in between, and the warning would be raised again).
            Map<String, CaseRow> rows = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select " + CASE_COLUMNS
                    + " from cases where complaint_id = any(?) order by complaint_id" + lock)) {
                s.setArray(1, c.createArrayOf("text", complaintIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        CaseProfile profile = rs.getString(3) == null ? null : new CaseProfile(
                                Category.valueOf(rs.getString(3)), Urgency.valueOf(rs.getString(4)),
                                CustomerTier.valueOf(rs.getString(5)), Channel.valueOf(rs.getString(6)));
                        rows.put(rs.getString(1), new CaseRow(rs.getInt(2), profile, Sql.instant(rs, 7), Sql.instant(rs, 8),
                                Sql.instant(rs, 9), rs.getString(10)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return cases;
            }
            Map<String, List<TrackedClock>> clocks = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select " + CLOCK_COLUMNS
                    + " from clocks where complaint_id = any(?)")) {
                s.setArray(1, c.createArrayOf("text", rows.keySet().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        clocks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(clock(rs));
                    }
                }
            }
            rows.forEach((id, r) -> cases.put(id, new SlaCase(id, r.partition(), r.profile(), r.closedAt(),
                    r.lastReachedAt(), r.answeredAt(), r.heldWorkOrder(), clocks.getOrDefault(id, List.of()))));
            return cases;
        } catch (SQLException e) {
            throw new StoreException("loading clocks", e);
        }
    }

    public void save(Collection<SlaCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement cs = c.prepareStatement("insert into cases (" + CASE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     + "on conflict (complaint_id) do update set category = excluded.category, urgency = excluded.urgency, "
                     + "tier = excluded.tier, channel = excluded.channel, closed_at = excluded.closed_at, "
                     + "last_reached_at = excluded.last_reached_at, answered_at = excluded.answered_at, "
                     + "held_work_order = excluded.held_work_order");
             PreparedStatement ks = c.prepareStatement("insert into clocks (" + CLOCK_COLUMNS + ") values "
                     + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (complaint_id, clock, dispatch_id, sequence) "
                     + "do update set started_at = excluded.started_at, warn_at = excluded.warn_at, "
                     + "deadline = excluded.deadline, policy_id = excluded.policy_id, policy_kind = excluded.policy_kind, "
                     + "policy_limit = excluded.policy_limit, warning_ratio = excluded.warning_ratio, "
                     + "stopped_at = excluded.stopped_at, announced = excluded.announced, warned_at = excluded.warned_at, "
                     + "breached_at = excluded.breached_at, warning_open = excluded.warning_open, "
                     + "breach_open = excluded.breach_open")) {
            int clockRows = 0;
            for (SlaCase sla : cases) {
                CaseProfile p = sla.profile();
                cs.setString(1, sla.complaintId());
                cs.setInt(2, sla.partition());
                cs.setString(3, p == null ? null : p.category().name());
                cs.setString(4, p == null ? null : p.urgency().name());
                cs.setString(5, p == null ? null : p.tier().name());
                cs.setString(6, p == null ? null : p.channel().name());
                cs.setTimestamp(7, Sql.timestamp(sla.closedAt()));
                cs.setTimestamp(8, Sql.timestamp(sla.lastReachedAt()));
                cs.setTimestamp(9, Sql.timestamp(sla.answeredAt()));
                cs.setString(10, sla.heldWorkOrder());
                cs.addBatch();
                for (TrackedClock k : sla.clocks()) {
                    SlaPolicyApplied policy = k.policy();
                    ks.setString(1, sla.complaintId());
                    ks.setString(2, k.clock().name());
                    ks.setString(3, k.dispatchId() == null ? "" : k.dispatchId());
                    ks.setInt(4, sla.partition());
                    ks.setObject(5, k.startedBy());
                    ks.setTimestamp(6, Sql.timestamp(k.startedAt()));
                    ks.setTimestamp(7, Sql.timestamp(k.warnAt()));
                    ks.setTimestamp(8, Sql.timestamp(k.deadline()));
                    ks.setString(9, policy.id());
                    ks.setString(10, policy.kind().name());
                    ks.setString(11, policy.limit() == null ? null : policy.limit().toString());
                    ks.setDouble(12, policy.warningRatio());
                    ks.setTimestamp(13, Sql.timestamp(k.stoppedAt()));
                    ks.setBoolean(14, k.announced());
                    ks.setTimestamp(15, Sql.timestamp(k.warnedAt()));
                    ks.setTimestamp(16, Sql.timestamp(k.breachedAt()));
                    ks.setBoolean(17, k.warningOpen());
                    ks.setBoolean(18, k.breachOpen());
                    ks.setInt(19, sequence(k));
                    ks.addBatch();
                    clockRows++;
                }
            }
            cs.executeBatch();
            if (clockRows > 0) {
                ks.executeBatch();
            }
        } catch (SQLException e) {
            throw new StoreException("saving clocks", e);
        }
    }

    /** Writes many cases at once into empty tables (a replay's result), with COPY. */
    public void copy(Collection<SlaCase> cases) {
        try (Connection c = dataSource.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder caseRows = new StringBuilder(1 << 20);
            StringBuilder clockRows = new StringBuilder(1 << 20);
            int rows = 0;
            for (SlaCase sla : cases) {
                CaseProfile p = sla.profile();
                Csv.row(caseRows, sla.complaintId(), sla.partition(), p == null ? null : p.category(),
                        p == null ? null : p.urgency(), p == null ? null : p.tier(), p == null ? null : p.channel(),
                        sla.closedAt(), sla.lastReachedAt(), sla.answeredAt(), sla.heldWorkOrder());
                for (TrackedClock k : sla.clocks()) {
                    SlaPolicyApplied policy = k.policy();
                    Csv.row(clockRows, sla.complaintId(), k.clock(), k.dispatchId() == null ? "" : k.dispatchId(),
                            sla.partition(), k.startedBy(), k.startedAt(), k.warnAt(), k.deadline(), policy.id(),
                            policy.kind(), policy.limit(), policy.warningRatio(), k.stoppedAt(), k.announced(),
                            k.warnedAt(), k.breachedAt(), k.warningOpen(), k.breachOpen(), sequence(k));
                }
                if (++rows % 20_000 == 0) {
                    flush(copy, caseRows, clockRows);
                }
            }
            flush(copy, caseRows, clockRows);
        } catch (SQLException | IOException e) {
            throw new StoreException("copying replayed clocks", e);
        }
    }

    private static void flush(CopyManager copy, StringBuilder caseRows, StringBuilder clockRows)
            throws SQLException, IOException {
        if (caseRows.length() > 0) {
            copy.copyIn("copy cases (" + CASE_COLUMNS + ") from stdin with (format csv)",
                    new StringReader(caseRows.toString()));
            caseRows.setLength(0);
        }
        if (clockRows.length() > 0) {
            copy.copyIn("copy clocks (" + CLOCK_COLUMNS + ") from stdin with (format csv)",
                    new StringReader(clockRows.toString()));
            clockRows.setLength(0);
        }
    }

    /** Complaints with a clock not yet announced, on the given partitions (all when null). */
    public List<String> unannounced(Collection<Integer> partitions) {
        return ids("select distinct complaint_id from clocks where not announced"
                + (partitions == null ? "" : " and partition = any(?)"), partitions, null);
    }

    /** A case with a warning or breach due. */
    public record Due(String complaintId, int partition) {}

    /** The earliest open warning point or deadline of an announced clock on {@code partitions}, if any. */
    public Optional<Instant> nextDue(Collection<Integer> partitions) {
        // As due() looks: a case with a parked record or task is left alone, so it is no next point either.
        String notParked = " and " + Parking.NOTHING_PARKED;
        String sql = "select least((select min(warn_at) from clocks k where warning_open and announced and partition = any(?)"
                + notParked + "), (select min(deadline) from clocks k where breach_open and announced "
                + "and partition = any(?)" + notParked + "))";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            java.sql.Array parts = c.createArrayOf("integer", partitions.toArray());
            s.setArray(1, parts);
            s.setArray(2, parts);
            try (ResultSet rs = s.executeQuery()) {
                Timestamp next = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(next).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new StoreException("finding the next due clock", e);
        }
    }

    /**
     * Cases with a warning or breach due at {@code cutoff} on the given partitions, most overdue first,
     * leaving alone a case with anything parked (a record of it, or its own watch).
     */
    public List<Due> due(Collection<Integer> partitions, Instant cutoff, int limit) {
        String notParked = " and " + Parking.NOTHING_PARKED;
        String sql = "select complaint_id, partition from (select complaint_id, partition, warn_at as due_at from clocks k "
                + "where warning_open and announced and partition = any(?) and warn_at <= ?" + notParked
                + " union all select complaint_id, partition, deadline from clocks k where breach_open and announced "
                + "and partition = any(?) and deadline <= ?" + notParked + ") d group by complaint_id, partition "
                + "order by min(due_at) limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            java.sql.Array parts = c.createArrayOf("integer", partitions.toArray());
            s.setArray(1, parts);
            s.setTimestamp(2, Timestamp.from(cutoff));
            s.setArray(3, parts);
            s.setTimestamp(4, Timestamp.from(cutoff));
            s.setInt(5, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getString(1), rs.getInt(2)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new StoreException("finding due clocks", e);
        }
    }

    private List<String> ids(String sql, Collection<Integer> partitions, Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (partitions != null) {
                s.setArray(i++, c.createArrayOf("integer", partitions.toArray()));
            }
            if (cutoff != null) {
                s.setTimestamp(i, Timestamp.from(cutoff));
            }
            return Sql.strings(s);
        } catch (SQLException e) {
            throw new StoreException("finding clocks", e);
        }
    }

    /** Open clocks (not stopped), most urgent first, filtered by how they stand at {@code now}. */
    public List<OpenClock> open(StateFilter state, Instant now, int limit, int offset) {
        String sql = "select " + CLOCK_COLUMNS + " from clocks where stopped_at is null" + openFilter(state)
                + " order by deadline, complaint_id, clock, dispatch_id, sequence limit ? offset ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = bindOpenFilter(s, state, now);
            s.setInt(i++, limit);
            s.setInt(i, offset);
            List<OpenClock> open = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    open.add(new OpenClock(rs.getString(1), clock(rs)));
                }
            }
            return open;
        } catch (SQLException e) {
            throw new StoreException("listing open clocks", e);
        }
    }

    /** How many open clocks {@link #open} lists on all its pages. */
    public long countOpen(StateFilter state, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from clocks where stopped_at is null"
                     + openFilter(state))) {
            bindOpenFilter(s, state, now);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting open clocks", e);
        }
    }

    /** The condition of open clocks in {@code state} at a time bound by {@link #bindOpenFilter}. */
    private static String openFilter(StateFilter state) {
        return state == null ? ""
                : switch (state) {
                    case RUNNING -> " and warn_at > ?";
                    case WARNING -> " and warn_at <= ? and deadline > ?";
                    case BREACHED -> " and deadline <= ?";
                };
    }

    /** Binds the time of {@link #openFilter} from the first parameter on; the next free parameter's index. */
    private static int bindOpenFilter(PreparedStatement s, StateFilter state, Instant now) throws SQLException {
        int i = 1;
        if (state != null) {
            s.setTimestamp(i++, Timestamp.from(now));
            if (state == StateFilter.WARNING) {
                s.setTimestamp(i++, Timestamp.from(now));
            }
        }
        return i;
    }

    private static TrackedClock clock(ResultSet rs) throws SQLException {
        String dispatchId = rs.getString(3);
        String limit = rs.getString(11);
        SlaPolicyApplied policy = new SlaPolicyApplied(rs.getString(9), LimitKind.valueOf(rs.getString(10)),
                limit == null ? null : Duration.parse(limit), rs.getDouble(12));
        int sequence = rs.getInt(19);
        return new TrackedClock(SlaClock.valueOf(rs.getString(2)), dispatchId.isEmpty() ? null : dispatchId,
                sequence == 0 ? null : sequence, rs.getObject(5, UUID.class), Sql.instant(rs, 6), Sql.instant(rs, 7), Sql.instant(rs, 8), policy, Sql.instant(rs, 13),
                rs.getBoolean(14), Sql.instant(rs, 15), Sql.instant(rs, 16));
    }

    /** A clock that runs once per case is stored with sequence 0, so that the key has no null. */
    private static int sequence(TrackedClock clock) {
        return clock.sequence() == null ? 0 : clock.sequence();
    }

    /** CSV rows for COPY: every value quoted, null as an empty unquoted field, instants in ISO-8601. */
    static final class Csv {
        private Csv() {}

        static void row(StringBuilder out, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                String s = v instanceof Enum<?> e ? e.name() : v.toString();
                out.append('"');
                for (int j = 0; j < s.length(); j++) {
                    char ch = s.charAt(j);
                    if (ch == '"') {
                        out.append('"');
                    }
                    out.append(ch);
                }
                out.append('"');
            }
            out.append('\n');
        }
    }
}
