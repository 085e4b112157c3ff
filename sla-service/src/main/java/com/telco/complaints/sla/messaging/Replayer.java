package com.telco.complaints.sla.messaging;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.SlaCase;
import com.telco.complaints.sla.domain.SlaPolicies;
import com.telco.complaints.sla.store.ClockProjection;
import com.telco.complaints.sla.store.ClockProjection.LogRecord;
import com.telco.complaints.sla.store.ClockStore;
import com.telco.complaints.sla.store.LogPosition;
import com.telco.complaints.sla.store.Outbox;
import com.telco.complaints.sla.store.Shadow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every clock from offset 0 (POST /sla/replay). The log is folded in memory, case by
 * case, with no database round trip per event; the result is written with COPY into shadow
 * tables. Then, holding the lock that stops the live consumer, the records that arrived meanwhile
 * are applied, the shadow tables are moved into place, and any clock never announced is announced.
 * The service's own announcements, warnings and breaches on the log are part of the replayed
 * state, so a replay of the same log raises nothing again.
 */
@ApplicationScoped
public class Replayer {

    private static final Logger LOG = Logger.getLogger(Replayer.class);
    private static final long LOG_EVERY = 250_000;

    /** What a replay is doing. {@code percent} of the events on the log when it started. */
    public record Progress(String state, long eventsRead, long eventsTotal, double eventsPerSecond, double percent,
                           long clocks, Instant startedAt, Instant finishedAt, Double foldSeconds,
                           Double writeSeconds, String error) {
        static Progress idle() {
            return new Progress("IDLE", 0, 0, 0, 0, 0, null, null, null, null, null);
        }
    }

    @Inject
    ClockProjection projection;
    @Inject
    ClockStore clocks;
    @Inject
    LogPosition position;
    @Inject
    SlaPolicies policies;
    @Inject
    BusinessCalendar calendar;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "complaints.topics.events")
    String topic;
    /** How many threads fold the log, each owning some partitions. */
    @ConfigProperty(name = "sla.replay.lanes", defaultValue = "2")
    int lanes;

    private final EventCodec codec = EventCodec.standard();
    private volatile Progress progress = Progress.idle();
    private volatile boolean cancelled;
    /** A replay that would exhaust the heap fails instead, and the live service goes on. */
    private static final HeapGuard HEAP = new HeapGuard(0.85);

    private Thread worker;

    public Progress progress() {
        return progress;
    }

    /** Starts a replay unless one is running; returns the progress. */
    public synchronized Progress start() {
        if (worker != null && worker.isAlive()) {
            return progress;
        }
        cancelled = false;
        progress = new Progress("RUNNING", 0, 0, 0, 0, 0, Instant.now(), null, null, null, null);
        worker = new Thread(this::run, "sla-replay");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    /** Abandons a running replay; the live clocks stay as they are. */
    public synchronized Progress cancel() {
        cancelled = true;
        if (worker != null) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return progress;
    }

    /** What one lane folded: its cases, the next offset of each of its partitions, what did not fit. */
    private record Lane(Map<String, SlaCase> cases, Map<Integer, Long> next, Map<RejectionReason, Long> rejected,
                        long[] unreadable) {}

    private void run() {
        Instant started = progress.startedAt();
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = consumer("sla-replay")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();

            // A case lives on one partition, so lanes that own disjoint partitions fold in parallel.
            int laneCount = Math.max(1, Math.min(lanes, partitions.size()));
            AtomicLong read = new AtomicLong();
            List<Lane> lanesDone = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<RuntimeException> failures = new CopyOnWriteArrayList<>();
            for (int l = 0; l < laneCount; l++) {
                List<TopicPartition> owned = new ArrayList<>();
                for (int i = l; i < partitions.size(); i += laneCount) {
                    owned.add(partitions.get(i));
                }
                Lane lane = new Lane(new HashMap<>(), new HashMap<>(), new EnumMap<>(RejectionReason.class), new long[1]);
                lanesDone.add(lane);
                Thread thread = new Thread(() -> {
                    try {
                        fold(owned, end, lane, read, total, t0, started);
                    } catch (RuntimeException e) {
                        failures.add(e);
                        cancelled = true; // the other lanes stop too; the failure is what is reported
                    }
                }, "sla-replay-lane-" + l);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            if (cancelled) {
                progress = finished("CANCELLED", read.get(), total, t0, started, 0, null, null, null);
                LOG.infof("replay cancelled after %d events; the live clocks are unchanged", read.get());
                return;
            }
            // Each lane's cases are written as they are: merging them into one map would double the peak.
            long caseCount = 0;
            long clockCount = 0;
            Map<Integer, Long> next = new HashMap<>();
            Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
            long unreadable = 0;
            for (Lane lane : lanesDone) {
                caseCount += lane.cases().size();
                clockCount += lane.cases().values().stream().mapToLong(c -> c.clocks().size()).sum();
                next.putAll(lane.next());
                lane.rejected().forEach((reason, n) -> rejected.merge(reason, n, Long::sum));
                unreadable += lane.unreadable()[0];
            }
            double foldSeconds = seconds(t0);
            LOG.infof("replay folded %d events into %d cases in %.1f s (%.0f events/s, %d lanes); %d unreadable, "
                    + "rejected %s", read.get(), caseCount, foldSeconds, read.get() / Math.max(foldSeconds, 1e-9),
                    laneCount, unreadable, rejected);
            progress = running("WRITING", read.get(), total, t0, started, caseCount);

            long w0 = System.nanoTime();
            QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                execute(c -> Shadow.create(c, projection.liveSchema()));
                execute(c -> Shadow.use(c, projection.liveSchema()));
                lanesDone.forEach(lane -> clocks.copy(lane.cases().values()));
                position.save(next);
            });
            lanesDone.clear();
            double writeSeconds = seconds(w0);
            progress = running("SWAPPING", read.get(), total, t0, started, clockCount);

            consumer.assign(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, next.getOrDefault(tp.partition(), begin.get(tp)));
            }
            long[] caughtUp = {read.get()};
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                // Stops the live consumer (it updates consumer_offsets in every transaction) and the deadline
                // watch (it locks the cases it raises for): nothing commits on the live tables until the swap.
                execute(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("lock table consumer_offsets in exclusive mode");
                        s.execute("lock table cases in exclusive mode");
                    }
                });
                // Announcements, warnings and breaches committed but not yet relayed are not on the log: read
                // them before the log's end, so each is either still in the outbox here or before that end.
                List<ComplaintEvent> undelivered = outbox.events();
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                while (!reached(consumer, now)) {
                    List<LogRecord> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        batch.add(new LogRecord(r.partition(), r.offset(), ceType(r), r.value()));
                    }
                    if (!batch.isEmpty()) {
                        projection.apply(batch, p -> false, ClockProjection.Target.SHADOW);
                        caughtUp[0] += batch.size();
                    }
                }
                projection.applyUndelivered(undelivered, ClockProjection.Target.SHADOW);
                execute(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("set local search_path to " + projection.liveSchema());
                    }
                    Shadow.swap(c, projection.liveSchema());
                });
                int announced = projection.reconcile(null);
                if (announced > 0) {
                    LOG.infof("replay found %d clocks never announced; announced now", announced);
                }
            });
            progress = finished("DONE", caughtUp[0], total, t0, started, clockCount, foldSeconds, writeSeconds, null);
            log(progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress = finished("FAILED", progress.eventsRead(), progress.eventsTotal(), t0, started, 0, null, null,
                    "interrupted");
        } catch (RuntimeException e) {
            LOG.error("replay failed; the live clocks are unchanged", e);
            progress = finished("FAILED", progress.eventsRead(), progress.eventsTotal(), t0, started, progress.clocks(),
                    null, null, e.toString());
        }
    }

    /** Folds the given partitions from their beginning to {@code end} into {@code lane}, in memory. */
    private void fold(List<TopicPartition> owned, Map<TopicPartition, Long> end, Lane lane, AtomicLong read, long total,
                      long t0, Instant started) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("sla-replay-" + owned.get(0).partition())) {
            consumer.assign(owned);
            consumer.seekToBeginning(owned);
            Map<TopicPartition, Long> laneEnd = new HashMap<>();
            Map<Integer, Long> endOf = new HashMap<>();
            owned.forEach(tp -> {
                laneEnd.put(tp, end.get(tp));
                endOf.put(tp.partition(), end.get(tp));
            });
            while (!reached(consumer, laneEnd) && !cancelled) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (r.offset() >= endOf.get(r.partition())) {
                        continue; // arrived after the replay started: the swap catches up on it
                    }
                    lane.next().put(r.partition(), r.offset() + 1);
                    ComplaintEvent event;
                    try {
                        event = codec.fromJson(ceType(r), r.value());
                    } catch (EventDecodingException e) {
                        lane.unreadable()[0]++;
                        continue;
                    }
                    SlaCase sla = lane.cases().get(event.complaintId());
                    if (sla == null) {
                        sla = SlaCase.empty(event.complaintId(), r.partition());
                        lane.cases().put(event.complaintId(), sla);
                    }
                    SlaCase.Outcome outcome = sla.apply(event, policies, calendar);
                    if (outcome.rejection() != null) {
                        lane.rejected().merge(outcome.rejection().reason(), 1L, Long::sum);
                    }
                }
                if (HEAP.exhausted()) {
                    throw new IllegalStateException("the replay holds every case in memory and needs more heap than "
                            + "this instance has (" + HEAP.maxMegabytes() + " MB): stopped after " + lane.cases().size()
                            + " cases of one lane, " + read.get() + " of " + total + " events; the live clocks are "
                            + "unchanged. Run the replay on an instance with a larger -Xmx.");
                }
                long sofar = read.addAndGet(records.count());
                progress = running("RUNNING", sofar, total, t0, started, 0);
                if (sofar / LOG_EVERY != (sofar - records.count()) / LOG_EVERY) {
                    log(progress);
                }
            }
        }
    }

    private static Progress running(String state, long read, long total, long t0, Instant started, long clocks) {
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * read / total);
        return new Progress(state, read, total, read / Math.max(seconds(t0), 1e-9), percent, clocks, started, null,
                null, null, null);
    }

    private static Progress finished(String state, long read, long total, long t0, Instant started, long clocks,
                                     Double foldSeconds, Double writeSeconds, String error) {
        double percent = "DONE".equals(state) ? 100.0 : total == 0 ? 0 : 100.0 * read / total;
        return new Progress(state, read, total, read / Math.max(seconds(t0), 1e-9), percent, clocks, started,
                Instant.now(), foldSeconds, writeSeconds, error);
    }

    private static void log(Progress p) {
        LOG.infof("replay %s: %d of %d events (%.1f%%), %.0f events/s", p.state(), p.eventsRead(), p.eventsTotal(),
                p.percent(), p.eventsPerSecond());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String ceType(ConsumerRecord<String, byte[]> r) {
        Header type = r.headers().lastHeader(CloudEvents.TYPE);
        return type == null ? null : CloudEvents.string(type.value());
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Large enough fetches for speed, small enough that the lanes' buffers (a fetch in hand and one
        // prefetched, per lane) leave the heap to the folded cases: 2 × 4 MB per lane, not the 2 × 50 MB default.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws Exception;
    }

    private void execute(SqlWork work) {
        try (Connection c = dataSource.getConnection()) {
            work.run(c);
        } catch (Exception e) {
            throw new IllegalStateException("replay step failed: " + e.getMessage(), e);
        }
    }

    /** Whether the old generation is still above a share of its maximum after a collection. */
    static final class HeapGuard {
        private final MemoryPoolMXBean tenured;

        HeapGuard(double share) {
            MemoryPoolMXBean found = null;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                        && pool.getUsage().getMax() > 0 && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                    found = pool;
                }
            }
            tenured = found;
            if (tenured != null) {
                tenured.setCollectionUsageThreshold((long) (tenured.getUsage().getMax() * share));
            }
        }

        boolean exhausted() {
            return tenured != null && tenured.isCollectionUsageThresholdExceeded();
        }

        long maxMegabytes() {
            return Runtime.getRuntime().maxMemory() >> 20;
        }
    }
}
