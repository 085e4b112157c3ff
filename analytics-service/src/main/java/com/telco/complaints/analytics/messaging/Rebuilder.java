package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.config.AnalyticsConfig;
import com.telco.complaints.analytics.store.Projection;
import com.telco.complaints.analytics.store.Projection.LogRecord;
import com.telco.complaints.analytics.store.Shadow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every analytics table from offset 0: replays the whole log into shadow tables, builds
 * their indexes, then, holding the lock that stops the live consumer, replays what arrived
 * meanwhile and moves the shadow tables into place. The live tables serve queries until the swap.
 *
 * <p>The replay runs in lanes, each over its share of the partitions (a case, its chain and its
 * view live on one partition, so lanes never write the same rows). Within a lane a reader thread
 * polls Kafka and reads the records (JSON, canonical bytes) while the lane writes the batch before,
 * so the JVM's work and the database's overlap.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    /** What a rebuild is doing; {@code percent} of the records on the log when it started. */
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
    AnalyticsConfig config;
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
        // Wall-clock times: they describe this process, not the complaints.
        progress = new Progress("RUNNING", 0, 0, 0, 0, Instant.now(), null, null);
        worker = new Thread(this::run, "analytics-rebuild");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    private void run() {
        Instant started = progress.startedAt();
        long t0 = System.nanoTime();
        List<Lane> lanes = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> execute(c -> Shadow.create(c, projection.liveSchema())));
            List<TopicPartition> partitions;
            try (KafkaConsumer<String, byte[]> probe = consumer("analytics-rebuild")) {
                partitions = probe.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            int laneCount = Math.max(1, Math.min(config.rebuild().lanes(), partitions.size()));
            for (int i = 0; i < laneCount; i++) {
                List<TopicPartition> share = new ArrayList<>();
                for (int p = i; p < partitions.size(); p += laneCount) {
                    share.add(partitions.get(p));
                }
                lanes.add(new Lane(i, share));
            }
            long total = lanes.stream().mapToLong(Lane::records).sum();
            AtomicLong read = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (Lane lane : lanes) {
                Thread thread = new Thread(() -> {
                    try {
                        lane.replay(n -> report("RUNNING", read.addAndGet(n), total, t0, started));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                        lanes.forEach(Lane::stop);
                    }
                }, "analytics-rebuild-lane-" + lane.index);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                join(thread);
            }
            if (failure.get() != null) {
                throw failure.get();
            }

            report("INDEXING", read.get(), total, t0, started);
            QuarkusTransaction.requiringNew().timeout(3600)
                    .run(() -> execute(c -> Shadow.index(c, projection.liveSchema())));

            report("SWAPPING", read.get(), total, t0, started);
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                // Stops the live consumer: it updates consumer_offsets in every transaction.
                execute(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("lock table consumer_offsets in exclusive mode");
                    }
                });
                for (Lane lane : lanes) {
                    read.addAndGet(lane.catchUp());
                }
                execute(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("set local search_path to " + projection.liveSchema());
                    }
                    Shadow.swap(c, projection.liveSchema());
                });
            });
            progress = new Progress("DONE", read.get(), total, rate(read.get(), t0), 100.0, started, Instant.now(), null);
            LOG.infof("rebuild done: %d records in %.1f s over %d lanes", read.get(), (System.nanoTime() - t0) / 1e9,
                    lanes.size());
        } catch (RuntimeException e) {
            LOG.error("rebuild failed; the live tables are unchanged", e);
            progress = new Progress("FAILED", progress.eventsRead(), progress.eventsTotal(), progress.eventsPerSecond(),
                    progress.percent(), started, Instant.now(), e.toString());
        } finally {
            lanes.forEach(Lane::close);
        }
    }

    /** A batch read ahead; {@code last} marks the end of the lane's share of the log. */
    private record ReadAhead(Projection.Batch batch, int records, boolean last, RuntimeException failure) {}

    /** One replay over a share of the partitions, up to their end offsets when the rebuild started. */
    private final class Lane {
        final int index;
        final KafkaConsumer<String, byte[]> consumer;
        final Map<TopicPartition, Long> end;
        final long records;
        private volatile Thread writer;
        private volatile Thread reader;

        Lane(int index, List<TopicPartition> partitions) {
            this.index = index;
            consumer = consumer("analytics-rebuild-" + index);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            end = consumer.endOffsets(partitions);
            records = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }

        long records() {
            return records;
        }

        /** Replays the share into the shadow tables, telling {@code progress} how many records each batch held. */
        void replay(java.util.function.LongConsumer progress) {
            writer = Thread.currentThread();
            // The reader reads the next batch while this one is written, then waits to hand it over:
            // two batches in memory per lane, never more.
            BlockingQueue<ReadAhead> queue = new SynchronousQueue<>();
            reader = new Thread(() -> readAhead(queue), "analytics-rebuild-reader-" + index);
            reader.setDaemon(true);
            reader.start();
            try {
                while (true) {
                    ReadAhead next = take(queue);
                    if (next.failure() != null) {
                        throw next.failure();
                    }
                    if (next.batch() != null) {
                        QuarkusTransaction.requiringNew().run(
                                () -> projection.apply(next.batch(), Projection.Target.SHADOW));
                        progress.accept(next.records());
                    }
                    if (next.last()) {
                        return;
                    }
                }
            } finally {
                reader.interrupt(); // a no-op once it has finished; stops it when writing failed
                join(reader);
            }
        }

        private void readAhead(BlockingQueue<ReadAhead> queue) {
            ReadAhead last;
            try {
                while (!reached(consumer, end)) {
                    List<LogRecord> records = poll(consumer);
                    if (!records.isEmpty()) {
                        queue.put(new ReadAhead(projection.read(records), records.size(), false, null));
                    }
                }
                last = new ReadAhead(null, 0, true, null);
            } catch (RuntimeException e) {
                last = new ReadAhead(null, 0, true, e);
            } catch (InterruptedException e) {
                return; // the writer gave up
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                // the writer gave up
            }
        }

        /** Applies, in the caller's transaction, what reached the share's partitions since the replay ended. */
        long catchUp() {
            Map<TopicPartition, Long> now = consumer.endOffsets(consumer.assignment());
            long applied = 0;
            while (!reached(consumer, now)) {
                List<LogRecord> batch = poll(consumer);
                if (!batch.isEmpty()) {
                    projection.apply(batch, Projection.Target.SHADOW);
                    applied += batch.size();
                }
            }
            return applied;
        }

        void stop() {
            Thread w = writer;
            if (w != null && w != Thread.currentThread()) {
                w.interrupt();
            }
        }

        void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static ReadAhead take(BlockingQueue<ReadAhead> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted: another lane failed", e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    private synchronized void report(String state, long read, long total, long t0, Instant started) {
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * read / total);
        long before = progress.eventsRead();
        progress = new Progress(state, read, total, rate(read, t0), percent, started, null, null);
        if (read / 100_000 != before / 100_000 || !"RUNNING".equals(state)) {
            LOG.infof("rebuild %s: %d of %d records (%.1f%%), %.0f records/s", state, read, total, percent,
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
            batch.add(Records.of(r));
        }
        return batch;
    }

    private KafkaConsumer<String, byte[]> consumer(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.rebuild().maxPollRecords()));
        // Enough for a full batch per fetch, without buffering tens of megabytes ahead of the reader.
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
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
            throw new IllegalStateException("rebuild step failed: " + e.getMessage(), e);
        }
    }
}
