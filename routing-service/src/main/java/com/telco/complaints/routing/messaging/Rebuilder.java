package com.telco.complaints.routing.messaging;

import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.routing.store.Outbox;
import com.telco.complaints.routing.store.Projection;
import com.telco.complaints.routing.store.Projection.LogRecord;
import com.telco.complaints.routing.store.Shadow;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Rebuilds routing's projection from offset 0: replays the whole log into shadow tables (decisions
 * held back), then, holding the lock that stops the live consumer, replays what arrived meanwhile,
 * moves the shadow tables into place and decides whatever the rebuilt state says is still owed.
 * The live tables serve queries until the swap.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    /** What a rebuild is doing; {@code percent} of the events on the log when it started. */
    public record Progress(String state, long eventsRead, long eventsTotal, double eventsPerSecond, double percent,
                           Instant startedAt, Instant finishedAt, String error) {
        static Progress idle() {
            return new Progress("IDLE", 0, 0, 0, 0, null, null, null);
        }
    }

    @Inject
    Projection projection;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "complaints.topics.events")
    String topic;

    private volatile Progress progress = Progress.idle();
    private Thread worker;

    public Progress progress() {
        return progress;
    }

    /** Starts a rebuild unless one is running; returns the progress. */
    public synchronized Progress start() {
        if (worker != null && worker.isAlive()) {
            return progress;
        }
        progress = new Progress("RUNNING", 0, 0, 0, 0, Instant.now(), null, null);
        worker = new Thread(this::run, "routing-rebuild");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    private void run() {
        Instant started = progress.startedAt();
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            QuarkusTransaction.requiringNew().run(() -> execute(c -> Shadow.create(c, projection.liveSchema())));
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            long read = 0;
            while (!reached(consumer, end)) {
                List<LogRecord> batch = poll(consumer);
                if (!batch.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(
                            () -> projection.apply(batch, p -> false, Projection.Target.SHADOW));
                    read += batch.size();
                    report("RUNNING", read, total, t0, started);
                }
            }
            report("SWAPPING", read, total, t0, started);
            long[] caughtUp = {read};
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                // Stops the live consumer (it updates consumer_offsets in every transaction) and the returns
                // (they lock their case first): nothing commits on the live tables from here to the swap.
                execute(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("lock table consumer_offsets in exclusive mode");
                        s.execute("lock table cases in exclusive mode");
                    }
                });
                // Decisions and returns committed but not yet relayed are not on the log: read them before the
                // log's end, so each is either still in the outbox here or on the log before that end.
                List<ComplaintEvent> undelivered = outbox.events();
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                while (!reached(consumer, now)) {
                    List<LogRecord> batch = poll(consumer);
                    if (!batch.isEmpty()) {
                        projection.apply(batch, p -> false, Projection.Target.SHADOW);
                        caughtUp[0] += batch.size();
                    }
                }
                projection.applyUndelivered(undelivered, Projection.Target.SHADOW);
                execute(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("set local search_path to " + projection.liveSchema());
                    }
                    Shadow.swap(c, projection.liveSchema());
                });
                int decided = projection.reconcile(null);
                LOG.infof("rebuild swapped in; %d decisions that were owed are made now", decided);
            });
            progress = new Progress("DONE", caughtUp[0], total, rate(caughtUp[0], t0), 100.0, started, Instant.now(), null);
            LOG.infof("rebuild done: %d events in %.1f s", caughtUp[0], (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            LOG.error("rebuild failed; the live projection is unchanged", e);
            progress = new Progress("FAILED", progress.eventsRead(), progress.eventsTotal(), progress.eventsPerSecond(),
                    progress.percent(), started, Instant.now(), e.toString());
        }
    }

    private void report(String state, long read, long total, long t0, Instant started) {
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * read / total);
        progress = new Progress(state, read, total, rate(read, t0), percent, started, null, null);
        if (read % 50_000 < 2_000) {
            LOG.infof("rebuild %s: %d of %d events (%.1f%%), %.0f events/s", state, read, total, percent,
                    rate(read, t0));
        }
    }

    private static double rate(long events, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static List<LogRecord> poll(KafkaConsumer<String, byte[]> consumer) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        List<LogRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            Header type = r.headers().lastHeader(CloudEvents.TYPE);
            batch.add(new LogRecord(r.partition(), r.offset(), type == null ? null : CloudEvents.string(type.value()),
                    r.value()));
        }
        return batch;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-rebuild");
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
            throw new IllegalStateException("rebuild step failed: " + e.getMessage(), e);
        }
    }
}
