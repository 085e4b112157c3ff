package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.config.ChainKey;
import com.telco.complaints.analytics.domain.ArchiveDigest;
import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.CanonicalJson;
import com.telco.complaints.analytics.domain.CaseRecord;
import com.telco.complaints.analytics.domain.Escalation;
import com.telco.complaints.analytics.domain.IncidentTally;
import com.telco.complaints.analytics.store.AuditArchive.ArchivedEvent;
import com.telco.complaints.analytics.store.AuditArchive.Head;
import com.telco.complaints.analytics.store.AuditArchive;
import com.telco.complaints.analytics.store.CaseStore;
import com.telco.complaints.analytics.store.DisputeStore;
import com.telco.complaints.analytics.store.EscalationStore;
import com.telco.complaints.analytics.store.IncidentStore;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.eventing.log.NotApplied;
import com.telco.complaints.eventing.log.EventReader;
import com.telco.complaints.eventing.log.LogHandler;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.eventing.log.ParkReason;
import com.telco.complaints.eventing.log.UnusableRecord;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.eventing.store.Schemas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * analytics' handler of {@code complaint-events}, in a fixed number of statements per batch
 * whatever its size: archive each event not archived before (event ids) at the end of its case's
 * hash chain, fold it into its case with the contracts' state machine (an event that does not fit
 * is archived with the reason, counted, logged with its offset, and never stops anything), then
 * write the archive rows, chain heads, changed cases and escalations together: those the batch
 * raised, as their cases stand after it, and those of work orders it ended, resolved; with them the
 * disputes of the changed cases and what the batch's applied events add to the incidents. An event
 * archived before is skipped whole, so a redelivery changes no table. Reading a record (decoding,
 * its headers and canonical bytes) needs no database, so a rebuild does it on another thread while
 * the previous batch is written.
 */
@ApplicationScoped
@Startup // its counters exist, at zero, from start-up
public class Projection implements LogHandler<Projection.Incoming> {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    /** A record read: its event, its headers as archived (a JSON object) and its canonical bytes for the chain. */
    public record Incoming(Delivered delivered, String headers, byte[] canonical) {
        ComplaintEvent event() {
            return delivered.event();
        }

        LogRecord record() {
            return delivered.record();
        }
    }

    @Inject
    AuditArchive archive;
    @Inject
    CaseStore cases;
    @Inject
    EscalationStore escalations;
    @Inject
    IncidentStore incidents;
    @Inject
    DisputeStore disputes;
    @Inject
    AfterCommit afterCommit;
    @Inject
    NotApplied notApplied;
    @Inject
    MeterRegistry meters;
    @Inject
    ChainKey key;
    @Inject
    Schemas schemas;

    private Counter duplicates;
    private Counter archived;

    @PostConstruct
    void init() {
        duplicates = meters.counter("events.duplicates");
        archived = meters.counter("events.archived");
    }

    @Override
    public Incoming read(LogRecord record) {
        Delivered delivered = EventReader.read(record);
        try {
            return new Incoming(delivered, headersJson(record), AuditChain.canonicalBytes(record.ceType(),
                    CanonicalJson.parse(record.value())));
        } catch (IOException e) {
            throw new UnusableRecord(ParkReason.UNREADABLE, "data not canonicalizable: " + e.getMessage());
        }
    }

    @Override
    public void apply(List<Incoming> items, Applying applying) {
        Set<UUID> ids = new HashSet<>();
        Set<String> complaintIds = new HashSet<>();
        for (Incoming in : items) {
            ids.add(in.event().eventId());
            complaintIds.add(in.event().complaintId());
        }
        Set<UUID> known = archive.archived(ids);
        Map<String, Head> heads = archive.heads(complaintIds);
        Map<String, CaseRecord> loaded = cases.load(complaintIds);
        ArchiveDigest digest = new ArchiveDigest(key.bytes());
        Map<Integer, AuditArchive.Digest> digests = lockDigests(digest, items);
        Map<Integer, Long> ordinals = new HashMap<>();
        digests.forEach((partition, d) -> ordinals.put(partition, d.events()));

        AuditChain.Hasher keyed = AuditChain.Hasher.keyed(key.bytes());
        AuditChain.Hasher unkeyed = null;
        Map<String, CaseRecord> changed = new LinkedHashMap<>();
        Map<String, Head> moved = new LinkedHashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        List<ArchivedEvent> rows = new ArrayList<>(items.size());
        List<Escalation> raised = new ArrayList<>();
        IncidentTally tally = new IncidentTally();
        for (Incoming in : items) {
            ComplaintEvent event = in.event();
            String complaintId = event.complaintId();
            if (!known.add(event.eventId())) {
                duplicates.increment();
                LOG.debugf("duplicate event %s at %s skipped", event.eventId(), in.delivered().where());
                continue;
            }
            String rejection = null;
            CaseRecord current = changed.get(complaintId);
            if (current == null) {
                current = loaded.getOrDefault(complaintId, CaseRecord.initial(complaintId));
            }
            CaseRecord.Step step = current.apply(event);
            if (step.applied()) {
                changed.put(complaintId, step.record());
                Escalation.raisedBy(event).ifPresent(raised::add);
                tally.count(event, step.record().state());
            } else {
                rejection = step.rejection().toString();
                notApplied.record(in.delivered(), step.rejection());
            }
            Head head = moved.getOrDefault(complaintId, heads.get(complaintId));
            byte[] previous = head == null ? AuditChain.GENESIS : head.hash();
            int seq = head == null ? 1 : head.length() + 1;
            // A case archived before the chain was keyed goes on as it began, until a rebuild keys it.
            boolean keyedChain = head == null || head.keyed();
            if (!keyedChain && unkeyed == null) {
                unkeyed = AuditChain.Hasher.unkeyed();
            }
            byte[] hash = (keyedChain ? keyed : unkeyed).hash(previous, in.canonical());
            moved.put(complaintId, new Head(complaintId, seq, hash, keyedChain));
            LogRecord record = in.record();
            partitionOf.put(complaintId, record.partition());
            long ordinal = ordinals.merge(record.partition(), 1L, Long::sum);
            rows.add(new ArchivedEvent(event.eventId(), complaintId, seq, record.partition(), record.offset(),
                    record.ceType(), event.occurredAt(), in.headers(), record.value(), previous, hash, rejection,
                    ordinal));
        }
        archive.append(rows, moved.values(), partitionOf);
        moveDigests(digest, digests, ordinals, heads, moved, partitionOf);
        cases.save(changed.values());
        disputes.save(changed.values());
        incidents.save(tally);
        escalations.save(raised.stream().map(e -> e.in(changed.get(e.complaintId()).state())).toList());
        List<Escalation.Resolution> resolved = new ArrayList<>();
        changed.forEach((complaintId, now) -> resolved.addAll(Escalation.resolved(
                loaded.getOrDefault(complaintId, CaseRecord.initial(complaintId)).state(), now.state())));
        escalations.resolve(resolved);
        int count = rows.size();
        afterCommit.run(() -> archived.increment(count));
    }

    /**
     * The digests of the batch's partitions, locked until the transaction ends, before any event is
     * archived: each event's ordinal follows its partition's count of events, so no other writer may
     * move it meanwhile. A partition without a digest yet starts from the heads it has (an archive of
     * an older version is taken as it stands; a new one has none).
     */
    private Map<Integer, AuditArchive.Digest> lockDigests(ArchiveDigest digest, List<Incoming> items) {
        Set<Integer> partitions = new TreeSet<>();
        items.forEach(in -> partitions.add(in.record().partition()));
        Map<Integer, AuditArchive.Digest> digests = new HashMap<>(archive.lockDigests(partitions));
        for (int partition : partitions) {
            digests.computeIfAbsent(partition, p -> initial(digest, p));
        }
        return digests;
    }

    private AuditArchive.Digest initial(ArchiveDigest digest, int partition) {
        byte[] sum = ArchiveDigest.EMPTY;
        long count = 0;
        long events = 0;
        for (Head head : archive.headsOf(partition)) {
            sum = ArchiveDigest.plus(sum, digest.contribution(head.complaintId(), head.length(), head.hash()));
            count++;
            events += head.length();
        }
        return new AuditArchive.Digest(partition, count, events, sum);
    }

    /**
     * Moves the digests of the partitions whose cases moved: each case's contribution over its old
     * head out, over its new one in, and the partition's count of events to the last ordinal given.
     */
    private void moveDigests(ArchiveDigest digest, Map<Integer, AuditArchive.Digest> digests,
                             Map<Integer, Long> ordinals, Map<String, Head> before, Map<String, Head> moved,
                             Map<String, Integer> partitionOf) {
        if (moved.isEmpty()) {
            return;
        }
        Map<Integer, long[]> cases = new HashMap<>();
        Map<Integer, byte[]> sums = new HashMap<>();
        for (int partition : new TreeSet<>(partitionOf.values())) {
            AuditArchive.Digest d = digests.get(partition);
            cases.put(partition, new long[] {d.cases()});
            sums.put(partition, d.digest());
        }
        for (Head head : moved.values()) {
            int partition = partitionOf.get(head.complaintId());
            byte[] sum = sums.get(partition);
            Head old = before.get(head.complaintId());
            if (old != null) {
                sum = ArchiveDigest.minus(sum, digest.contribution(old.complaintId(), old.length(), old.hash()));
            } else {
                cases.get(partition)[0]++;
            }
            sums.put(partition, ArchiveDigest.plus(sum, digest.contribution(head.complaintId(), head.length(),
                    head.hash())));
        }
        List<AuditArchive.Digest> saved = new ArrayList<>();
        sums.forEach((partition, sum) -> saved.add(new AuditArchive.Digest(partition, cases.get(partition)[0],
                ordinals.get(partition), sum)));
        archive.saveDigests(saved);
    }

    /**
     * Before a rebuild is swapped in: the cases whose archive it would change (deleted whole, or a
     * chain rewritten, behind the service's back, since the log says otherwise), reported rather than
     * replaced silently. A case archived before the chain was keyed is compared by length only.
     */
    @Override
    public List<String> compareBeforeSwap() {
        AuditArchive.Differences differences = archive.differencesWith(schemas.live(), schemas.shadow(), 20);
        if (differences.count() == 0) {
            return List.of();
        }
        return List.of(differences.count() + " archived cases differ from what the log rebuilds (the rebuilt ones "
                + "replace them; check them against the log): " + String.join(", ", differences.named())
                + (differences.count() > differences.named().size() ? ", …" : ""));
    }

    /** The record's headers as one JSON object, in record order, as archived. */
    private static String headersJson(LogRecord record) {
        StringBuilder headers = new StringBuilder(320).append('{');
        for (LogRecord.HeaderValue h : record.headers()) {
            if (headers.length() > 1) {
                headers.append(',');
            }
            CanonicalJson.appendString(h.name(), headers);
            headers.append(':');
            if (h.value() == null) {
                headers.append("null");
            } else {
                CanonicalJson.appendString(h.value(), headers);
            }
        }
        return headers.append('}').toString();
    }
}
