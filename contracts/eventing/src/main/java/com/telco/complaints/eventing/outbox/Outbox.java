package com.telco.complaints.eventing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.config.EventingConfig;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The transactional outbox: {@link #append} writes an event in the caller's transaction, so the
 * event exists exactly when the state change that produced it does; the {@link OutboxRelay} sends
 * the rows in order and deletes them once the Kafka transaction that carried them committed.
 */
@ApplicationScoped
public class Outbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    /** What a record costs on the log beyond its key, value and headers (record and batch overhead). */
    private static final int RECORD_OVERHEAD = 128;

    /** One record ready to go to Kafka; {@code topic} null for complaint-events. */
    public record Row(long id, String topic, UUID eventId, String key, Map<String, String> headers, byte[] payload) {}

    /** A row the broker refused for good, kept with the reason. */
    public record FailedRow(long id, String topic, UUID eventId, String key, String eventType, int bytes,
                            Instant createdAt, Instant failedAt, String reason) {}

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Event<OutboxWritten> written;
    @Inject
    EventingConfig config;
    @ConfigProperty(name = "quarkus.application.name")
    String service;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /**
     * Whether this instance holds the relay lock. Its relay wakes in-process after each commit; an
     * instance that does not lead tells the leader with a PostgreSQL notification instead, sent just
     * after its commit ({@link #notifyLeader}), so that the leader need not poll the table.
     */
    private volatile boolean leadingHere;

    /** Appends {@code event}; must run inside the transaction of the state change. */
    public void append(ComplaintEvent event) {
        append(event, EventCodec.standard().toJson(event));
    }

    /**
     * Appends {@code event} whose wire form is {@code json} (written once by a caller that stores it too).
     *
     * @throws EventTooLarge when the record would be larger than the broker accepts
     */
    public void append(ComplaintEvent event, byte[] json) {
        insert(List.of(row(event, json)));
    }

    /** Appends events in order, in one batch of inserts; must run inside the transaction of the state change. */
    public void appendAll(List<? extends ComplaintEvent> events) {
        if (!events.isEmpty()) {
            insert(events.stream().map(e -> row(e, EventCodec.standard().toJson(e))).toList());
        }
    }

    private Row row(ComplaintEvent event, byte[] json) {
        Map<String, String> headers = CloudEvents.headers(event, CloudEvents.sourceOf(service));
        long size = size(event.complaintId(), headers, json);
        if (size > config.outbox().maxRecordBytes()) {
            throw new EventTooLarge(headers.get(CloudEvents.TYPE) + " of " + event.complaintId(), largestField(json),
                    size, config.outbox().maxRecordBytes());
        }
        return new Row(0, null, event.eventId(), event.complaintId(), headers, json);
    }

    /**
     * Appends a record for another topic (a dead letter), in the caller's transaction. A record
     * larger than the broker takes loses its key first, then the end of its value, and says so in
     * the headers {@code dead-letter-key} (the key's first 200 characters and its length) and
     * {@code dead-letter-truncated}.
     */
    public void appendRecord(String topic, String key, Map<String, String> headers, byte[] value) {
        long limit = config.outbox().maxRecordBytes();
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        if (size(key, h, value) > limit && key != null) {
            h.put("dead-letter-key", key.length() <= 200 ? key : key.substring(0, 200) + "… (" + key.length()
                    + " characters)");
            key = null;
        }
        long over = size(key, h, value) - limit;
        if (over > 0 && value != null) {
            h.put("dead-letter-truncated", "the value had " + value.length + " bytes");
            value = java.util.Arrays.copyOf(value, (int) Math.max(0, value.length - over - 64));
        }
        insert(List.of(new Row(0, topic, null, key, h, value)));
    }

    private void insert(List<Row> rows) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "insert into outbox (topic, event_id, message_key, headers, payload) values (?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                s.setString(1, row.topic());
                s.setObject(2, row.eventId());
                s.setString(3, Sql.text(row.key()));
                s.setString(4, EventJson.mapper().writeValueAsString(row.headers()));
                s.setBytes(5, row.payload());
                if (rows.size() == 1) {
                    s.executeUpdate();
                } else {
                    s.addBatch();
                }
            }
            if (rows.size() > 1) {
                s.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("appending to the outbox", e);
        }
        written.fire(new OutboxWritten());
    }

    private static long size(String key, Map<String, String> headers, byte[] value) {
        long size = RECORD_OVERHEAD + (value == null ? 0 : value.length)
                + (key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length);
        for (var h : headers.entrySet()) {
            size += h.getKey().length() + (h.getValue() == null ? 0 : h.getValue().getBytes(StandardCharsets.UTF_8).length)
                    + 8;
        }
        return size;
    }

    /** The JSON path of the string with the most bytes (UTF-8) in {@code json}. */
    static String largestField(byte[] json) {
        try {
            String[] best = {null};
            int[] most = {-1};
            largest(EventJson.mapper().readTree(json), "", best, most);
            return best[0];
        } catch (IOException e) {
            return null;
        }
    }

    private static void largest(JsonNode node, String path, String[] best, int[] most) {
        if (node.isTextual() && node.textValue().getBytes(StandardCharsets.UTF_8).length > most[0]) {
            most[0] = node.textValue().getBytes(StandardCharsets.UTF_8).length;
            best[0] = path;
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                largest(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), best, most);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                largest(node.get(i), path + "[" + i + "]", best, most);
            }
        }
    }

    /** The name of this service's relay lock and of its transactional id and consumer group. */
    public String relayName() {
        return service + "-outbox-relay";
    }

    /**
     * A connection holding this service's relay lock (a session advisory lock), or none while another
     * instance holds it. The holder relays until it {@linkplain #release releases} the connection
     * or its session ends.
     */
    public Optional<Connection> tryLead() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                s.setLong(1, Sql.lockKey(relayName()));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        leadingHere = true;
                        return Optional.of(c);
                    }
                }
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("taking the relay lock", e);
        }
    }

    /**
     * A connection of its own, outside the pool, for a listener that blocks in it: a pooled one
     * handed back while still being read would go to somebody else.
     */
    Connection unpooledConnection() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** Whether this instance holds the relay lock now. */
    public boolean leadingHere() {
        return leadingHere;
    }

    /**
     * Wakes the relay of whichever instance leads: for rows committed by one that does not. Outside
     * any transaction (the rows are committed already); a notification lost with a crash right after
     * the commit leaves the rows to the leader's idle poll.
     */
    public void notifyLeader() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select pg_notify(?, '')")) {
            s.setString(1, wakeUpChannel());
            s.execute();
        } catch (SQLException e) {
            throw new StoreException("waking the leading relay", e);
        }
    }

    /** The notification channel on which instances that do not lead wake the one that does. */
    public String wakeUpChannel() {
        return "outbox_" + service;
    }

    /** Lets go of the relay lock taken by {@link #tryLead}. */
    public void release(Connection lead) {
        leadingHere = false;
        try (PreparedStatement s = lead.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, Sql.lockKey(relayName()));
            s.execute();
        } catch (SQLException e) {
            // A broken session has let go of the lock already.
        } finally {
            closeQuietly(lead);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to free
            }
        }
    }

    /** The oldest rows, in the order they were written. */
    public List<Row> next(int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select id, topic, event_id, message_key, headers, payload from outbox order by id limit ?")) {
            s.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                            EventJson.mapper().readValue(rs.getString(5), HEADERS), rs.getBytes(6)));
                }
            }
            return rows;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("reading the outbox", e);
        }
    }

    /** Deletes the rows with these ids; returns how many there were. */
    public int delete(Collection<Long> ids) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from outbox where id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("deleting relayed outbox rows", e);
        }
    }

    /** Moves a row the broker refused for good to {@code outbox_failed}, with the reason. */
    public void moveToFailed(long id, String reason) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("with moved as (delete from outbox where id = ? returning *) "
                     + "insert into outbox_failed (id, topic, event_id, message_key, headers, payload, created_at, reason) "
                     + "select id, topic, event_id, message_key, headers, payload, created_at, ? from moved")) {
            s.setLong(1, id);
            s.setString(2, Sql.text(reason));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("moving outbox row " + id + " aside", e);
        }
    }

    /** Rows the broker refused, newest first. */
    public List<FailedRow> failed(int limit, int offset) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id, topic, event_id, message_key, headers, "
                     + "coalesce(octet_length(payload), 0), created_at, failed_at, reason from outbox_failed "
                     + "order by failed_at desc, id desc limit ? offset ?")) {
            s.setInt(1, limit);
            s.setInt(2, offset);
            List<FailedRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> headers = EventJson.mapper().readValue(rs.getString(5), HEADERS);
                    rows.add(new FailedRow(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                            headers.get(CloudEvents.TYPE), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                            rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
            return rows;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("reading failed outbox rows", e);
        }
    }

    /**
     * Puts a refused row back at the end of the outbox (after the broker's limit was raised, say);
     * returns false when there is no such row.
     */
    public boolean retryFailed(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("with moved as (delete from outbox_failed where id = ? "
                     + "returning *) insert into outbox (topic, event_id, message_key, headers, payload, created_at) "
                     + "select topic, event_id, message_key, headers, payload, created_at from moved")) {
            s.setLong(1, id);
            boolean moved = s.executeUpdate() > 0;
            if (moved) {
                written.fire(new OutboxWritten());
            }
            return moved;
        } catch (SQLException e) {
            throw new StoreException("putting outbox row " + id + " back", e);
        }
    }

    /** The events still waiting to be relayed to complaint-events, in order. */
    public List<Row> pendingEvents() {
        return next(Integer.MAX_VALUE).stream().filter(r -> r.topic() == null).toList();
    }

    public long pending() {
        return count("select count(*) from outbox");
    }

    public long failedCount() {
        return count("select count(*) from outbox_failed");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("counting the outbox", e);
        }
    }
}
