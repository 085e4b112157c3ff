package com.telco.complaints.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * How many records a topic holds, and how far a consumer group has read it. The records are
 * counted by a read-committed consumer of its own: the topic's end offsets also count the markers
 * of Kafka transactions (the outbox relays write in transactions), which no consumer ever reads.
 */
final class LogCounter implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final List<TopicPartition> partitions;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<Integer, Long> lastDataOffset = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicLong counted = new AtomicLong();
    private final Thread counter;
    private volatile boolean closed;

    /** @param client the broker's address and the admin's login (Endpoints.kafkaAdmin) */
    LogCounter(Map<String, Object> client, String topic) throws Exception {
        this.admin = Admin.create(client);
        this.topic = topic;
        Map<String, Object> c = new HashMap<>(client);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        counter = new Thread(this::count, "log-counter");
        counter.setDaemon(true);
        counter.start();
    }

    private void count() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    lastDataOffset.merge(r.partition(), r.offset(), Math::max);
                    counted.incrementAndGet();
                }
                for (TopicPartition tp : consumer.assignment()) {
                    positions.put(tp, consumer.position(tp));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition tp : partitions) {
            latest.put(tp, OffsetSpec.latest());
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            end.put(e.getKey(), e.getValue().offset());
        }
        return end;
    }

    /** The committed data records on the topic, as far as they have been counted yet. */
    long records() throws Exception {
        awaitCounted();
        return counted.get();
    }

    /** Waits (bounded) until the counter has read up to the end offsets of now; counts what it has after that. */
    private void awaitCounted() throws Exception {
        Map<TopicPartition, Long> end = endOffsets();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean behind = false;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                // The counter's position moves past markers too, once their transaction is decided.
                behind |= positions.getOrDefault(e.getKey(), 0L) < e.getValue();
            }
            if (!behind) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Data records of the topic the group has not committed yet (transaction markers do not count). */
    long lag(String group) throws Exception {
        awaitCounted();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            lag += Math.max(0, lastDataOffset.getOrDefault(tp.partition(), -1L) + 1 - (c == null ? 0 : c.offset()));
        }
        return lag;
    }

    /** Waits (bounded) until the record count satisfies {@code done}; returns when, in nanos. */
    long awaitRecords(LongPredicate done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(records())) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("the log did not reach the expected size within " + timeout);
    }

    /** Waits (bounded) until the topic stops growing for a second: what was in flight has landed. */
    void awaitQuiet(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = records();
            if (now == last) {
                return;
            }
            last = now;
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("the log kept growing for " + timeout);
    }

    /** Waits (bounded) until the group has read everything. */
    void awaitCaughtUp(String group, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag = -1;
        while (System.nanoTime() < deadline) {
            lag = lag(group);
            if (lag == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(group + " still " + lag + " records behind after " + timeout);
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            counter.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
