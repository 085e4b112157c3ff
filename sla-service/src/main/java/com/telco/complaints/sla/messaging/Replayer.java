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

    private final EventCodec codec = EventCodec.standard();
    private volatile Progress progress = Progress.idle();
    private volatile boolean cancelled;
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

    private void run() {
        Instant started = progress.startedAt();
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();

            Map<String, SlaCase> cases = new HashMap<>(Math.max(16, (int) (total / 4)));
            Map<Integer, Long> next = new HashMap<>();
            Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
            long read = 0;
            long unreadable = 0;
            while (!reached(consumer, end)) {
                if (cancelled) {
                    progress = finished("CANCELLED", read, total, t0, started, cases.size(), null, null, null);
                    LOG.infof("replay cancelled after %d events; the live clocks are unchanged", read);
                    return;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    next.put(r.partition(), r.offset() + 1);
                    read++;
                    ComplaintEvent event;
                    try {
                        event = codec.fromJson(ceType(r), r.value());
                    } catch (EventDecodingException e) {
                        unreadable++;
                        continue;
                    }
                    SlaCase sla = cases.get(event.complaintId());
                    if (sla == null) {
                        sla = SlaCase.empty(event.complaintId(), r.partition());
                        cases.put(event.complaintId(), sla);
                    }
                    SlaCase.Outcome outcome = sla.apply(event, policies, calendar);
                    if (outcome.rejection() != null) {
                        rejected.merge(outcome.rejection().reason(), 1L, Long::sum);
                    }
                }
                progress = running("RUNNING", read, total, t0, started, cases.size());
                if (read / LOG_EVERY != (read - 1) / LOG_EVERY || read == total) {
                    log(progress);
                }
            }
            double foldSeconds = seconds(t0);
            LOG.infof("replay folded %d events into %d cases in %.1f s (%.0f events/s); %d unreadable, rejected %s",
                    read, cases.size(), foldSeconds, read / Math.max(foldSeconds, 1e-9), unreadable, rejected);
            progress = running("WRITING", read, total, t0, started, cases.size());

            long w0 = System.nanoTime();
            long clockCount = cases.values().stream().mapToLong(c -> c.clocks().size()).sum();
            QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                execute(c -> Shadow.create(c, projection.liveSchema()));
                execute(c -> Shadow.use(c, projection.liveSchema()));
                clocks.copy(cases.values());
                position.save(next);
            });
            cases.clear();
            double writeSeconds = seconds(w0);
            progress = running("SWAPPING", read, total, t0, started, clockCount);

            long[] caughtUp = {read};
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
        } catch (RuntimeException e) {
            LOG.error("replay failed; the live clocks are unchanged", e);
            progress = finished("FAILED", progress.eventsRead(), progress.eventsTotal(), t0, started, progress.clocks(),
                    null, null, e.toString());
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

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sla-replay");
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
}
