package com.telco.complaints.eventing.log;

import com.telco.complaints.eventing.config.EventingConfig;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.parking.Parking;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.eventing.store.Positions;
import com.telco.complaints.eventing.store.Schemas;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies records of the log to the service's tables through its {@link LogHandler}, exactly once:
 * each run of records in one transaction with the positions it reaches; records applied before are
 * skipped; a record that can never apply is set aside (parked, with the later records of its case
 * behind it, or dead-lettered) and every other record is applied, in order. The live consumer, the
 * rebuild and the re-drive of parked records all apply through here.
 */
@ApplicationScoped
public class LogApplier {

    private static final Logger LOG = Logger.getLogger(LogApplier.class);

    /** A record as read, or why it cannot be. */
    public record Entry(LogRecord record, Object item, UnusableRecord unusable) {}

    @Inject
    Instance<LogHandler<?>> handlers;
    @Inject
    Positions positions;
    @Inject
    Parking parking;
    @Inject
    Outbox outbox;
    @Inject
    CatchUp catchUp;
    @Inject
    Schemas schemas;
    @Inject
    MeterRegistry meters;
    @Inject
    EventingConfig config;
    @Inject
    AfterCommit afterCommit;
    @Inject
    OwnEchoes echoes;

    /** Partitions that may have parked records (of the live tables): only for them are keys looked up. */
    private final Set<Integer> parkedPartitions = ConcurrentHashMap.newKeySet();
    private volatile long refreshedAt;
    private final java.util.concurrent.atomic.AtomicLong shadowParked = new java.util.concurrent.atomic.AtomicLong();
    /** The same for the shadow tables of the rebuild under way. */
    private final Set<Integer> shadowParkedPartitions = ConcurrentHashMap.newKeySet();

    /** Whether this service follows a log at all. */
    public boolean enabled() {
        return handlers.isResolvable();
    }

    @SuppressWarnings("unchecked")
    public LogHandler<Object> handler() {
        return (LogHandler<Object>) handlers.get();
    }

    /** Reads records outside any transaction; a record that cannot be read carries the reason. */
    public List<Entry> read(List<LogRecord> records) {
        LogHandler<Object> handler = handler();
        List<Entry> entries = new ArrayList<>(records.size());
        for (LogRecord record : records) {
            entries.add(read(handler, record));
        }
        return entries;
    }

    static Entry read(LogHandler<Object> handler, LogRecord record) {
        try {
            return new Entry(record, handler.read(record), null);
        } catch (UnusableRecord e) {
            return new Entry(record, null, e);
        } catch (RuntimeException e) {
            return new Entry(record, null, new UnusableRecord(ParkReason.UNREADABLE, Failures.describe(e)));
        }
    }

    /**
     * Applies {@code entries} (in log order), isolating what cannot apply: one transaction for the
     * whole run when all goes well. Transient failures propagate (nothing is lost: what committed is
     * skipped when the run is tried again).
     */
    public void apply(List<Entry> entries, boolean shadow) {
        if (!shadow && System.nanoTime() - refreshedAt > config.consumer().parkedRefresh().toNanos()) {
            refreshParkedPartitions(); // another instance may have parked or re-driven meanwhile
        }
        OwnEchoes.Sorted sorted = null;
        if (!shadow) {
            sorted = echoes.leaveOut(entries);
            entries = sorted.kept();
        }
        if (!entries.isEmpty()) {
            List<Set<Integer>> caughtUp = new ArrayList<>();
            try {
                Isolation.apply(entries,
                        run -> caughtUp.add(QuarkusTransaction.requiringNew().call(() -> applyInTransaction(run, shadow))),
                        (entry, failure) -> caughtUp.add(QuarkusTransaction.requiringNew().call(
                                () -> rejectAlone(entry, failure, shadow))));
            } finally {
                caughtUp.forEach(parts -> parts.forEach(catchUp::caughtUp));
            }
        }
        if (sorted != null) {
            echoes.passed(sorted); // only now: every record before the echoes is committed
        }
    }

    /**
     * Applies {@code entries} in the caller's transaction: positions locked and saved, records applied
     * before skipped, unusable ones and those behind a parked record of their case set aside. Returns
     * the replaying partitions that reached their end (their owed decisions were made here too).
     */
    public Set<Integer> applyInTransaction(List<Entry> entries, boolean shadow) {
        if (shadow) {
            schemas.use(true);
        }
        LogHandler<Object> handler = handler();
        Set<Integer> partitions = new HashSet<>();
        entries.forEach(e -> partitions.add(e.record().partition()));
        Map<Integer, Long> next = positions.lock(partitions);
        List<Entry> fresh = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Long expected = next.get(e.record().partition());
            if (expected == null || e.record().offset() >= expected) {
                fresh.add(e);
            }
        }
        if (fresh.isEmpty()) {
            return Set.of();
        }
        boolean parks = handler.failurePolicy().parks();
        Set<String> blocked = parks ? blockedKeys(fresh, shadow) : new HashSet<>();
        List<Object> items = new ArrayList<>(fresh.size());
        for (Entry e : fresh) {
            String key = e.record().key();
            if (parks && key != null && blocked.contains(key)) {
                setAside(e.record(), new UnusableRecord(ParkReason.BEHIND, "waits behind an earlier parked record of key "
                        + key), shadow);
            } else if (e.unusable() != null) {
                setAside(e.record(), e.unusable(), shadow);
                if (key != null) {
                    blocked.add(key);
                }
            } else {
                items.add(e.item());
            }
        }
        Applying applying = applying(shadow);
        if (!items.isEmpty()) {
            handler.apply(items, applying);
        }
        return advance(fresh, shadow);
    }

    /** Sets aside one record that failed alone, in the caller's transaction, and moves past it. */
    private Set<Integer> rejectAlone(Entry entry, RuntimeException failure, boolean shadow) {
        if (shadow) {
            schemas.use(true);
        }
        LogRecord record = entry.record();
        Long expected = positions.lock(List.of(record.partition())).get(record.partition());
        if (expected != null && record.offset() < expected) {
            return Set.of();
        }
        setAside(record, failure instanceof UnusableRecord unusable ? unusable
                : new UnusableRecord(ParkReason.FAILED, Failures.describe(failure)), shadow);
        LOG.debugf(failure, "the failure that set aside %s", record.where());
        return advance(List.of(entry), shadow);
    }

    private Set<Integer> advance(List<Entry> applied, boolean shadow) {
        Map<Integer, Long> advanced = new HashMap<>();
        for (Entry e : applied) {
            advanced.merge(e.record().partition(), e.record().offset() + 1, Math::max);
        }
        if (!shadow) {
            echoes.carry(advanced);
        }
        positions.save(advanced);
        if (shadow) {
            return Set.of();
        }
        Set<Integer> caughtUp = catchUp.reachedEnd(advanced);
        if (!caughtUp.isEmpty()) {
            int decided = handler().reconcile(caughtUp, live(caughtUp));
            LOG.infof("partitions %s replayed from the start; %d decisions that were owed are made now", caughtUp,
                    decided);
        }
        return caughtUp;
    }

    private Set<String> blockedKeys(List<Entry> fresh, boolean shadow) {
        Map<Integer, Set<String>> keys = new LinkedHashMap<>();
        for (Entry e : fresh) {
            if (e.record().key() != null
                    && (shadow ? shadowParkedPartitions : parkedPartitions).contains(e.record().partition())) {
                keys.computeIfAbsent(e.record().partition(), p -> new HashSet<>()).add(e.record().key());
            }
        }
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        Set<String> all = new HashSet<>();
        keys.values().forEach(all::addAll);
        return parking.blockedKeys(keys.keySet(), all);
    }

    /**
     * Parks or dead-letters a record, in the current transaction; it is counted and logged once that
     * transaction commits (a run that is rolled back and split sets the same record aside again).
     */
    private void setAside(LogRecord record, UnusableRecord why, boolean shadow) {
        ParkReason reason = why.reason();
        String detail = why.getMessage();
        FailurePolicy policy = handler().failurePolicy();
        if (policy.parks()) {
            parking.park(record, reason, detail);
            (shadow ? shadowParkedPartitions : parkedPartitions).add(record.partition());
            afterCommit.run(() -> {
                if (shadow) {
                    shadowParked.incrementAndGet();
                }
                meters.counter("log.parked", "reason", reason.code()).increment();
                if (reason == ParkReason.BEHIND) {
                    LOG.infof("parked %s (%s): %s", record.where(), reason.code(), detail);
                } else {
                    LOG.warnf("parked %s (%s, ce_type %s): %s", record.where(), reason.code(), record.ceType(), detail);
                }
            });
        } else {
            Map<String, String> headers = record.headerMap();
            headers.put("dead-letter-reason", why.code() + ": " + detail);
            headers.put("dead-letter-topic", record.topic());
            headers.put("dead-letter-partition", String.valueOf(record.partition()));
            headers.put("dead-letter-offset", String.valueOf(record.offset()));
            outbox.appendRecord(policy.deadLetterTopic(), record.key(), headers, record.value());
            afterCommit.run(() -> {
                meters.counter("log.dead-lettered", "reason", why.code()).increment();
                LOG.infof("dead-lettered %s to %s (%s): %s", record.where(), policy.deadLetterTopic(), why.code(),
                        detail);
            });
        }
    }

    /** A rebuild starts on empty shadow tables. */
    public void shadowCreated() {
        shadowParkedPartitions.clear();
        shadowParked.set(0);
    }

    /** Records the rebuild under way parked so far. */
    public long shadowParked() {
        return shadowParked.get();
    }

    /** A lane that folded in memory parked records of this partition in the shadow tables. */
    public void shadowParked(int partition, int records) {
        shadowParkedPartitions.add(partition);
        shadowParked.addAndGet(records);
    }

    /** After a rebuild's swap the shadow's parked records are the live ones. */
    public void shadowSwapped() {
        parkedPartitions.addAll(shadowParkedPartitions);
        shadowParkedPartitions.clear();
    }

    /** Re-reads which partitions of the live tables have parked records. */
    public void refreshParkedPartitions() {
        refreshedAt = System.nanoTime();
        Set<Integer> now = parking.partitionsWithParked();
        parkedPartitions.retainAll(now);
        parkedPartitions.addAll(now);
    }

    /** The context of a batch on the live or the shadow tables. */
    public Applying applying(boolean shadow) {
        return shadow ? REBUILDING : LIVE;
    }

    private final Applying LIVE = new Applying() {
        @Override
        public boolean deciding(int partition) {
            return catchUp.deciding(partition);
        }

        @Override
        public boolean rebuilding() {
            return false;
        }
    };

    private static final Applying REBUILDING = new Applying() {
        @Override
        public boolean deciding(int partition) {
            return false;
        }

        @Override
        public boolean rebuilding() {
            return true;
        }
    };

    private static Applying live(Collection<Integer> partitions) {
        return new Applying() {
            @Override
            public boolean deciding(int partition) {
                return partitions == null || partitions.contains(partition);
            }

            @Override
            public boolean rebuilding() {
                return false;
            }
        };
    }

    /** The context of decisions owed on {@code partitions} (all when null), on the live tables. */
    public static Applying deciding(Collection<Integer> partitions) {
        return live(partitions);
    }
}
