package com.telco.complaints.routing.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.store.Sql;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Work orders as departments see them: projected from the cases, with each return's result. */
@ApplicationScoped
public class WorkOrderStore {

    /** A work order row; {@code warnAt} and {@code returnDeadline} as announced by the SLA service. */
    public record WorkOrderRow(String dispatchId, String complaintId, int attempt, String department, String rule,
                               String previousDispatchId, String status, Instant dispatchedAt, Instant warnAt,
                               Instant returnDeadline, Instant returnedAt, String returnedBy, String resolution,
                               Boolean operatorAtFault, JsonNode result) {}

    @Inject
    AgroalDataSource dataSource;

    /** Writes the work orders of {@code states} as they now stand. */
    public void project(Collection<CaseState> states) {
        List<Order> orders = states.stream().flatMap(state -> state.workOrders().stream()
                .map(w -> new Order(state, w, state.clock(SlaClock.RETURN, w.dispatchId())))).toList();
        Sql.batch(dataSource, "insert into work_orders (dispatch_id, complaint_id, attempt, "
                + "department, rule, previous_dispatch_id, status, dispatched_at, warn_at, return_deadline, "
                + "returned_at, resolution, operator_at_fault) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (dispatch_id) do update set status = excluded.status, warn_at = excluded.warn_at, "
                + "return_deadline = excluded.return_deadline, returned_at = excluded.returned_at, "
                + "resolution = excluded.resolution, operator_at_fault = excluded.operator_at_fault", orders, (s, o) -> {
            WorkOrder w = o.workOrder();
            s.setString(1, w.dispatchId());
            s.setString(2, o.state().complaintId());
            s.setInt(3, w.attempt());
            s.setString(4, w.department());
            s.setString(5, w.rule());
            s.setString(6, w.previousDispatchId());
            s.setString(7, w.status().name());
            s.setTimestamp(8, Timestamp.from(w.dispatchedAt()));
            s.setTimestamp(9, o.returnClock().map(k -> Timestamp.from(k.warnAt())).orElse(null));
            s.setTimestamp(10, o.returnClock().map(k -> Timestamp.from(k.deadline())).orElse(null));
            s.setTimestamp(11, Sql.timestamp(w.returnedAt()));
            s.setString(12, Sql.name(w.resolution()));
            Sql.setBoolean(s, 13, w.operatorAtFault());
        }, "projecting work orders");
    }

    /** A work order with its case and its RETURN clock, as one row is written. */
    private record Order(CaseState state, WorkOrder workOrder, Optional<ClockState> returnClock) {}

    /** Keeps what the department reported when it returned the work order. */
    public void saveResults(Collection<Returned> returns) {
        Sql.batch(dataSource, "update work_orders set returned_by = ?, result = ?::jsonb where dispatch_id = ?", returns,
                (s, r) -> {
                    s.setString(1, r.actor());
                    s.setString(2, EventJson.mapper().writeValueAsString(r.report()));
                    s.setString(3, r.dispatchId());
                }, "saving return results");
    }

    public Optional<String> complaintOf(String dispatchId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select complaint_id from work_orders where dispatch_id = ?")) {
            s.setString(1, dispatchId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("finding work order " + dispatchId, e);
        }
    }

    public Optional<WorkOrderRow> find(String dispatchId) {
        List<WorkOrderRow> rows = query("where dispatch_id = ?", List.of(dispatchId), 1, 0);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A queue, oldest first; null filters match everything. */
    public List<WorkOrderRow> queue(String department, String status, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("where true");
        if (department != null) {
            where.append(" and department = ?");
            params.add(department);
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status);
        }
        return query(where + " order by dispatched_at, dispatch_id", params, limit, offset);
    }

    public long count(String department, String status) {
        return Sql.count(dataSource, "work_orders", "work orders", "department", department, "status", status);
    }

    private List<WorkOrderRow> query(String where, List<Object> params, int limit, int offset) {
        String sql = "select dispatch_id, complaint_id, attempt, department, rule, previous_dispatch_id, status, "
                + "dispatched_at, warn_at, return_deadline, returned_at, returned_by, resolution, operator_at_fault, "
                + "result from work_orders " + where;
        return Sql.page(dataSource, sql, params, limit, offset, rs -> {
            String result = rs.getString(15);
            return new WorkOrderRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), Sql.instant(rs, 8), Sql.instant(rs, 9),
                    Sql.instant(rs, 10), Sql.instant(rs, 11), rs.getString(12), rs.getString(13),
                    (Boolean) rs.getObject(14), result == null ? null : EventJson.mapper().readTree(result));
        }, "work orders");
    }
}
