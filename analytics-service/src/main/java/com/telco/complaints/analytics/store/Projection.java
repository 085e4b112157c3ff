package com.telco.complaints.analytics.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.CanonicalJson;
import com.telco.complaints.analytics.domain.CaseRecord;
import com.telco.complaints.analytics.store.AuditArchive.ArchivedEvent;
import com.telco.complaints.analytics.store.AuditArchive.Head;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import com.telco.complaints.contracts.wire.EventType;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies records of {@code complaint-events} to analytics' tables, in the caller's transaction
 * and in a fixed number of statements per batch whatever its size: skip what was applied already
 * (offsets), archive each event not archived before (event ids) at the end of its case's hash
 * chain, fold it into its case with the contracts' state machine (an event that does not fit is
 * archived with the reason, counted, logged with its offset, and never stops anything), then write
 * the archive rows, chain heads, changed cases and new offsets together.
 */
@ApplicationScoped
@Startup // its counters exist, at zero, from start-up
public class Projection {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    /**
     * One record of the log, as the projection needs it.
     *
     * @param ceType  its ce_type header, null when it has none
     * @param headers all its headers as a JSON object, as archived
     */
    public record LogRecord(int partition, long offset, String ceType, String headers, byte[] value) {}

    /** Which tables a batch goes to. */
    public enum Target { LIVE, SHADOW }

    /**
     * Records read and identified, ready to apply: reading (parsing, decoding, canonical bytes) needs
     * no database, so a replay does it on another thread while the previous batch is written.
     */
    public static final class Batch {
        private final List<Incoming> items;

        private Batch(List<Incoming> items) {
            this.items = items;
        }

        public int size() {
            return items.size();
        }
    }

    /**
     * One record read; {@code eventId} null when it is not archivable (not JSON, no ce_type, no ids),
     * {@code event} null when its data is not an event this code can fold.
     */
    private record Incoming(int partition, long offset, UUID eventId, String complaintId, Instant occurredAt,
                            String ceType, String headers, byte[] data, byte[] canonical, ComplaintEvent event,
                            String undecodable) {
        boolean archivable() {
            return eventId != null;
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LogPosition position;
    @Inject
    AuditArchive archive;
    @Inject
    CaseStore cases;
    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.flyway.default-schema")
    String liveSchema;

    private final EventCodec codec = EventCodec.standard();
    private Counter unreadable;
    private Counter duplicates;
    private Counter archived;

    @PostConstruct
    void meters() {
        unreadable = meters.counter("events.unreadable");
        duplicates = meters.counter("events.duplicates");
        archived = meters.counter("events.archived");
        meters.counter("events.undecodable");
    }

    /** Reads and applies {@code records} (in log order); returns the number of events archived. */
    public int apply(List<LogRecord> records, Target target) {
        return apply(read(records), target);
    }

    /** Reads records (in log order) without touching the database. */
    public Batch read(List<LogRecord> records) {
        List<Incoming> items = new ArrayList<>(records.size());
        for (LogRecord record : records) {
            items.add(read(record));
        }
        return new Batch(items);
    }

    /** Applies a batch read by {@link #read(List)}; returns the number of events archived. */
    public int apply(Batch batch, Target target) {
        if (target == Target.SHADOW) {
            useShadow();
        }
        Set<Integer> partitions = new HashSet<>();
        batch.items.forEach(r -> partitions.add(r.partition()));
        Map<Integer, Long> next = position.lock(partitions);

        Map<Integer, Long> advanced = new HashMap<>();
        List<Incoming> incoming = new ArrayList<>(batch.items.size());
        for (Incoming item : batch.items) {
            Long expected = next.get(item.partition());
            if (expected != null && item.offset() < expected) {
                continue; // applied before this delivery
            }
            advanced.merge(item.partition(), item.offset() + 1, Math::max);
            if (item.archivable()) {
                incoming.add(item);
            }
        }
        Set<UUID> ids = new HashSet<>();
        Set<String> complaintIds = new HashSet<>();
        for (Incoming in : incoming) {
            ids.add(in.eventId());
            complaintIds.add(in.complaintId());
        }
        Set<UUID> known = archive.archived(ids);
        Map<String, Head> heads = archive.heads(complaintIds);
        Map<String, CaseRecord> loaded = cases.load(complaintIds);

        AuditChain.Hasher hasher = new AuditChain.Hasher();
        Map<String, CaseRecord> changed = new LinkedHashMap<>();
        Map<String, Head> moved = new LinkedHashMap<>();
        List<ArchivedEvent> rows = new ArrayList<>(incoming.size());
        for (Incoming in : incoming) {
            if (!known.add(in.eventId())) {
                duplicates.increment();
                LOG.debugf("duplicate event %s at partition %d offset %d skipped", in.eventId(), in.partition(),
                        in.offset());
                continue;
            }
            String rejection = in.undecodable() == null ? null : "UNDECODABLE: " + in.undecodable();
            if (in.event() != null) {
                CaseRecord current = changed.get(in.complaintId());
                if (current == null) {
                    current = loaded.getOrDefault(in.complaintId(), CaseRecord.initial(in.complaintId()));
                }
                CaseRecord.Step step = current.apply(in.event());
                if (step.applied()) {
                    changed.put(in.complaintId(), step.record());
                } else {
                    rejection = step.rejection().toString();
                    meters.counter("events.rejected", "reason", step.rejection().reason().name()).increment();
                    LOG.warnf("not applied: %s %s at partition %d offset %d: %s",
                            EventType.of(in.event()).eventName(), in.eventId(), in.partition(), in.offset(),
                            step.rejection());
                }
            }
            Head head = moved.getOrDefault(in.complaintId(), heads.get(in.complaintId()));
            byte[] previous = head == null ? AuditChain.GENESIS : head.hash();
            int seq = head == null ? 1 : head.length() + 1;
            byte[] hash = hasher.hash(previous, in.canonical());
            moved.put(in.complaintId(), new Head(in.complaintId(), seq, hash));
            rows.add(new ArchivedEvent(in.eventId(), in.complaintId(), seq, in.partition(), in.offset(), in.ceType(),
                    in.occurredAt(), in.headers(), in.data(), previous, hash, rejection));
        }
        archive.append(rows, moved.values());
        cases.save(changed.values());
        position.save(advanced);
        archived.increment(rows.size());
        return rows.size();
    }

    /**
     * Reads a record: its data must be JSON carrying eventId, complaintId and occurredAt, with a
     * ce_type header, to be archived at all; to be folded it must also decode as an event of the
     * catalogue (a newer version this code cannot read is archived and left unfolded).
     */
    private Incoming read(LogRecord record) {
        String ceType = record.ceType();
        try {
            if (ceType == null) {
                throw new IOException("no ce_type header");
            }
            if (record.value() == null) {
                throw new IOException("no data");
            }
            JsonNode data = CanonicalJson.parse(record.value());
            ComplaintEvent event = null;
            String undecodable = null;
            try {
                event = codec.fromJson(ceType, record.value());
            } catch (EventDecodingException e) {
                undecodable = e.getMessage();
            }
            UUID eventId = event != null ? event.eventId() : UUID.fromString(data.path("eventId").asText());
            String complaintId = event != null ? event.complaintId() : data.path("complaintId").textValue();
            Instant occurredAt = event != null ? event.occurredAt() : Instant.parse(data.path("occurredAt").asText());
            if (complaintId == null || complaintId.isEmpty()) {
                throw new IOException("no complaintId");
            }
            if (undecodable != null) {
                meters.counter("events.undecodable").increment();
                LOG.warnf("archived but not folded: record at partition %d offset %d (%s): %s", record.partition(),
                        record.offset(), ceType, undecodable);
            }
            return new Incoming(record.partition(), record.offset(), eventId, complaintId, occurredAt, ceType,
                    record.headers(), record.value(),
                    AuditChain.canonicalBytes(ceType, data), event, undecodable);
        } catch (IOException | RuntimeException e) {
            unreadable.increment();
            LOG.warnf("skipped unreadable record at partition %d offset %d (%s): %s", record.partition(),
                    record.offset(), ceType, e.getMessage());
            return new Incoming(record.partition(), record.offset(), null, null, null, ceType, null, null, null, null,
                    null);
        }
    }

    /** The schema the live tables are in. */
    public String liveSchema() {
        return liveSchema;
    }

    private void useShadow() {
        try (Connection c = dataSource.getConnection()) {
            Shadow.use(c, liveSchema);
        } catch (SQLException e) {
            throw new StoreException("switching to the shadow tables", e);
        }
    }
}
