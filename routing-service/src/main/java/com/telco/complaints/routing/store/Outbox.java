package com.telco.complaints.routing.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactional outbox: {@link #append} writes an event in the caller's transaction, so the
 * event exists exactly when the state change that produced it does; the relay reads rows in
 * order and deletes them once Kafka acknowledged them.
 */
@ApplicationScoped
public class Outbox {

    static final String SOURCE = CloudEvents.sourceOf("routing-service");
    /** Advisory lock that makes one instance at a time the relay, so events keep their order. */
    private static final long RELAY_LOCK = 0x1a7a_0002L;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    /** One event ready to go to Kafka. */
    public record Row(long id, String key, Map<String, String> headers, byte[] payload) {}

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Event<OutboxWritten> written;

    /** Appends {@code event}; must run inside the transaction of the state change. */
    public void append(ComplaintEvent event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "insert into outbox (event_id, message_key, headers, payload) values (?, ?, ?, ?)")) {
            s.setObject(1, event.eventId());
            s.setString(2, event.complaintId());
            s.setString(3, EventJson.mapper().writeValueAsString(CloudEvents.headers(event, SOURCE)));
            s.setBytes(4, EventCodec.standard().toJson(event));
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("appending " + event.eventId() + " to the outbox", e);
        }
        written.fire(new OutboxWritten());
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
                s.setLong(1, RELAY_LOCK);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
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

    /** Lets go of the relay lock taken by {@link #tryLead}. */
    public void release(Connection lead) {
        try (PreparedStatement s = lead.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, RELAY_LOCK);
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
                     "select id, message_key, headers, payload from outbox order by id limit ?")) {
            s.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2),
                            EventJson.mapper().readValue(rs.getString(3), HEADERS), rs.getBytes(4)));
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

    /** The events still waiting to be relayed, in order: facts already committed but not yet on the log. */
    public List<ComplaintEvent> events() {
        List<ComplaintEvent> events = new ArrayList<>();
        for (Row row : next(Integer.MAX_VALUE)) {
            events.add(EventCodec.standard().fromJson(row.headers().get(CloudEvents.TYPE), row.payload()));
        }
        return events;
    }

    public long pending() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from outbox");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("counting the outbox", e);
        }
    }
}
