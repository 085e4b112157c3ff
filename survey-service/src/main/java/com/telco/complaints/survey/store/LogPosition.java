package com.telco.complaints.survey.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How far the log has been applied (per partition) and which events were applied, both committed
 * in the same transaction as the state they produced: a record is applied once, however often it
 * is delivered, and an event published twice is applied once.
 */
@ApplicationScoped
public class LogPosition {

    @Inject
    AgroalDataSource dataSource;

    /** The next offset to apply per partition, locked until the transaction ends; absent when never applied. */
    public Map<Integer, Long> lock(Collection<Integer> partitions) {
        return read(partitions, " for update");
    }

    public Map<Integer, Long> read(Collection<Integer> partitions) {
        return read(partitions, "");
    }

    private Map<Integer, Long> read(Collection<Integer> partitions, String lock) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select partition, next_offset from consumer_offsets where partition = any(?) order by partition"
                             + lock)) {
            s.setArray(1, c.createArrayOf("integer", partitions.toArray()));
            Map<Integer, Long> next = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    next.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return next;
        } catch (SQLException e) {
            throw new StoreException("reading consumer offsets", e);
        }
    }

    public void save(Map<Integer, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into consumer_offsets (partition, next_offset) "
                     + "values (?, ?) on conflict (partition) do update set next_offset = excluded.next_offset")) {
            for (var e : nextOffsets.entrySet()) {
                s.setInt(1, e.getKey());
                s.setLong(2, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("saving consumer offsets", e);
        }
    }

    /** Records events as applied; returns those that were not applied before. */
    public Set<UUID> markProcessed(Collection<UUID> eventIds) {
        Set<UUID> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into processed_events (event_id) "
                     + "select unnest(?::uuid[]) on conflict do nothing returning event_id")) {
            s.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new StoreException("recording processed events", e);
        }
    }
}
