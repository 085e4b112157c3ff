package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.eventing.config.EventingConfig;
import com.telco.complaints.eventing.log.LogApplier.Entry;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.eventing.store.Positions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The service's own events coming back from the log. On a live partition each was applied in the
 * transaction that decided it, so it is left out before any transaction is opened: no database work
 * for the largest share of what a deciding service reads. Its position is saved with the next
 * record of its partition that is applied, or after {@code complaints.eventing.consumer.echo-flush}
 * when none comes (one read again after a restart is left out again). A partition replaying from the
 * start, and a rebuild, apply them like any other record.
 */
@ApplicationScoped
public class OwnEchoes {

    private static final Logger LOG = Logger.getLogger(OwnEchoes.class);

    @ConfigProperty(name = "quarkus.application.name")
    String service;
    @Inject
    CatchUp catchUp;
    @Inject
    Positions positions;
    @Inject
    AfterCommit afterCommit;
    @Inject
    EventingConfig config;
    @Inject
    MeterRegistry meters;

    private String ownSource;
    private Counter skipped;
    /** Next offset past the echoes left out, per partition, not saved yet. */
    private final Map<Integer, Long> unsaved = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    @PostConstruct
    void init() {
        ownSource = CloudEvents.sourceOf(service);
        skipped = meters.counter("log.own-echoes.skipped");
    }

    @PreDestroy
    synchronized void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
    }

    /**
     * The records of a batch to apply, and the positions past the echoes left out: those may be saved
     * only once every record before them is applied ({@link #passed}), or a flush could move a
     * partition's position past a record still being applied, which would then be skipped.
     */
    record Sorted(List<Entry> kept, Map<Integer, Long> pastEchoes, int echoes) {}

    /** {@code entries} without the service's own events on live partitions. */
    Sorted leaveOut(List<Entry> entries) {
        List<Entry> kept = null;
        Map<Integer, Long> past = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            LogRecord record = e.record();
            boolean echo = ownSource.equals(record.header(CloudEvents.SOURCE)) && catchUp.deciding(record.partition());
            if (echo) {
                if (kept == null) {
                    kept = new ArrayList<>(entries.subList(0, i));
                    past = new HashMap<>();
                }
                past.merge(record.partition(), record.offset() + 1, Math::max);
            } else if (kept != null) {
                kept.add(e);
            }
        }
        if (kept == null) {
            return new Sorted(entries, Map.of(), 0);
        }
        return new Sorted(kept, past, entries.size() - kept.size());
    }

    /**
     * The batch {@code sorted} came from is applied (every record of it before the echoes is
     * committed): the positions past its echoes may now be saved, with the next applied record or by
     * the flush.
     */
    void passed(Sorted sorted) {
        if (sorted.echoes() == 0) {
            return;
        }
        sorted.pastEchoes().forEach((partition, next) -> unsaved.merge(partition, next, Math::max));
        skipped.increment(sorted.echoes());
        scheduleFlush();
    }

    /**
     * Adds the positions past echoes left out on owned partitions to {@code advanced}, to be saved in
     * the current transaction; they are forgotten once it commits.
     */
    void carry(Map<Integer, Long> advanced) {
        Map<Integer, Long> carried = owned();
        if (carried.isEmpty()) {
            return;
        }
        carried.forEach((partition, next) -> advanced.merge(partition, next, Math::max));
        afterCommit.run(() -> forget(carried));
    }

    /** Saves the positions past echoes that no applied record has carried. */
    void flush() {
        Map<Integer, Long> carried = owned();
        if (carried.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> positions.save(carried));
            forget(carried);
        } catch (RuntimeException e) {
            // Nothing is lost: the echoes are left out again when read again, and the next try saves them.
            LOG.debugf("saving the positions past own events failed: %s", Failures.describe(e));
        }
    }

    /** Forgets saved positions, but not one that moved on since (an echo left out meanwhile). */
    private void forget(Map<Integer, Long> saved) {
        saved.forEach(unsaved::remove);
    }

    /** Unsaved positions of the partitions this instance owns; those of partitions it lost are dropped. */
    private Map<Integer, Long> owned() {
        Map<Integer, Long> owned = new HashMap<>();
        for (Map.Entry<Integer, Long> e : unsaved.entrySet()) {
            if (catchUp.owns(e.getKey()) && catchUp.deciding(e.getKey())) {
                owned.put(e.getKey(), e.getValue());
            } else {
                unsaved.remove(e.getKey(), e.getValue());
            }
        }
        return owned;
    }

    private synchronized void scheduleFlush() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "own-echoes-flush");
                t.setDaemon(true);
                return t;
            });
            long every = config.consumer().echoFlush().toMillis();
            flusher.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
        }
    }
}
