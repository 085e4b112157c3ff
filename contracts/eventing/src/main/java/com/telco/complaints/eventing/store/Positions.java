package com.telco.complaints.eventing.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How far the log has been applied, per partition ({@code consumer_offsets}), committed in the same
 * transaction as what it produced: a record is applied once, however often it is delivered.
 */
@ApplicationScoped
public class Positions {

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
        Map<Integer, Long> next = new HashMap<>();
        if (partitions.isEmpty()) {
            return next;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select partition, next_offset from consumer_offsets where partition = any(?) order by partition"
                             + lock)) {
            s.setArray(1, c.createArrayOf("integer", partitions.toArray()));
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

    /** Moves positions forward (never back: a late save of an older position changes nothing). */
    public void save(Map<Integer, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into consumer_offsets (partition, next_offset) "
                     + "values (?, ?) on conflict (partition) do update "
                     + "set next_offset = greatest(consumer_offsets.next_offset, excluded.next_offset)")) {
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
}
