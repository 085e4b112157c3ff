package com.telco.complaints.analytics.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.telco.complaints.analytics.domain.CaseRecord.SurveyOutcome;
import com.telco.complaints.analytics.domain.CaseRecord;
import com.telco.complaints.analytics.domain.Hotspots;
import com.telco.complaints.analytics.domain.CustomerObligations;
import com.telco.complaints.analytics.domain.KpiCase;
import com.telco.complaints.analytics.domain.WorkOrderCounts;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each case folded from its events, with the columns that queues, KPIs and hotspots query. */
@ApplicationScoped
public class CaseStore {

    /** A line of a case list. */
    public record CaseRow(String complaintId, String status, String category, String channel, String urgency,
                          String tier, String region, String department, String currentDispatchId, int attempts,
                          int warnings, int breaches, String lastSurvey, String closeOutcome, Instant registeredAt,
                          Instant closedAt, Instant lastEventAt) {}

    /** Filters of a case list; null matches everything. */
    public record CaseFilter(String status, String department, String category, String region) {}

    public record Page(List<CaseRow> rows, long total) {}

    /** Rows per multi-row upsert: few round trips, without holding a whole batch's parameters at once. */
    private static final int SAVE_CHUNK = 1000;

    private static final ObjectWriter STATE_WRITER = EventJson.mapper().writerFor(CaseState.class);
    private static final ObjectReader STATE_READER = EventJson.mapper().readerFor(CaseState.class);

    private static final String UPSERT = "insert into cases (complaint_id, status, category, channel, urgency, tier, "
            + "region, customer_phone, first_department, department, current_dispatch_id, attempts, registered_at, "
            + "closed_at, close_outcome, last_survey, surveys_passed, surveys_failed, warnings, breaches, "
            + "returns_judged, returns_on_time, last_event_at, state, contact_judged, contact_on_time, answer_judged, "
            + "answer_on_time, reply_due, replied, progress_judged, progress_met, redispatch_attempts, "
            + "resolved_at_first_contact, work_orders, transferred_orders, urged_orders, escalated_orders, "
            + "return_faults, incident_id) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?) "
            + "on conflict (complaint_id) do update set status = excluded.status, "
            + "first_department = excluded.first_department, department = excluded.department, "
            + "current_dispatch_id = excluded.current_dispatch_id, attempts = excluded.attempts, "
            + "closed_at = excluded.closed_at, close_outcome = excluded.close_outcome, "
            + "last_survey = excluded.last_survey, surveys_passed = excluded.surveys_passed, "
            + "surveys_failed = excluded.surveys_failed, warnings = excluded.warnings, breaches = excluded.breaches, "
            + "returns_judged = excluded.returns_judged, returns_on_time = excluded.returns_on_time, "
            + "last_event_at = excluded.last_event_at, state = excluded.state, "
            + "contact_judged = excluded.contact_judged, contact_on_time = excluded.contact_on_time, "
            + "answer_judged = excluded.answer_judged, answer_on_time = excluded.answer_on_time, "
            + "reply_due = excluded.reply_due, replied = excluded.replied, "
            + "progress_judged = excluded.progress_judged, progress_met = excluded.progress_met, "
            + "redispatch_attempts = excluded.redispatch_attempts, "
            + "resolved_at_first_contact = excluded.resolved_at_first_contact, work_orders = excluded.work_orders, "
            + "transferred_orders = excluded.transferred_orders, urged_orders = excluded.urged_orders, "
            + "escalated_orders = excluded.escalated_orders, return_faults = excluded.return_faults, "
            + "incident_id = excluded.incident_id";

    private static final String ROW_COLUMNS = "complaint_id, status, category, channel, urgency, tier, region, "
            + "department, current_dispatch_id, attempts, warnings, breaches, last_survey, close_outcome, "
            + "registered_at, closed_at, last_event_at";

    @Inject
    AgroalDataSource dataSource;

    public Map<String, CaseRecord> load(Collection<String> complaintIds) {
        Map<String, CaseRecord> cases = new HashMap<>();
        if (complaintIds.isEmpty()) {
            return cases;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select complaint_id, state, surveys_passed, surveys_failed, "
                     + "last_survey, first_department from cases where complaint_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", complaintIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.put(rs.getString(1), record(rs));
                }
            }
            return cases;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("loading cases", e);
        }
    }

    public Optional<CaseRecord> find(String complaintId) {
        return Optional.ofNullable(load(List.of(complaintId)).get(complaintId));
    }

    private static CaseRecord record(ResultSet rs) throws SQLException, JsonProcessingException {
        CaseState state = STATE_READER.readValue(rs.getString(2));
        String last = rs.getString(5);
        return new CaseRecord(state, rs.getInt(3), rs.getInt(4), last == null ? null : SurveyOutcome.valueOf(last),
                rs.getString(6));
    }

    /** Writes the cases as they now stand (every one registered: the fold applies nothing before that). */
    public void save(Collection<CaseRecord> cases) {
        if (cases.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            int pending = 0;
            for (CaseRecord r : cases) {
                CaseState state = r.state();
                ComplaintRegistered registration = state.registration();
                s.setString(1, state.complaintId());
                s.setString(2, state.status().name());
                s.setString(3, registration.category().name());
                s.setString(4, registration.channel().name());
                s.setString(5, registration.urgency().name());
                s.setString(6, registration.customer() == null || registration.customer().tier() == null
                        ? "STANDARD" : registration.customer().tier().name());
                s.setString(7, registration.region());
                s.setString(8, registration.customer() == null ? null : registration.customer().phone());
                s.setString(9, r.firstDepartment());
                s.setString(10, r.department());
                s.setString(11, r.currentWorkOrder().map(WorkOrder::dispatchId).orElse(null));
                s.setInt(12, state.attempts());
                s.setTimestamp(13, Timestamp.from(registration.occurredAt()));
                s.setTimestamp(14, r.closedAt() == null ? null : Timestamp.from(r.closedAt()));
                s.setString(15, state.closure() == null ? null : state.closure().outcome().name());
                s.setString(16, r.lastSurvey() == null ? null : r.lastSurvey().name());
                s.setInt(17, r.surveysPassed());
                s.setInt(18, r.surveysFailed());
                s.setInt(19, (int) state.warningCount());
                s.setInt(20, (int) state.breachCount());
                s.setInt(21, r.returnsJudged());
                s.setInt(22, r.returnsOnTime());
                s.setTimestamp(23, Timestamp.from(state.lastEventAt()));
                s.setString(24, STATE_WRITER.writeValueAsString(state));
                CustomerObligations owed = CustomerObligations.of(state);
                s.setInt(25, owed.contactJudged());
                s.setInt(26, owed.contactOnTime());
                s.setInt(27, owed.answerJudged());
                s.setInt(28, owed.answerOnTime());
                s.setInt(29, owed.replyDue());
                s.setInt(30, owed.replied());
                s.setInt(31, owed.progressJudged());
                s.setInt(32, owed.progressMet());
                s.setInt(33, (int) state.workOrders().stream().filter(w -> !w.handover()).count());
                s.setBoolean(34, state.resolvedAtFirstContact());
                WorkOrderCounts orders = WorkOrderCounts.of(state);
                s.setInt(35, orders.dispatched());
                s.setInt(36, orders.transferred());
                s.setInt(37, orders.urged());
                s.setInt(38, orders.escalated());
                s.setArray(39, c.createArrayOf("text", orders.faults().stream().map(Enum::name).toArray()));
                s.setString(40, state.incident() == null ? null : state.incident().incidentId());
                s.addBatch();
                if (++pending == SAVE_CHUNK) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("saving " + cases.size() + " cases", e);
        }
    }

    /** A page of cases in a stable order: registration time, then complaint number. */
    public Page list(CaseFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        condition(where, params, "status", filter.status());
        condition(where, params, "department", filter.department());
        condition(where, params, "category", filter.category());
        condition(where, params, "region", filter.region());
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("select count(*) from cases" + where)) {
                bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<CaseRow> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + ROW_COLUMNS + " from cases" + where
                    + " order by registered_at, complaint_id limit ? offset ?")) {
                int next = bind(s, params);
                s.setInt(next, size);
                s.setLong(next + 1, (long) page * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getString(13), rs.getString(14),
                                instant(rs, 15), instant(rs, 16), instant(rs, 17)));
                    }
                }
            }
            return new Page(rows, total);
        } catch (SQLException e) {
            throw new StoreException("listing cases", e);
        }
    }

    /**
     * The complaints registered in [from, to) with what KPIs need; recurrence: the same phone had a
     * complaint of the same category closed in [registeredAt - recurrenceWindow, registeredAt).
     */
    public List<KpiCase> kpiCases(Instant from, Instant to, Duration recurrenceWindow) {
        String sql = "select c.complaint_id, c.category, c.channel, c.region, c.first_department, c.registered_at, "
                + "c.closed_at, c.redispatch_attempts, c.warnings, c.breaches, c.returns_judged, c.returns_on_time, "
                + "c.surveys_passed, c.surveys_failed, c.contact_judged, c.contact_on_time, c.answer_judged, "
                + "c.answer_on_time, c.reply_due, c.replied, c.progress_judged, c.progress_met, "
                + "c.resolved_at_first_contact, c.work_orders, c.transferred_orders, c.urged_orders, "
                + "c.escalated_orders, c.return_faults, "
                + "exists (select 1 from cases p where p.customer_phone = c.customer_phone and p.category = c.category "
                + "  and p.closed_at >= c.registered_at - ? * interval '1 millisecond' and p.closed_at < c.registered_at) "
                + "from cases c where c.registered_at >= ? and c.registered_at < ? order by c.registered_at, c.complaint_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, recurrenceWindow.toMillis());
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            List<KpiCase> cases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.add(new KpiCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getInt(8), rs.getInt(9),
                            rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                            rs.getBoolean(29), rs.getBoolean(23), new CustomerObligations(rs.getInt(15),
                                    rs.getInt(16), rs.getInt(17), rs.getInt(18), rs.getInt(19), rs.getInt(20),
                                    rs.getInt(21), rs.getInt(22)), new WorkOrderCounts(rs.getInt(24), rs.getInt(25),
                                    rs.getInt(26), rs.getInt(27), faults(rs.getArray(28)))));
                }
            }
            return cases;
        } catch (SQLException e) {
            throw new StoreException("reading KPI figures", e);
        }
    }

    /**
     * Complaints per region × category registered in the baseline and in the window of {@code periods}, with the
     * incidents those in the window are linked to now.
     */
    public List<Hotspots.PairCount> pairCounts(Hotspots.Periods periods) {
        String sql = "select region, category, count(*) filter (where registered_at >= ?), "
                + "count(*) filter (where registered_at < ?), "
                + "array_agg(complaint_id order by registered_at, complaint_id) filter (where registered_at >= ?), "
                + "array_agg(distinct incident_id order by incident_id) "
                + "  filter (where registered_at >= ? and incident_id is not null) "
                + "from cases where registered_at >= ? and registered_at < ? group by region, category "
                + "order by region, category";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Timestamp windowStart = Timestamp.from(periods.windowStart());
            s.setTimestamp(1, windowStart);
            s.setTimestamp(2, windowStart);
            s.setTimestamp(3, windowStart);
            s.setTimestamp(4, windowStart);
            s.setTimestamp(5, Timestamp.from(periods.baselineStart()));
            s.setTimestamp(6, Timestamp.from(periods.now()));
            List<Hotspots.PairCount> pairs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new Hotspots.PairCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            strings(rs.getArray(5)), strings(rs.getArray(6))));
                }
            }
            return pairs;
        } catch (SQLException e) {
            throw new StoreException("counting complaints per region and category", e);
        }
    }

    /** How many cases stand in each status now; a status no case is in is absent. */
    public Map<String, Long> countByStatus() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select status, count(*) from cases group by status")) {
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("counting cases by status", e);
        }
    }

    /**
     * How many complaints were registered in each period [starts[i], starts[i + 1]), the last ending at {@code end}:
     * one count per start, in order.
     */
    public long[] registrationsPer(List<Instant> starts, Instant end) {
        long[] counts = new long[starts.size()];
        if (starts.isEmpty()) {
            return counts;
        }
        // width_bucket numbers the periods from 1; the range [first start, end) leaves out 0 and beyond the last.
        String sql = "select width_bucket(registered_at, ?::timestamptz[]), count(*) from cases "
                + "where registered_at >= ? and registered_at < ? group by 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("timestamptz", starts.stream().map(Timestamp::from).toArray()));
            s.setTimestamp(2, Timestamp.from(starts.get(0)));
            s.setTimestamp(3, Timestamp.from(end));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getInt(1) - 1] = rs.getLong(2);
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("counting registrations per period", e);
        }
    }

    /** How many cases were closed in [from, to). */
    public long closedBetween(Instant from, Instant to) {
        return Sql.count(dataSource, "select count(*) from cases where closed_at >= ? and closed_at < ?",
                List.of(Timestamp.from(from), Timestamp.from(to)), "cases closed");
    }

    /** A text array column as a list; an aggregate over no rows (null) as an empty one. */
    private static List<String> strings(Array stored) throws SQLException {
        return stored == null ? List.of() : Arrays.asList((String[]) stored.getArray());
    }

    /** The faultOf of each return, as stored. */
    private static List<FaultParty> faults(Array stored) throws SQLException {
        return Arrays.stream((String[]) stored.getArray()).map(FaultParty::valueOf).toList();
    }

    private static void condition(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static int bind(PreparedStatement s, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            s.setObject(i++, p);
        }
        return i;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
