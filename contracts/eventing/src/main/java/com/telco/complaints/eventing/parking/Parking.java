package com.telco.complaints.eventing.parking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.eventing.log.ParkReason;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code parked_records} table of the service (or its shadow copy, when a rebuild set the search path). */
@ApplicationScoped
public class Parking {

    private static final String COLUMNS = "id, topic, partition, log_offset, message_key, event_id, event_type, task, "
            + "reason, error, first_failed_at, last_failed_at, attempts, headers, payload";
    private static final TypeReference<List<LogRecord.HeaderValue>> HEADERS = new TypeReference<>() {};

    @Inject
    AgroalDataSource dataSource;

    /** Parks a record, or counts one more failure of a record parked before at the same place. */
    public void park(LogRecord record, ParkReason reason, String error) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement u = c.prepareStatement("update parked_records set reason = ?, error = ?, "
                    + "last_failed_at = now(), attempts = attempts + 1 where task is null and topic = ? and partition = ? "
                    + "and log_offset = ?")) {
                u.setString(1, reason.code());
                u.setString(2, Sql.text(error));
                u.setString(3, record.topic());
                u.setInt(4, record.partition());
                u.setLong(5, record.offset());
                if (u.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into parked_records (topic, partition, log_offset, "
                    + "message_key, event_id, event_type, reason, error, headers, payload) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, record.topic());
                s.setInt(2, record.partition());
                s.setLong(3, record.offset());
                s.setString(4, Sql.text(record.key()));
                s.setString(5, Sql.text(record.header(CloudEvents.ID)));
                s.setString(6, Sql.text(record.ceType()));
                s.setString(7, reason.code());
                s.setString(8, Sql.text(error));
                s.setString(9, EventJson.mapper().writeValueAsString(record.headers()));
                s.setBytes(10, record.value());
                s.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("parking the record at " + record.where(), e);
        }
    }

    /** Parks a task of the service that fails for {@code key} (e.g. raising a case's due warnings). */
    public void parkTask(String task, int partition, String key, String error) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement u = c.prepareStatement("update parked_records set error = ?, last_failed_at = now(), "
                    + "attempts = attempts + 1 where task = ? and message_key = ?")) {
                u.setString(1, Sql.text(error));
                u.setString(2, task);
                u.setString(3, Sql.text(key));
                if (u.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into parked_records (partition, message_key, task, "
                    + "reason, error) values (?, ?, ?, ?, ?)")) {
                s.setInt(1, partition);
                s.setString(2, Sql.text(key));
                s.setString(3, task);
                s.setString(4, ParkReason.FAILED.code());
                s.setString(5, Sql.text(error));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("parking " + task + " of " + key, e);
        }
    }

    /**
     * The SQL condition, to {@code and} to a query of a table aliased {@code k} with {@code partition} and
     * {@code complaint_id} columns, that leaves out every case with anything parked (a record of it, or a task of
     * the service for it): what a watch must leave alone until it is re-driven.
     */
    public static final String NOTHING_PARKED = "not exists (select 1 from parked_records p "
            + "where p.partition = k.partition and p.message_key = k.complaint_id)";

    /** The keys among {@code keys} that have a parked record on these partitions: their later records wait. */
    public Set<String> blockedKeys(Collection<Integer> partitions, Collection<String> keys) {
        Set<String> blocked = new HashSet<>();
        if (keys.isEmpty()) {
            return blocked;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select distinct message_key from parked_records "
                     + "where task is null and partition = any(?) and message_key = any(?)")) {
            s.setArray(1, c.createArrayOf("integer", partitions.toArray()));
            s.setArray(2, c.createArrayOf("text", keys.stream().map(Sql::text).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blocked.add(rs.getString(1));
                }
            }
            return blocked;
        } catch (SQLException e) {
            throw new StoreException("looking up parked keys", e);
        }
    }

    /** The partitions that have parked records. */
    public Set<Integer> partitionsWithParked() {
        Set<Integer> partitions = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select distinct partition from parked_records where task is null");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                partitions.add(rs.getInt(1));
            }
            return partitions;
        } catch (SQLException e) {
            throw new StoreException("looking up parked records", e);
        }
    }

    /** Parked records and tasks, oldest first, optionally of one reason. */
    public List<ParkedRecord> list(String reason, int limit, int offset) {
        return query("select " + COLUMNS + " from parked_records" + (reason == null ? "" : " where reason = ?")
                + " order by id limit ? offset ?", s -> {
            int i = 1;
            if (reason != null) {
                s.setString(i++, reason);
            }
            s.setInt(i++, limit);
            s.setInt(i, offset);
        });
    }

    public long count(String reason) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from parked_records"
                     + (reason == null ? "" : " where reason = ?"))) {
            if (reason != null) {
                s.setString(1, reason);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting parked records", e);
        }
    }

    public Optional<ParkedRecord> find(long id) {
        return query("select " + COLUMNS + " from parked_records where id = ?", s -> s.setLong(1, id)).stream()
                .findFirst();
    }

    /** Locks a parked row until the transaction ends; empty when it is gone (re-driven meanwhile). */
    public Optional<ParkedRecord> lock(long id) {
        return query("select " + COLUMNS + " from parked_records where id = ? for update", s -> s.setLong(1, id))
                .stream().findFirst();
    }

    /**
     * The parked records of {@code parked}'s case on its partition, in log order: the first is the one
     * the others wait behind. A record without key is a sequence of its own.
     */
    public List<ParkedRecord> sequence(ParkedRecord parked) {
        if (parked.isTask() || parked.key() == null) {
            return List.of(parked);
        }
        return query("select " + COLUMNS + " from parked_records where task is null and topic = ? and partition = ? "
                + "and message_key = ? order by log_offset", s -> {
            s.setString(1, parked.topic());
            s.setInt(2, parked.partition());
            s.setString(3, parked.key());
        });
    }

    /** The first record of every parked sequence, optionally only those parked for one of {@code reasons}. */
    public List<ParkedRecord> heads(Collection<String> reasons) {
        return query("select " + COLUMNS + " from parked_records p where task is null and not exists (select 1 from "
                + "parked_records q where q.task is null and q.topic = p.topic and q.partition = p.partition "
                + "and q.message_key = p.message_key and q.log_offset < p.log_offset)"
                + (reasons == null ? "" : " and reason = any(?)") + " order by id", s -> {
            if (reasons != null) {
                s.setArray(1, s.getConnection().createArrayOf("text", reasons.toArray()));
            }
        });
    }

    public void delete(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from parked_records where id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("removing parked record " + id, e);
        }
    }

    /** Records that a re-drive failed again, and why. */
    public void failedAgain(long id, ParkReason reason, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update parked_records set reason = ?, error = ?, "
                     + "last_failed_at = now(), attempts = attempts + 1 where id = ?")) {
            s.setString(1, reason.code());
            s.setString(2, Sql.text(error));
            s.setLong(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating parked record " + id, e);
        }
    }

    /** The keys with a parked task, e.g. the cases the deadline watch leaves alone until re-driven. */
    public Set<String> parkedTaskKeys(String task) {
        Set<String> keys = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select message_key from parked_records where task = ?")) {
            s.setString(1, task);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new StoreException("looking up parked tasks", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<ParkedRecord> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<ParkedRecord> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long offset = rs.getLong(4);
                    if (rs.wasNull()) {
                        offset = null;
                    }
                    String headers = rs.getString(14);
                    rows.add(new ParkedRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), offset, rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11)),
                            instant(rs.getTimestamp(12)), rs.getInt(13),
                            headers == null ? List.of() : EventJson.mapper().readValue(headers, HEADERS),
                            rs.getBytes(15)));
                }
            }
            return rows;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("reading parked records", e);
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
