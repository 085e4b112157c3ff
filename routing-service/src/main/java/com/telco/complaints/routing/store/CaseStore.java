package com.telco.complaints.routing.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.parking.Parking;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.RoutingDecisions.Owed;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each case's folded state, with the partition it lives on, the decision routing owes it now, and when its open
 * work order's next escalation falls due.
 */
@ApplicationScoped
public class CaseStore {

    public record StoredCase(CaseState state, int partition) {}

    @Inject
    AgroalDataSource dataSource;

    /** Loads the cases and locks them until the transaction ends (returns and the consumer serialize here). */
    public Map<String, StoredCase> lock(Collection<String> complaintIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select complaint_id, partition, state from cases "
                     + "where complaint_id = any(?) order by complaint_id for update")) {
            s.setArray(1, c.createArrayOf("text", complaintIds.toArray()));
            Map<String, StoredCase> cases = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.put(rs.getString(1), new StoredCase(
                            EventJson.mapper().readValue(rs.getString(3), CaseState.class), rs.getInt(2)));
                }
            }
            return cases;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("loading cases", e);
        }
    }

    /** Writes {@code cases} with what each owes ({@code owed}): a decision now, or an escalation later. */
    public void save(Collection<StoredCase> cases, Function<CaseState, Owed> owed) {
        if (cases.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into cases (complaint_id, partition, pending, state, "
                     + "triage_since, escalation_due, region, category, registered_at, status) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     + "on conflict (complaint_id) do update set pending = excluded.pending, state = excluded.state, "
                     + "triage_since = excluded.triage_since, escalation_due = excluded.escalation_due, "
                     + "region = excluded.region, category = excluded.category, "
                     + "registered_at = excluded.registered_at, status = excluded.status")) {
            for (StoredCase stored : cases) {
                CaseState state = stored.state();
                Owed owes = owed.apply(state);
                s.setString(1, state.complaintId());
                s.setInt(2, stored.partition());
                s.setString(3, Sql.name(owes.pending()));
                s.setString(4, EventJson.mapper().writeValueAsString(state));
                s.setTimestamp(5, state.status() == CaseStatus.TRIAGE && state.triage() != null
                        ? Timestamp.from(state.triage().occurredAt()) : null);
                s.setTimestamp(6, Sql.timestamp(owes.escalationDue()));
                ComplaintRegistered registration = state.registration();
                s.setString(7, registration == null ? null : registration.region());
                s.setString(8, registration == null ? null : Sql.name(registration.category()));
                s.setTimestamp(9, registration == null ? null : Timestamp.from(registration.occurredAt()));
                s.setString(10, Sql.name(state.status()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("saving cases", e);
        }
    }

    /** A page of the triage queue, oldest first: the cases waiting for an operator to dispatch them. */
    public List<CaseState> triage(int limit, long offset) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select state from cases where triage_since is not null "
                     + "order by triage_since, complaint_id limit ? offset ?")) {
            s.setInt(1, limit);
            s.setLong(2, offset);
            List<CaseState> waiting = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    waiting.add(EventJson.mapper().readValue(rs.getString(1), CaseState.class));
                }
            }
            return waiting;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("listing the triage queue", e);
        }
    }

    public long triageCount() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from cases where triage_since is not null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("counting the triage queue", e);
        }
    }

    /** The statuses of a case that may join an incident ({@code Incidents.linkable} says which of them do). */
    private static final String JOINABLE = "status in ('REGISTERED', 'TRIAGE', 'DISPATCHED')";

    /**
     * The complaints an incident may gather among those routing knows: listed by number, or of its region (any case)
     * and category registered in its window; only those whose status lets them join (not returned, not closed), so
     * that a declaration locks no more cases than it may link. Which of them do join is the domain's to say, under
     * their locks. (The window's query is the index {@code cases_joinable_by_category_region_registered}, V8.)
     */
    public List<String> candidates(Incident incident) {
        Incident.Match match = incident.match();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(match.isListed()
                     ? "select complaint_id from cases where complaint_id = any(?) and " + JOINABLE
                     + " order by complaint_id"
                     : "select complaint_id from cases where category = ? and upper(region) = upper(?) "
                     + "and registered_at >= ? and (?::timestamptz is null or registered_at < ?) and " + JOINABLE
                     + " order by registered_at, complaint_id")) {
            if (match.isListed()) {
                s.setArray(1, c.createArrayOf("text", match.complaintIds().toArray()));
            } else {
                s.setString(1, incident.category().name());
                s.setString(2, incident.region());
                s.setTimestamp(3, Timestamp.from(match.from()));
                s.setTimestamp(4, Sql.timestamp(match.to()));
                s.setTimestamp(5, Sql.timestamp(match.to()));
            }
            return Sql.strings(s);
        } catch (SQLException e) {
            throw new StoreException("finding the complaints incident " + incident.incidentId() + " may gather", e);
        }
    }

    /** A case owed a decision. */
    public record Due(String complaintId, int partition) {}

    /**
     * Up to {@code limit} cases on {@code partitions} owed a decision at {@code now}: an escalation level fallen due,
     * or anything a decision taken over REST left owed (a transfer to a department whose next level is due already),
     * the most overdue first; a case with anything parked (a record of it, or its escalation) is left alone.
     */
    public List<Due> owedNow(Collection<Integer> partitions, Instant now, int limit) {
        String notParked = " and " + Parking.NOTHING_PARKED;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select complaint_id, partition from ("
                     + "select complaint_id, partition, escalation_due as due from cases k where escalation_due <= ? "
                     + "and partition = any(?)" + notParked + " union select complaint_id, partition, "
                     + "'-infinity'::timestamptz from cases k where pending is not null and partition = any(?)" + notParked
                     + ") owed order by due, complaint_id limit ?")) {
            java.sql.Array parts = c.createArrayOf("integer", partitions.toArray());
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, parts);
            s.setArray(3, parts);
            s.setInt(4, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getString(1), rs.getInt(2)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new StoreException("finding cases owed a decision", e);
        }
    }

    /** Cases owed a decision on the given partitions (all partitions when null). */
    public List<String> pending(Collection<Integer> partitions) {
        String sql = "select complaint_id from cases where pending is not null"
                + (partitions == null ? "" : " and partition = any(?)") + " order by complaint_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (partitions != null) {
                s.setArray(1, c.createArrayOf("integer", partitions.toArray()));
            }
            return Sql.strings(s);
        } catch (SQLException e) {
            throw new StoreException("finding pending cases", e);
        }
    }
}
