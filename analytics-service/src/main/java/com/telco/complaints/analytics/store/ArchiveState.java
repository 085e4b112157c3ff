package com.telco.complaints.analytics.store;

import com.telco.complaints.analytics.domain.ArchiveDigest;
import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.AuditCheckpoint;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The archive as a checkpoint states it, and as a checkpoint or the log checks it: the partitions'
 * digests with the positions they were applied up to, read in one snapshot; a partition's digest
 * recomputed from the events it held when a checkpoint was taken; the archived copies of records of
 * the log. Reads only, each on a connection of its own (never in the caller's transaction), so the
 * live tables are read even while a rebuild writes its shadow copies.
 */
@ApplicationScoped
public class ArchiveState {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Every partition's digest, counts and applied position, as of one moment: one repeatable-read,
     * read-only transaction, so that a batch committed meanwhile is wholly in or wholly out (the
     * projection moves the digests and the positions in the transaction that archives). A partition
     * applied but with no event archived yet has the empty digest.
     */
    public List<AuditCheckpoint.Partition> snapshot() {
        try (Connection c = dataSource.getConnection()) {
            return inSnapshot(c, () -> {
                Map<Integer, AuditCheckpoint.Partition> partitions = new TreeMap<>();
                try (PreparedStatement s = c.prepareStatement("select o.partition, o.next_offset, d.cases, d.events, "
                        + "d.digest from consumer_offsets o left join audit_digests d on d.partition = o.partition "
                        + "union all select d.partition, null, d.cases, d.events, d.digest from audit_digests d "
                        + "where not exists (select 1 from consumer_offsets o where o.partition = d.partition)");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byte[] digest = rs.getBytes(5);
                        partitions.put(rs.getInt(1), new AuditCheckpoint.Partition(rs.getInt(1), rs.getLong(2),
                                rs.getLong(3), rs.getLong(4), AuditChain.hex(digest == null ? ArchiveDigest.EMPTY
                                        : digest)));
                    }
                }
                return new ArrayList<>(partitions.values());
            });
        } catch (SQLException e) {
            throw new StoreException("reading the archive's digests and positions", e);
        }
    }

    /** What a partition's events up to an ordinal add up to. */
    public record Recomputed(long cases, long events, byte[] digest) {}

    /**
     * The digest, cases and events of {@code partition} from the events archived there up to ordinal
     * {@code events} (those a checkpoint counting {@code events} saw): each case's head as of its last
     * such event (that event's stored hash) and its length the number of such events. Streamed, so a
     * large partition is never held in memory.
     */
    public Recomputed recompute(int partition, long events, ArchiveDigest digest) {
        String sql = "select complaint_id, count(*), (array_agg(hash order by ordinal desc))[1] from audit_events "
                + "where partition = ? and ordinal <= ? group by complaint_id";
        try (Connection c = dataSource.getConnection()) {
            return inSnapshot(c, () -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setFetchSize(1000);
                    s.setInt(1, partition);
                    s.setLong(2, events);
                    byte[] sum = ArchiveDigest.EMPTY;
                    long cases = 0;
                    long found = 0;
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            int length = rs.getInt(2);
                            sum = ArchiveDigest.plus(sum, digest.contribution(rs.getString(1), length, rs.getBytes(3)));
                            cases++;
                            found += length;
                        }
                    }
                    return new Recomputed(cases, found, sum);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("recomputing the digest of partition " + partition, e);
        }
    }

    /** The applied position of every partition: how far the archive has read the log. */
    public Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select partition, next_offset from consumer_offsets");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                positions.put(rs.getInt(1), rs.getLong(2));
            }
            return positions;
        } catch (SQLException e) {
            throw new StoreException("reading the applied positions", e);
        }
    }

    /** An event as archived: what the log's record of it must match. */
    public record Copy(String complaintId, String eventType, byte[] data) {}

    /** The archived copies of {@code eventIds}, by event id. */
    public Map<UUID, Copy> copies(Collection<UUID> eventIds) {
        Map<UUID, Copy> copies = new HashMap<>();
        if (eventIds.isEmpty()) {
            return copies;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select event_id, complaint_id, event_type, data from audit_events "
                     + "where event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    copies.put(rs.getObject(1, UUID.class), new Copy(rs.getString(2), rs.getString(3),
                            rs.getString(4).getBytes(StandardCharsets.UTF_8)));
                }
            }
            return copies;
        } catch (SQLException e) {
            throw new StoreException("reading archived events", e);
        }
    }

    /**
     * The offsets of {@code partition}, among {@code offsets}, that were set aside (parked, or waiting
     * behind a parked record of their case) instead of archived: the archive rightly lacks them.
     */
    public Set<Long> setAside(String topic, int partition, Collection<Long> offsets) {
        Set<Long> parked = new HashSet<>();
        if (offsets.isEmpty()) {
            return parked;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select log_offset from parked_records where task is null "
                     + "and topic = ? and partition = ? and log_offset = any(?)")) {
            s.setString(1, topic);
            s.setInt(2, partition);
            s.setArray(3, c.createArrayOf("bigint", offsets.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    parked.add(rs.getLong(1));
                }
            }
            return parked;
        } catch (SQLException e) {
            throw new StoreException("reading parked records", e);
        }
    }

    private interface Read<T> {
        T run() throws SQLException;
    }

    /** Runs {@code read} in a repeatable-read, read-only transaction of {@code c}'s own. */
    private static <T> T inSnapshot(Connection c, Read<T> read) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            T result = read.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setReadOnly(false);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }
}
