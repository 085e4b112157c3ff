package com.telco.complaints.eventing.log;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A topic of few records, one partition, kept forever, that one service writes and reads whole or from its end
 * (analytics' audit checkpoints, sla's business calendar). Its clients are built from the application's Kafka
 * settings (so with whatever security they carry); a write waits until every in-sync replica has it; a read
 * takes what the partition holds when it starts, up to that end, and needs no consumer group.
 */
public final class OnePartitionTopic implements AutoCloseable {

    /** A record of the topic, where it sits. */
    public record Record(long offset, String key, byte[] value, Instant timestamp) {}

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Map<String, Object> kafka;
    private final String topic;
    private final String clientId;
    private final TopicPartition only;
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param kafka    the application's Kafka client settings (bootstrap servers, security)
     * @param clientId names the clients (the reader's id ends in {@code -reader})
     */
    public OnePartitionTopic(Map<String, Object> kafka, String topic, String clientId) {
        this.kafka = Map.copyOf(kafka);
        this.topic = topic;
        this.clientId = clientId;
        this.only = new TopicPartition(topic, 0);
    }

    public String name() {
        return topic;
    }

    /**
     * Appends a record and waits until every in-sync replica has it.
     *
     * @return its offset
     * @throws IllegalStateException when the broker did not take it in time
     */
    public synchronized long publish(String key, byte[] value) throws InterruptedException {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, 0, key, value))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return written.offset();
        } catch (ExecutionException | TimeoutException e) {
            // A producer that failed may hold a broken idempotence state: the next try starts a new one.
            close();
            throw new IllegalStateException("publishing " + key + " to " + topic, e.getCause() == null ? e : e.getCause());
        }
    }

    /** The last {@code count} records (fewer when it has fewer), oldest first. */
    public List<Record> last(int count) {
        return read(end -> end - count);
    }

    /** Every record from {@code offset} on (from the first one kept, when that is later), oldest first. */
    public List<Record> from(long offset) {
        return read(end -> offset);
    }

    private List<Record> read(java.util.function.LongUnaryOperator startFromEnd) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(only));
            long end = consumer.endOffsets(List.of(only), WAIT).get(only);
            long start = Math.max(consumer.beginningOffsets(List.of(only), WAIT).get(only),
                    startFromEnd.applyAsLong(end));
            List<Record> records = new ArrayList<>();
            if (start >= end) {
                return records;
            }
            consumer.seek(only, start);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(only, WAIT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " up to offset " + end + " timed out");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end) {
                        records.add(new Record(r.offset(), r.key(), r.value(), Instant.ofEpochMilli(r.timestamp())));
                    }
                }
            }
            return records;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } finally {
                producer = null;
            }
        }
    }
}
