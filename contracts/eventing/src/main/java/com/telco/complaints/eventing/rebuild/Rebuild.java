package com.telco.complaints.eventing.rebuild;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.eventing.config.EventingConfig;
import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.eventing.log.LogHandler;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.store.Schemas;
import com.telco.complaints.eventing.store.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the service's tables from offset 0 while the live tables serve: replays the whole log
 * into shadow tables, in lanes that each own a share of the partitions (a case lives on one
 * partition, so lanes never write the same rows), each with a reader thread that reads the next
 * batch while the lane writes the one before; builds the shadow's indexes in bulk; catches up
 * with what arrived meanwhile; then, holding the locks that stop every writer of the live tables,
 * applies the last records and the service's events still in its outbox, moves the shadow tables
 * into place and decides what the rebuilt state says is owed. One rebuild at a time per service
 * (an advisory lock named after it); a rebuild that would exhaust the heap, fails or is cancelled
 * leaves the live tables as they were.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final int SWAP_ATTEMPTS = 3;
    private static final int TRANSIENT_TRIES = 10;

    /** Another instance of the service is rebuilding. */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    LogApplier applier;
    @Inject
    Lanes lanes;
    @Inject
    ShadowTables shadow;
    @Inject
    Schemas schemas;
    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventingConfig config;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile RebuildProgress progress = RebuildProgress.idle();
    private volatile boolean cancelled;
    /** What the service found comparing the rebuilt tables with the live ones at the swap. */
    private volatile List<String> findings = List.of();
    private Thread worker;
    private Connection lock;

    public RebuildProgress progress() {
        return progress;
    }

    /**
     * Starts a rebuild unless one is running; returns the progress.
     *
     * @throws AlreadyRunning when another instance of the service is rebuilding
     */
    public synchronized RebuildProgress start() {
        if (worker != null && worker.isAlive()) {
            return progress;
        }
        lock = tryLock();
        cancelled = false;
        // Wall-clock times: they describe this process, not the complaints.
        findings = List.of();
        progress = new RebuildProgress("RUNNING", 0, 0, 0, 0, Instant.now(), null, null, null, null, null, null, 0,
                null, findings);
        worker = new Thread(this::run, service + "-rebuild");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    /** Abandons a running rebuild; the live tables stay as they are. */
    public RebuildProgress cancel() {
        Thread running;
        synchronized (this) {
            cancelled = true;
            running = worker;
        }
        if (running != null) {
            try {
                running.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return progress;
    }

    private void run() {
        Instant started = progress.startedAt();
        Clock t = new Clock();
        List<Lane> lanes = new ArrayList<>();
        AtomicLong read = new AtomicLong();
        Timings timings = new Timings();
        try {
            LogHandler<Object> handler = applier.handler();
            retrying(() -> QuarkusTransaction.requiringNew().timeout(600).run(shadow::create));
            applier.shadowCreated();
            List<Integer> partitions = this.lanes.partitions();
            int laneCount = Math.max(1, Math.min(config.rebuild().lanes(), partitions.size()));
            for (int i = 0; i < laneCount; i++) {
                List<Integer> share = new ArrayList<>();
                for (int p = i; p < partitions.size(); p += laneCount) {
                    share.add(partitions.get(p));
                }
                lanes.add(new Lane(i, share, handler.rebuildLane()));
            }
            long total = lanes.stream().mapToLong(Lane::records).sum();
            HeapGuard heap = new HeapGuard(config.rebuild().heapLimit());

            // 1. Replay into the shadow tables (or into memory), lanes in parallel.
            parallel(lanes, lane -> lane.replay(entries -> {
                long sofar = read.addAndGet(entries.size());
                if (heap.exhausted()) {
                    throw new IllegalStateException("the rebuild needs more heap than this instance has ("
                            + HeapGuard.maxMegabytes() + " MB): stopped after " + sofar + " of " + total
                            + " events; the live tables are unchanged. Run it on an instance with a larger -Xmx.");
                }
                report("RUNNING", sofar, total, t, started, lanes, timings);
            }));
            timings.read = t.lap();
            if (cancelled()) {
                return;
            }
            // 2. Lanes that folded in memory write their result.
            if (lanes.stream().anyMatch(Lane::inMemory)) {
                report("WRITING", read.get(), total, t, started, lanes, timings);
                for (Lane lane : lanes) {
                    lane.write();
                }
                timings.write = t.lap();
            }
            // 3. Indexes in bulk.
            report("INDEXING", read.get(), total, t, started, lanes, timings);
            retrying(() -> QuarkusTransaction.requiringNew().timeout(3600).run(shadow::index));
            timings.index = t.lap();
            if (cancelled()) {
                return;
            }
            // 4. What arrived meanwhile, without holding anything up.
            report("CATCHING_UP", read.get(), total, t, started, lanes, timings);
            for (Lane lane : lanes) {
                read.addAndGet(lane.catchUp());
            }
            // 5. The swap, holding every writer of the live tables.
            report("SWAPPING", read.get(), total, t, started, lanes, timings);
            swap(handler, lanes, read);
            timings.swap = t.lap();
            applier.shadowSwapped();
            applier.refreshParkedPartitions();
            progress = finished("DONE", read.get(), total, t, started, lanes, timings, null);
            LOG.infof("rebuild done: %d records in %.1f s over %d lanes (replay %.1f s, index %.1f s, swap %.1f s)",
                    read.get(), t.total(), lanes.size(), timings.read, timings.index, timings.swap);
        } catch (RuntimeException e) {
            LOG.error("rebuild failed; the live tables are unchanged", e);
            dropQuietly();
            progress = finished("FAILED", read.get(), progress.eventsTotal(), t, started, lanes, timings,
                    Failures.describe(e));
        } finally {
            lanes.forEach(Lane::close);
            lanes.clear();
            unlock();
            // A rebuild is a one-off that grows the heap to its limit; with what its lanes held now
            // unreachable, one collection lets the JVM shrink the heap and hand the memory back.
            System.gc();
        }
    }

    private void swap(LogHandler<Object> handler, List<Lane> lanes, AtomicLong read) {
        for (int attempt = 1; ; attempt++) {
            long[] caughtUp = {0};
            try {
                QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                    shadow.lockLive();
                    // Read the outbox before the log's end: each of this service's events is then either still in
                    // the outbox here or on the log before that end.
                    List<ComplaintEvent> undelivered = undelivered();
                    for (Lane lane : lanes) {
                        caughtUp[0] += lane.catchUpLocked();
                    }
                    schemas.use(true);
                    handler.applyUndelivered(undelivered, applier.applying(true));
                    List<String> found = handler.compareBeforeSwap();
                    found.forEach(f -> LOG.warnf("rebuild: %s", f));
                    findings = List.copyOf(found);
                    shadow.swap();
                    int decided = handler.reconcile(null, LogApplier.deciding(null));
                    LOG.infof("rebuild swapped in (%d events still in the outbox applied); %d decisions that were "
                            + "owed are made now", undelivered.size(), decided);
                });
                read.addAndGet(caughtUp[0]);
                return;
            } catch (RuntimeException e) {
                if (attempt >= SWAP_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("rebuild swap failed (%s); catching up again and retrying", Failures.describe(e));
                for (Lane lane : lanes) {
                    lane.rewindToShadow();
                    read.addAndGet(lane.catchUp());
                }
            }
        }
    }

    private List<ComplaintEvent> undelivered() {
        List<ComplaintEvent> events = new ArrayList<>();
        for (Outbox.Row row : outbox.pendingEvents()) {
            events.add(EventCodec.standard().fromJson(row.headers().get(CloudEvents.TYPE), row.payload()));
        }
        return events;
    }

    private boolean cancelled() {
        if (!cancelled) {
            return false;
        }
        dropQuietly();
        progress = new RebuildProgress("CANCELLED", progress.eventsRead(), progress.eventsTotal(),
                progress.eventsPerSecond(), progress.percent(), progress.startedAt(), Instant.now(), progress.units(),
                progress.readSeconds(), progress.writeSeconds(), progress.indexSeconds(), null, progress.parked(), null,
                findings);
        LOG.infof("rebuild cancelled after %d events; the live tables are unchanged", progress.eventsRead());
        return true;
    }

    /** Runs each lane's work on a thread of its own; the first failure stops the others and is thrown. */
    private void parallel(List<Lane> lanes, java.util.function.Consumer<Lane> work) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Lane lane : lanes) {
            Thread thread = new Thread(() -> {
                try {
                    work.accept(lane);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    cancelled = true;
                }
            }, service + "-rebuild-lane-" + lane.index);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Retries a step that failed for a transient reason a few times before giving up. */
    static void retrying(Runnable step) {
        long backoff = 200;
        for (int tries = 1; ; tries++) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e) || tries >= TRANSIENT_TRIES) {
                    throw e;
                }
                LOG.warnf("rebuild step failed, retrying: %s", Failures.describe(e));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private synchronized void report(String state, long read, long total, Clock t, Instant started, List<Lane> lanes,
                                     Timings timings) {
        long before = progress.eventsRead();
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * read / total);
        progress = new RebuildProgress(state, read, total, read / Math.max(t.total(), 1e-9), percent, started, null,
                units(lanes), timings.read, timings.write, timings.index, null, parked(lanes), null, findings);
        if (read / 250_000 != before / 250_000 || !state.equals("RUNNING")) {
            LOG.infof("rebuild %s: %d of %d events (%.1f%%), %.0f events/s", state, read, total, percent,
                    progress.eventsPerSecond());
        }
    }

    private RebuildProgress finished(String state, long read, long total, Clock t, Instant started, List<Lane> lanes,
                                     Timings timings, String error) {
        double percent = "DONE".equals(state) ? 100.0 : total == 0 ? 0 : Math.min(100.0, 100.0 * read / total);
        return new RebuildProgress(state, read, total, read / Math.max(t.total(), 1e-9), percent, started,
                Instant.now(), units(lanes), timings.read, timings.write, timings.index, timings.swap, parked(lanes),
                error, findings);
    }

    private static Long units(List<Lane> lanes) {
        return lanes.stream().anyMatch(Lane::inMemory) ? lanes.stream().mapToLong(Lane::units).sum() : null;
    }

    private long parked(List<Lane> lanes) {
        return applier.shadowParked() + lanes.stream().mapToLong(Lane::parked).sum();
    }

    private Connection tryLock() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                s.setLong(1, Sql.lockKey(service + "-rebuild"));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return c;
                    }
                }
            }
            c.close();
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("taking the rebuild lock: " + e.getMessage(), e);
        }
        throw new AlreadyRunning("A rebuild of " + service + " is running on another instance");
    }

    private synchronized void unlock() {
        if (lock != null) {
            try (PreparedStatement s = lock.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, Sql.lockKey(service + "-rebuild"));
                s.execute();
            } catch (SQLException e) {
                // a broken session let go of the lock already
            }
            closeQuietly(lock);
            lock = null;
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

    private void dropQuietly() {
        try {
            QuarkusTransaction.requiringNew().run(shadow::drop);
        } catch (RuntimeException e) {
            LOG.debugf("dropping the shadow tables: %s", e);
        }
    }

    /** One replay over a share of the partitions. */
    private final class Lane extends Lanes.Lane {
        Lane(int index, List<Integer> partitions, RebuildLane<Object> inMemory) {
            super(index, partitions, inMemory, Rebuild.this.lanes, () -> Rebuild.this.cancelled);
        }
    }

    /** Seconds since the start, and per phase. */
    private static final class Clock {
        private final long t0 = System.nanoTime();
        private long mark = t0;

        double lap() {
            long now = System.nanoTime();
            double seconds = (now - mark) / 1e9;
            mark = now;
            return seconds;
        }

        double total() {
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static final class Timings {
        Double read;
        Double write;
        Double index;
        Double swap;
    }
}
