package com.telco.complaints.analytics.store;

import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The audit archive: every event of the log once, per case in log order, hash-chained. */
@ApplicationScoped
public class AuditArchive {

    /**
     * One archived event.
     *
     * @param seq       its place in the case's chain, from 1
     * @param eventType the CloudEvents ce_type it travelled with
     * @param headers   the record's headers as a JSON object
     * @param data      the record value, as it was on the log (UTF-8 JSON)
     * @param rejection why the case fold did not apply it; null when applied
     * @param ordinal   its place among the events archived from its partition, from 1 (what a checkpoint counts)
     */
    public record ArchivedEvent(UUID eventId, String complaintId, int seq, int partition, long offset,
                                String eventType, Instant occurredAt, String headers, byte[] data,
                                byte[] previousHash, byte[] hash, String rejection, long ordinal) {}

    /**
     * The end of a case's chain: how many events it has, the last hash, and whether its chain is
     * keyed (false for a case archived before the chain was keyed, until a rebuild).
     */
    public record Head(String complaintId, int length, byte[] hash, boolean keyed) {}

    /** A partition's digest of its cases ({@code ArchiveDigest}), how many cases there are, and how many events. */
    public record Digest(int partition, long cases, long events, byte[] digest) {}

    private static final String COLUMNS = "event_id, complaint_id, seq, partition, log_offset, event_type, "
            + "occurred_at, headers, data, previous_hash, hash, rejection, ordinal";

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    /** The archived event in the {@link #COLUMNS} starting at column {@code first}. */
    private static ArchivedEvent event(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new ArchivedEvent(rs.getObject(i, UUID.class), rs.getString(i + 1), rs.getInt(i + 2), rs.getInt(i + 3),
                rs.getLong(i + 4), rs.getString(i + 5), rs.getObject(i + 6, OffsetDateTime.class).toInstant(),
                rs.getString(i + 7), rs.getString(i + 8).getBytes(StandardCharsets.UTF_8), rs.getBytes(i + 9),
                rs.getBytes(i + 10), rs.getString(i + 11), rs.getLong(i + 12));
    }

    @Inject
    AgroalDataSource dataSource;

    /** Those of {@code eventIds} already archived. */
    public Set<UUID> archived(Collection<UUID> eventIds) {
        Set<UUID> known = new HashSet<>();
        if (eventIds.isEmpty()) {
            return known;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select event_id from audit_events where event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getObject(1, UUID.class));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new StoreException("finding archived events", e);
        }
    }

    public Map<String, Head> heads(Collection<String> complaintIds) {
        Map<String, Head> heads = new HashMap<>();
        if (complaintIds.isEmpty()) {
            return heads;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select complaint_id, length, head, keyed from audit_heads where complaint_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", complaintIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getString(1), new Head(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getBoolean(4)));
                }
            }
            return heads;
        } catch (SQLException e) {
            throw new StoreException("reading chain heads", e);
        }
    }

    public Optional<Head> head(String complaintId) {
        return Optional.ofNullable(heads(List.of(complaintId)).get(complaintId));
    }

    /**
     * Appends events (new to the archive) and moves their cases' heads, in the caller's transaction;
     * {@code partitionOf} names each case's partition.
     */
    public void append(List<ArchivedEvent> events, Collection<Head> heads, Map<String, Integer> partitionOf) {
        if (events.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows(events.size() * 1024);
        for (ArchivedEvent e : events) {
            rows.text(e.eventId().toString()).text(e.complaintId()).number(e.seq()).number(e.partition())
                    .number(e.offset()).text(e.eventType()).instant(e.occurredAt()).text(e.headers()).utf8(e.data())
                    .bytes(e.previousHash()).bytes(e.hash()).text(e.rejection()).number(e.ordinal()).endRow();
        }
        try (Connection c = dataSource.getConnection()) {
            rows.copyInto(c, "audit_events (" + COLUMNS + ")");
            try (PreparedStatement s = c.prepareStatement("insert into audit_heads (complaint_id, length, head, keyed, "
                    + "partition) select id, len, decode(h, 'hex'), k, p from unnest(?::text[], ?::int[], ?::text[], "
                    + "?::boolean[], ?::int[]) as t (id, len, h, k, p) on conflict (complaint_id) do update set "
                    + "length = excluded.length, head = excluded.head, keyed = excluded.keyed, "
                    + "partition = excluded.partition")) {
                List<String> ids = new ArrayList<>(heads.size());
                List<Integer> lengths = new ArrayList<>(heads.size());
                List<String> hashes = new ArrayList<>(heads.size());
                List<Boolean> keyed = new ArrayList<>(heads.size());
                List<Integer> partitions = new ArrayList<>(heads.size());
                for (Head h : heads) {
                    ids.add(h.complaintId());
                    lengths.add(h.length());
                    hashes.add(AuditChain.hex(h.hash()));
                    keyed.add(h.keyed());
                    partitions.add(partitionOf.get(h.complaintId()));
                }
                s.setArray(1, c.createArrayOf("text", ids.toArray()));
                s.setArray(2, c.createArrayOf("integer", lengths.toArray()));
                s.setArray(3, c.createArrayOf("text", hashes.toArray()));
                s.setArray(4, c.createArrayOf("boolean", keyed.toArray()));
                s.setArray(5, c.createArrayOf("integer", partitions.toArray()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("archiving " + events.size() + " events", e);
        }
    }

    /** The digests of these partitions, locked until the transaction ends; absent where none was written yet. */
    public Map<Integer, Digest> lockDigests(Collection<Integer> partitions) {
        Map<Integer, Digest> digests = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select partition, cases, events, digest from audit_digests "
                     + "where partition = any(?) order by partition for update")) {
            s.setArray(1, c.createArrayOf("integer", partitions.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    digests.put(rs.getInt(1), new Digest(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4)));
                }
            }
            return digests;
        } catch (SQLException e) {
            throw new StoreException("locking the archive's digests", e);
        }
    }

    /** Every partition's digest. */
    public List<Digest> digests() {
        List<Digest> digests = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select partition, cases, events, digest from audit_digests order by 1");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                digests.add(new Digest(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4)));
            }
            return digests;
        } catch (SQLException e) {
            throw new StoreException("reading the archive's digests", e);
        }
    }

    public void saveDigests(Collection<Digest> digests) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into audit_digests (partition, cases, events, digest) "
                     + "values (?, ?, ?, ?) on conflict (partition) do update set cases = excluded.cases, "
                     + "events = excluded.events, digest = excluded.digest")) {
            for (Digest d : digests) {
                s.setInt(1, d.partition());
                s.setLong(2, d.cases());
                s.setLong(3, d.events());
                s.setBytes(4, d.digest());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("saving the archive's digests", e);
        }
    }

    /** The heads of the cases of {@code partition} (all partitions when null), ordered by complaint. */
    public List<Head> headsOf(Integer partition) {
        List<Head> heads = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select complaint_id, length, head, keyed from audit_heads "
                     + (partition == null ? "" : "where partition = ? ") + "order by complaint_id")) {
            if (partition != null) {
                s.setInt(1, partition);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    heads.add(new Head(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getBoolean(4)));
                }
            }
            return heads;
        } catch (SQLException e) {
            throw new StoreException("reading the heads of partition " + partition, e);
        }
    }

    /**
     * The cases whose archive the rebuild in {@code shadow} would change: a case one side lacks, or
     * whose chain length or (for a keyed chain) head differs. At most {@code limit} named, and how
     * many there are.
     */
    public Differences differencesWith(String live, String shadow, int limit) {
        String differing = "from " + live + ".audit_heads l full join " + shadow + ".audit_heads s "
                + "on s.complaint_id = l.complaint_id where l.complaint_id is null or s.complaint_id is null "
                + "or l.length <> s.length or (l.keyed and l.head <> s.head)";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long count;
            try (ResultSet rs = st.executeQuery("select count(*) " + differing)) {
                rs.next();
                count = rs.getLong(1);
            }
            List<String> named = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select coalesce(l.complaint_id, s.complaint_id), l.length, s.length "
                    + differing + " order by 1 limit " + limit)) {
                while (rs.next()) {
                    named.add(rs.getString(1) + " (" + (rs.getObject(2) == null ? "absent" : rs.getInt(2) + " events")
                            + " before, " + (rs.getObject(3) == null ? "absent" : rs.getInt(3) + " events") + " rebuilt)");
                }
            }
            return new Differences(count, named);
        } catch (SQLException e) {
            throw new StoreException("comparing the archive with its rebuild", e);
        }
    }

    /** Cases whose archive differs between two copies: how many, and the first few named. */
    public record Differences(long count, List<String> named) {}

    /** Cases with archived events but no head: their head was deleted. */
    public List<String> casesWithoutHead() {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select distinct e.complaint_id from audit_events e "
                     + "where not exists (select 1 from audit_heads h where h.complaint_id = e.complaint_id) "
                     + "order by 1 limit 100");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("looking for events without a head", e);
        }
    }

    /** Heads that no partition's digest covers (archived by a version without a partition). */
    public long headsWithoutPartition() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from audit_heads where partition is null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("counting heads without a partition", e);
        }
    }

    /** A case's archive as one consistent snapshot: its events in log order and its recorded head (null if none). */
    public record Trail(Head head, List<ArchivedEvent> events) {
        /** The case's chain checked against its head: keyed, or plain SHA-256 for a case archived before keys. */
        public AuditChain.Verification verify(AuditChain.Hasher keyed, AuditChain.Hasher unkeyed) {
            return AuditChain.verify(events.stream().map(e -> new AuditChain.Link(e.eventType(),
                            new String(e.data(), StandardCharsets.UTF_8), e.previousHash(), e.hash())).toList(),
                    head == null ? null : head.hash(), head == null || head.keyed() ? keyed : unkeyed);
        }
    }

    /**
     * Reads the head and the events in one statement, so that an event archived meanwhile cannot make
     * them disagree (which would look like tampering).
     */
    public Trail trail(String complaintId) {
        String sql = "with head as (select length, head, keyed from audit_heads where complaint_id = ?) "
                + "select h.length, h.head, h.keyed, " + prefixed("e.") + " from (select 1) as one "
                + "left join head h on true left join audit_events e on e.complaint_id = ? order by e.seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, complaintId);
            s.setString(2, complaintId);
            Head head = null;
            List<ArchivedEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] hash = rs.getBytes(2);
                    if (hash != null) {
                        head = new Head(complaintId, rs.getInt(1), hash, rs.getBoolean(3));
                    }
                    if (rs.getObject(4) != null) {
                        events.add(event(rs, 4));
                    }
                }
            }
            return new Trail(head, events);
        } catch (SQLException e) {
            throw new StoreException("reading the archive of " + complaintId, e);
        }
    }

    /** A case's archived events in log order; those that occurred after {@code until} left out when it is given. */
    public List<ArchivedEvent> events(String complaintId, Instant until) {
        String sql = "select " + COLUMNS + " from audit_events where complaint_id = ?"
                + (until == null ? "" : " and occurred_at <= ?") + " order by seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, complaintId);
            if (until != null) {
                s.setTimestamp(2, Timestamp.from(until));
            }
            List<ArchivedEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(event(rs, 1));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("reading the archive of " + complaintId, e);
        }
    }
}
