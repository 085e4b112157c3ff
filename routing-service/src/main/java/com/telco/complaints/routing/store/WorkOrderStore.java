package com.telco.complaints.routing.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Work orders as departments see them: projected from the cases, with the complaint as known at dispatch, each
 * return's result, the order's history of transfers, urges, escalations and notices, and the complaint's billing
 * dispute.
 *
 * <p>The queue of a department holds its work orders and its outage incidents' work orders, one per incident: a row
 * of the incidents table ({@link IncidentStore}) stands in the queue for the incident, and the complaints' orders it
 * holds ({@code incident_id} set) are left out of the queue, reached through the incident
 * ({@link #heldBy}). The two are paged together as one list ({@link QueueItem}).
 */
@ApplicationScoped
public class WorkOrderStore {

    /**
     * A work order row; {@code warnAt} and {@code returnDeadline} as announced by the SLA service, {@code warnedAt}
     * and {@code breachedAt} as it raised them.
     *
     * @param brief    the complaint as known at dispatch ({@link OrderBrief}); null for orders dispatched before it
     *                 was kept, until a rebuild
     * @param history  transfers, urges, escalations and notices, in log order
     * @param previous the return of the order this one replaced, for a redispatch
     * @param incidentId the outage incident holding the order; null for an order of its own
     * @param dispute  the complaint's billing dispute and its outcome; null when it disputes no charge
     */
    public record WorkOrderRow(String dispatchId, String complaintId, int attempt, String department, String rule,
                               String previousDispatchId, String status, Instant dispatchedAt, Instant warnAt,
                               Instant returnDeadline, Instant warnedAt, Instant breachedAt, Instant urgedAt,
                               int escalationLevel, String escalatedTo, Instant noticedAt, int transfers,
                               Instant returnedAt, String returnedBy, String resolution, Boolean operatorAtFault,
                               String faultOf, String accountable, JsonNode result, OrderBrief brief,
                               JsonNode history, PreviousReturn previous, String incidentId, OrderDispute dispute) {}

    /** One item of a queue: a work order of a complaint, or an incident's work order; the other is null. */
    public record QueueItem(WorkOrderRow order, IncidentStore.IncidentOrder incident) {}

    /** A complaint's work order held by an incident, with the case's status. */
    public record HeldOrder(String complaintId, String dispatchId, String status, Instant linkedAt, Instant returnedAt,
                            String caseStatus) {}

    /** What the department before reported on the order a redispatch replaced. */
    public record PreviousReturn(String dispatchId, String department, Instant returnedAt, String resolution,
                                 String faultOf, JsonNode result) {}

    /**
     * Which orders of the queue, in which order. Null filters match every order; {@code category} and {@code region}
     * are the complaint's on the order (its brief's), the region matched exactly.
     */
    public record Queue(String department, String status, Boolean warned, Boolean breached, Category category,
                        String region, Sort sort) {}

    /** {@code DEADLINE}: the nearest RETURN deadline first; {@code DISPATCHED}: the oldest order first. */
    public enum Sort { DEADLINE, DISPATCHED }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IncidentStore incidents;

    /**
     * Writes the work orders of {@code states} as they now stand, then what {@code applied} (the events applied to
     * them, in log order) leaves on their rows: the complaint on a new order, a return's result, and the history.
     */
    public void apply(Collection<CaseState> states, List<ComplaintEvent> applied) {
        project(states);
        Map<String, CaseState> byComplaint = states.stream()
                .collect(Collectors.toMap(CaseState::complaintId, Function.identity(), (a, b) -> b));
        saveBriefs(applied.stream().map(e -> briefOf(e, byComplaint)).flatMap(Optional::stream).toList());
        saveResults(applied.stream().filter(Returned.class::isInstance).map(Returned.class::cast).toList());
        saveHistory(applied.stream().map(WorkOrderStore::historyOf).flatMap(Optional::stream).toList());
    }

    private void project(Collection<CaseState> states) {
        List<Order> orders = states.stream().flatMap(state -> state.workOrders().stream()
                .map(w -> new Order(state, w, state.clock(SlaClock.RETURN, w.dispatchId()), heldBy(state, w),
                        OrderDispute.of(state)))).toList();
        Sql.batch(dataSource, "insert into work_orders (dispatch_id, complaint_id, attempt, department, rule, "
                + "previous_dispatch_id, status, dispatched_at, warn_at, return_deadline, returned_at, resolution, "
                + "operator_at_fault, warned_at, breached_at, urged_at, escalation_level, noticed_at, transfers, "
                + "fault_of, incident_id, dispute) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?::jsonb) "
                + "on conflict (dispatch_id) do update set department = excluded.department, status = excluded.status, "
                + "warn_at = excluded.warn_at, return_deadline = excluded.return_deadline, "
                + "returned_at = excluded.returned_at, resolution = excluded.resolution, "
                + "operator_at_fault = excluded.operator_at_fault, warned_at = excluded.warned_at, "
                + "breached_at = excluded.breached_at, urged_at = excluded.urged_at, "
                + "escalation_level = excluded.escalation_level, noticed_at = excluded.noticed_at, "
                + "transfers = excluded.transfers, fault_of = excluded.fault_of, incident_id = excluded.incident_id, "
                + "dispute = excluded.dispute", orders, (s, o) -> {
            WorkOrder w = o.workOrder();
            Optional<ClockState> clock = o.returnClock();
            s.setString(1, w.dispatchId());
            s.setString(2, o.state().complaintId());
            s.setInt(3, w.attempt());
            s.setString(4, w.department());
            s.setString(5, w.rule());
            s.setString(6, w.previousDispatchId());
            s.setString(7, w.status().name());
            s.setTimestamp(8, Timestamp.from(w.dispatchedAt()));
            s.setTimestamp(9, clock.map(k -> Timestamp.from(k.warnAt())).orElse(null));
            s.setTimestamp(10, clock.map(k -> Timestamp.from(k.deadline())).orElse(null));
            s.setTimestamp(11, Sql.timestamp(w.returnedAt()));
            s.setString(12, Sql.name(w.resolution()));
            Sql.setBoolean(s, 13, w.operatorAtFault());
            s.setTimestamp(14, clock.map(k -> Sql.timestamp(k.warnedAt())).orElse(null));
            s.setTimestamp(15, clock.map(k -> Sql.timestamp(k.breachedAt())).orElse(null));
            s.setTimestamp(16, Sql.timestamp(w.urgedAt()));
            s.setInt(17, w.escalationLevel());
            s.setTimestamp(18, Sql.timestamp(w.noticedAt()));
            s.setInt(19, w.transfers());
            s.setString(20, Sql.name(w.faultOf()));
            s.setString(21, o.incidentId());
            s.setString(22, o.dispute().isEmpty() ? null : EventJson.mapper().writeValueAsString(o.dispute().get()));
        }, "projecting work orders");
    }

    /** The incident holding {@code order}: the case's link names it. */
    private static String heldBy(CaseState state, WorkOrder order) {
        return state.incident() != null && state.incident().dispatchId().equals(order.dispatchId())
                ? state.incident().incidentId() : null;
    }

    /** A work order with its case, its RETURN clock, the incident holding it and the case's dispute, as one row. */
    private record Order(CaseState state, WorkOrder workOrder, Optional<ClockState> returnClock, String incidentId,
                         Optional<OrderDispute> dispute) {}

    /** The complaint on an order, written when the order's Dispatched or Redispatched is applied. */
    private record Brief(String dispatchId, OrderBrief brief) {}

    private static Optional<Brief> briefOf(ComplaintEvent event, Map<String, CaseState> states) {
        String dispatchId = event instanceof Dispatched d ? d.dispatchId()
                : event instanceof Redispatched r ? r.dispatchId()
                : event instanceof IncidentLinked l ? l.dispatchId() : null;
        CaseState state = dispatchId == null ? null : states.get(event.complaintId());
        return Optional.ofNullable(state).flatMap(s -> s.workOrder(dispatchId))
                .map(order -> new Brief(dispatchId, OrderBrief.of(state, order)));
    }

    /** Writes each order's brief, and the category and region the queue filters on beside it. */
    private void saveBriefs(List<Brief> briefs) {
        Sql.batch(dataSource, "update work_orders set brief = ?::jsonb, category = ?, region = ? "
                + "where dispatch_id = ?", briefs, (s, b) -> {
            s.setString(1, EventJson.mapper().writeValueAsString(b.brief()));
            s.setString(2, Sql.name(b.brief().category()));
            s.setString(3, b.brief().region());
            s.setString(4, b.dispatchId());
        }, "saving the complaints on work orders");
    }

    /** Keeps what the department reported when it returned the work order. */
    private void saveResults(Collection<Returned> returns) {
        Sql.batch(dataSource, "update work_orders set returned_by = ?, result = ?::jsonb, accountable = ? "
                + "where dispatch_id = ?", returns, (s, r) -> {
            s.setString(1, r.actor());
            s.setString(2, EventJson.mapper().writeValueAsString(r.report()));
            s.setString(3, r.accountable());
            s.setString(4, r.dispatchId());
        }, "saving return results");
    }

    /** One entry of an order's history; {@code escalatedTo} set for an escalation. */
    private record Entry(String dispatchId, ObjectNode entry, String escalatedTo) {}

    private static Optional<Entry> historyOf(ComplaintEvent event) {
        ObjectNode entry = EventJson.mapper().createObjectNode();
        entry.put("at", event.occurredAt().toString());
        if (event instanceof WorkOrderTransferred t) {
            entry.put("action", "TRANSFERRED").put("by", t.actor()).put("from", t.fromDepartment())
                    .put("to", t.toDepartment()).put("reason", t.reason()).put("request", t.causationId());
            return Optional.of(new Entry(t.dispatchId(), entry, null));
        }
        if (event instanceof WorkOrderUrged u) {
            entry.put("action", "URGED").put("department", u.department());
            return Optional.of(new Entry(u.dispatchId(), entry, null));
        }
        if (event instanceof WorkOrderEscalated e) {
            entry.put("action", "ESCALATED").put("department", e.department()).put("level", e.level())
                    .put("to", e.escalatedTo());
            return Optional.of(new Entry(e.dispatchId(), entry, e.escalatedTo()));
        }
        if (event instanceof EscalationNotice n) {
            entry.put("action", "NOTICE").put("department", n.department()).put("to", n.addressedTo())
                    .put("reason", n.reason().name());
            if (n.incidentId() != null) {
                entry.put("incidentId", n.incidentId());
            }
            return Optional.of(new Entry(n.dispatchId(), entry, null));
        }
        if (event instanceof EstimatedRepairChanged e) {
            entry.put("action", "ESTIMATE").put("incidentId", e.incidentId()).put("revision", e.revision())
                    .put("estimatedRepairAt", e.estimatedRepairAt().toString()).put("reason", e.reason());
            return Optional.of(new Entry(e.dispatchId(), entry, null));
        }
        if (event instanceof SpProofReceived p) {
            entry.put("action", "PROOF").put("by", p.actor()).put("summary", p.summary());
            return Optional.of(new Entry(p.dispatchId(), entry, null));
        }
        return Optional.empty();
    }

    private void saveHistory(List<Entry> entries) {
        Sql.batch(dataSource, "update work_orders set history = history || jsonb_build_array(?::jsonb), "
                + "escalated_to = coalesce(?, escalated_to) where dispatch_id = ?", entries, (s, e) -> {
            s.setString(1, EventJson.mapper().writeValueAsString(e.entry()));
            s.setString(2, e.escalatedTo());
            s.setString(3, e.dispatchId());
        }, "saving work order history");
    }

    /** Whether the request {@code causationId} transferred the work order already (its history names it). */
    public boolean transferredBy(String dispatchId, String causationId) {
        ObjectNode transfer = EventJson.mapper().createObjectNode().put("action", "TRANSFERRED")
                .put("request", causationId);
        return Sql.count(dataSource, "select count(*) from work_orders where dispatch_id = ? "
                + "and history @> jsonb_build_array(?::jsonb)", List.of(dispatchId, transfer.toString()),
                "transfers of " + dispatchId) > 0;
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
        List<WorkOrderRow> rows = query("where w.dispatch_id = ?", List.of(dispatchId), 1, 0);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * A page of a queue: the complaints' work orders not held by an incident, and the incidents' work orders (an
     * incident's RETURN deadline being its estimated repair time, its status OPEN until resolved, then RETURNED).
     */
    public List<QueueItem> queue(Queue queue, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String order = queue.sort() == Sort.DISPATCHED ? " order by w.dispatched_at, w.id"
                : " order by w.return_deadline nulls last, w.id";
        List<String[]> page = Sql.page(dataSource, "select w.kind, w.id from " + items() + " " + where(queue, params)
                + order, params, limit, offset, rs -> new String[] {rs.getString(1), rs.getString(2)}, "the queue");
        Map<String, WorkOrderRow> orders = byIds(page, "ORDER", ids -> query("where w.dispatch_id = "
                + "any(string_to_array(?, ','))", List.of(String.join(",", ids)), ids.size(), 0), WorkOrderRow::dispatchId);
        Map<String, IncidentStore.IncidentOrder> held = byIds(page, "INCIDENT", incidents::orders,
                IncidentStore.IncidentOrder::incidentId);
        return page.stream().map(item -> new QueueItem(orders.get(item[1]), held.get(item[1]))).toList();
    }

    private static <T> Map<String, T> byIds(List<String[]> page, String kind, Function<List<String>, List<T>> load,
                                            Function<T, String> id) {
        List<String> ids = page.stream().filter(item -> item[0].equals(kind)).map(item -> item[1]).toList();
        return ids.isEmpty() ? Map.of() : load.apply(ids).stream().collect(Collectors.toMap(id, Function.identity()));
    }

    public long count(Queue queue) {
        List<Object> params = new ArrayList<>();
        return Sql.count(dataSource, "select count(*) from " + items() + " " + where(queue, params), params,
                "work orders");
    }

    /** The queue's items as one relation {@code w}, with the columns the queue filters and sorts on. */
    private String items() {
        return "(select 'ORDER' as kind, dispatch_id as id, department, status, warned_at, breached_at, category, "
                + "region, return_deadline, dispatched_at from work_orders where incident_id is null union all "
                + "select 'INCIDENT', incident_id, department, case status when 'OPEN' then 'OPEN' else 'RETURNED' end, "
                + "null, null, category, region, estimated_repair_at, declared_at from " + incidents.table() + ") w";
    }

    /** The complaints' work orders held by the incident, the first linked first. */
    public List<HeldOrder> heldBy(String incidentId) {
        return Sql.page(dataSource, "select w.dispatch_id, w.complaint_id, w.status, w.dispatched_at, w.returned_at, "
                        + "c.status from work_orders w join cases c on c.complaint_id = w.complaint_id "
                        + "where w.incident_id = ? order by w.dispatched_at, w.dispatch_id", List.of(incidentId),
                Integer.MAX_VALUE, 0, rs -> new HeldOrder(rs.getString(2), rs.getString(1), rs.getString(3),
                        Sql.instant(rs, 4), Sql.instant(rs, 5), rs.getString(6)), "the orders of " + incidentId);
    }

    private static String where(Queue queue, List<Object> params) {
        StringBuilder where = new StringBuilder("where true");
        if (queue.department() != null) {
            where.append(" and w.department = ?");
            params.add(queue.department());
        }
        if (queue.status() != null) {
            where.append(" and w.status = ?");
            params.add(queue.status());
        }
        if (queue.warned() != null) {
            where.append(queue.warned() ? " and w.warned_at is not null" : " and w.warned_at is null");
        }
        if (queue.breached() != null) {
            where.append(queue.breached() ? " and w.breached_at is not null" : " and w.breached_at is null");
        }
        if (queue.category() != null) {
            where.append(" and w.category = ?");
            params.add(queue.category().name());
        }
        if (queue.region() != null) {
            where.append(" and w.region = ?");
            params.add(queue.region());
        }
        return where.toString();
    }

    private List<WorkOrderRow> query(String where, List<Object> params, int limit, long offset) {
        String sql = "select w.dispatch_id, w.complaint_id, w.attempt, w.department, w.rule, w.previous_dispatch_id, "
                + "w.status, w.dispatched_at, w.warn_at, w.return_deadline, w.warned_at, w.breached_at, w.urged_at, "
                + "w.escalation_level, w.escalated_to, w.noticed_at, w.transfers, w.returned_at, w.returned_by, "
                + "w.resolution, w.operator_at_fault, w.fault_of, w.accountable, w.result, w.brief, w.history, "
                + "p.department, p.returned_at, p.resolution, p.fault_of, p.result, w.incident_id, w.dispute "
                + "from work_orders w left join work_orders p on p.dispatch_id = w.previous_dispatch_id " + where;
        return Sql.page(dataSource, sql, params, limit, offset, rs -> {
            String brief = rs.getString(25);
            String previousResult = rs.getString(31);
            PreviousReturn previous = rs.getString(6) == null ? null : new PreviousReturn(rs.getString(6),
                    rs.getString(27), Sql.instant(rs, 28), rs.getString(29), rs.getString(30), json(previousResult));
            return new WorkOrderRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), Sql.instant(rs, 8), Sql.instant(rs, 9),
                    Sql.instant(rs, 10), Sql.instant(rs, 11), Sql.instant(rs, 12), Sql.instant(rs, 13),
                    rs.getInt(14), rs.getString(15), Sql.instant(rs, 16), rs.getInt(17), Sql.instant(rs, 18),
                    rs.getString(19), rs.getString(20), (Boolean) rs.getObject(21), rs.getString(22),
                    rs.getString(23), json(rs.getString(24)),
                    brief == null ? null : EventJson.mapper().readValue(brief, OrderBrief.class),
                    json(rs.getString(26)), previous, rs.getString(32), rs.getString(33) == null ? null
                    : EventJson.mapper().readValue(rs.getString(33), OrderDispute.class));
        }, "work orders");
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return text == null ? null : EventJson.mapper().readTree(text);
    }
}
