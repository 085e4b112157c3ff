package com.telco.complaints.eventing.rebuild;

import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.eventing.log.LogApplier.Entry;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.eventing.log.ParkReason;
import com.telco.complaints.eventing.parking.Parking;
import com.telco.complaints.eventing.store.Positions;
import com.telco.complaints.eventing.store.Schemas;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The lanes of a rebuild: what they share (the topic, the broker, the stores) and how one replays. */
@ApplicationScoped
public class Lanes {

    @Inject
    LogApplier applier;
    @Inject
    Schemas schemas;
    @Inject
    Positions positions;
    @Inject
    Parking parking;
    @Inject
    com.telco.complaints.eventing.config.EventingConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @ConfigProperty(name = "mp.messaging.incoming.log-in.topic")
    String topic;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    // Lanes reach the beans through these methods: a field read through the client proxy would be empty.
    LogApplier applier() {
        return applier;
    }

    Schemas schemas() {
        return schemas;
    }

    Positions positions() {
        return positions;
    }

    Parking parking() {
        return parking;
    }

    String topic() {
        return topic;
    }

    int spillAt() {
        return config.rebuild().spillAt();
    }

    String service() {
        return service;
    }

    /** The partitions of the topic. */
    List<Integer> partitions() {
        try (KafkaConsumer<String, byte[]> probe = consumer(service + "-rebuild")) {
            return probe.partitionsFor(topic, Duration.ofSeconds(30)).stream().map(p -> p.partition()).sorted().toList();
        }
    }

    KafkaConsumer<String, byte[]> consumer(String clientId) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Large enough fetches for speed, small enough that a lane's buffers (a fetch in hand and one
        // prefetched) leave the heap to what the lanes build: 2 × 4 MB per lane, not the 2 × 50 MB default.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.rebuild().maxPollRecords()));
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A batch read ahead; {@code last} marks the end of the lane's share of the log. */
    private record ReadAhead(List<Entry> entries, boolean last, RuntimeException failure) {}

    /** A record a lane that folds in memory could not apply. */
    private record Parked(LogRecord record, ParkReason reason, String detail) {}

    /**
     * One replay over a share of the partitions, up to their end offsets when the rebuild started,
     * then on to the end as it stands (catching up).
     */
    abstract static class Lane {
        final int index;
        private final List<TopicPartition> partitions;
        private final RebuildLane<Object> inMemory;
        private final Lanes lanes;
        private final BooleanSupplier cancelled;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<TopicPartition, Long> end;
        private final long records;
        /** For a lane that folds in memory: positions reached, records parked, keys parked. */
        private final Map<Integer, Long> next = new HashMap<>();
        private final List<Parked> parked = new ArrayList<>();
        private final Set<String> blocked = new HashSet<>();

        Lane(int index, List<Integer> share, RebuildLane<Object> inMemory, Lanes lanes, BooleanSupplier cancelled) {
            this.index = index;
            this.inMemory = inMemory;
            this.lanes = lanes;
            this.cancelled = cancelled;
            this.partitions = share.stream().map(p -> new TopicPartition(lanes.topic(), p)).toList();
            consumer = lanes.consumer(lanes.service() + "-rebuild-" + index);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            end = consumer.endOffsets(partitions);
            records = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }

        long records() {
            return records;
        }

        boolean inMemory() {
            return inMemory != null;
        }

        long units() {
            return inMemory == null ? 0 : inMemory.size();
        }

        long parked() {
            return parked.size();
        }

        /**
         * Replays the share up to the end seen at the start, telling {@code progress} of each batch. A
         * reader thread reads the next batch while this one is written: two batches in memory, never more.
         */
        void replay(Consumer<List<Entry>> progress) {
            BlockingQueue<ReadAhead> queue = new SynchronousQueue<>();
            Thread reader = new Thread(() -> readAhead(queue), lanes.service() + "-rebuild-reader-" + index);
            reader.setDaemon(true);
            reader.start();
            try {
                while (!cancelled.getAsBoolean()) {
                    ReadAhead next = take(queue);
                    if (next.failure() != null) {
                        throw next.failure();
                    }
                    if (next.entries() != null) {
                        if (inMemory != null) {
                            for (Entry e : next.entries()) {
                                fold(e);
                                spillIfWorthIt();
                            }
                        } else {
                            Rebuild.retrying(() -> lanes.applier().apply(next.entries(), true));
                        }
                        progress.accept(next.entries());
                    }
                    if (next.last()) {
                        return;
                    }
                }
            } finally {
                reader.interrupt(); // a no-op once it has finished; stops it when writing failed
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void readAhead(BlockingQueue<ReadAhead> queue) {
            ReadAhead last;
            try {
                while (!reached(end) && !cancelled.getAsBoolean()) {
                    List<LogRecord> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                            batch.add(LogRecord.of(r));
                        }
                    }
                    if (!batch.isEmpty()) {
                        queue.put(new ReadAhead(lanes.applier().read(batch), false, null));
                    }
                }
                last = new ReadAhead(null, true, null);
            } catch (RuntimeException e) {
                last = new ReadAhead(null, true, e);
            } catch (InterruptedException e) {
                return; // the writer gave up
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                // the writer gave up
            }
        }

        /** Folds one record in memory, parking it (and its case's later records) when it cannot apply. */
        private void fold(Entry e) {
            LogRecord record = e.record();
            next.put(record.partition(), record.offset() + 1);
            String key = record.key();
            if (key != null && blocked.contains(key)) {
                parked.add(new Parked(record, ParkReason.BEHIND, "waits behind an earlier parked record of key " + key));
                return;
            }
            if (e.unusable() != null) {
                parked.add(new Parked(record, e.unusable().reason(), e.unusable().getMessage()));
            } else {
                try {
                    inMemory.fold(e.item());
                    return;
                } catch (RuntimeException failure) {
                    parked.add(new Parked(record, ParkReason.FAILED, Failures.describe(failure)));
                }
            }
            if (key != null) {
                blocked.add(key);
            }
        }

        /**
         * Writes the finished units a lane that folds in memory holds, once there are enough of them,
         * to the shadow tables in a transaction of their own, and lets the lane forget them.
         */
        private void spillIfWorthIt() {
            if (inMemory.spillable() < lanes.spillAt()) {
                return;
            }
            Rebuild.retrying(() -> QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                lanes.schemas().use(true);
                inMemory.spill();
            }));
            inMemory.committed();
        }

        /** Writes what the lane folded in memory, its positions and what it parked, into the shadow tables. */
        void write() {
            if (inMemory == null) {
                return;
            }
            Rebuild.retrying(() -> QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                lanes.schemas().use(true);
                inMemory.write();
                lanes.positions().save(next);
                for (Parked p : parked) {
                    lanes.parking().park(p.record(), p.reason(), p.detail());
                }
            }));
            inMemory.committed(); // the heap goes back to the live service before the swap
            Map<Integer, Integer> perPartition = new HashMap<>();
            parked.forEach(p -> perPartition.merge(p.record().partition(), 1, Integer::sum));
            perPartition.forEach(lanes.applier()::shadowParked);
        }

        /** Applies what arrived since the replay's end, to the end as it stands now, batch by batch. */
        long catchUp() {
            long applied = 0;
            Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
            while (!reached(now)) {
                List<LogRecord> batch = poll();
                if (!batch.isEmpty()) {
                    List<Entry> entries = lanes.applier().read(batch);
                    Rebuild.retrying(() -> lanes.applier().apply(entries, true));
                    applied += batch.size();
                }
            }
            return applied;
        }

        /** The same within the caller's transaction (the swap's, which holds every writer). */
        long catchUpLocked() {
            long applied = 0;
            Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
            while (!reached(now)) {
                List<LogRecord> batch = poll();
                if (!batch.isEmpty()) {
                    lanes.applier().applyInTransaction(lanes.applier().read(batch), true);
                    applied += batch.size();
                }
            }
            return applied;
        }

        /** After a swap that rolled back: reads again from where the shadow tables stand. */
        void rewindToShadow() {
            Map<Integer, Long> stored = QuarkusTransaction.requiringNew().call(() -> {
                lanes.schemas().use(true);
                return lanes.positions().read(partitions.stream().map(TopicPartition::partition).toList());
            });
            for (TopicPartition tp : partitions) {
                Long at = stored.get(tp.partition());
                if (at == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, at);
                }
            }
        }

        private List<LogRecord> poll() {
            List<LogRecord> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                batch.add(LogRecord.of(r));
            }
            return batch;
        }

        private boolean reached(Map<TopicPartition, Long> until) {
            return until.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }

        private static ReadAhead take(BlockingQueue<ReadAhead> queue) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted: another lane failed", e);
            }
        }

        void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
