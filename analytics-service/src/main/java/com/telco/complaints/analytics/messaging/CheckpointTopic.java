package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.domain.AuditCheckpoint;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic of the archive's checkpoints ({@code complaints.topics.audit-checkpoints}: one partition,
 * kept forever, written by analytics alone), written and read with clients built from the
 * application's Kafka configuration (so with whatever security it carries), never from settings of
 * their own.
 */
@ApplicationScoped
public class CheckpointTopic {

    /** The key of every checkpoint: one archive, one sequence. */
    public static final String KEY = "audit-archive";

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A record of the topic: where it sits, and the checkpoint in it (null when it is none). */
    public record Entry(long offset, AuditCheckpoint checkpoint, String unreadable) {}

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @ConfigProperty(name = "complaints.topics.audit-checkpoints")
    String topic;

    private KafkaProducer<String, byte[]> producer;

    public String name() {
        return topic;
    }

    /** Appends a checkpoint and waits until every in-sync replica has it. */
    public synchronized void publish(AuditCheckpoint checkpoint) throws InterruptedException {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "analytics-audit-checkpoints");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        try {
            producer.send(new ProducerRecord<>(topic, 0, KEY, checkpoint.toJson())).get(WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // A producer that failed may hold a broken idempotence state: the next try starts a new one.
            closeProducer();
            throw new IllegalStateException("publishing checkpoint " + checkpoint.sequence() + " to " + topic,
                    e.getCause() == null ? e : e.getCause());
        }
    }

    /** The last {@code count} records of the topic (fewer when it has fewer), oldest first. */
    public List<Entry> last(int count) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-audit-checkpoints-reader");
        TopicPartition only = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(only));
            long end = consumer.endOffsets(List.of(only), WAIT).get(only);
            long start = Math.max(consumer.beginningOffsets(List.of(only), WAIT).get(only), end - count);
            List<Entry> entries = new ArrayList<>();
            if (start >= end) {
                return entries;
            }
            consumer.seek(only, start);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(only, WAIT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " up to offset " + end + " timed out");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end) {
                        entries.add(entry(r));
                    }
                }
            }
            return entries;
        }
    }

    /** The newest record of the topic, if there is one. */
    public Entry latest() {
        List<Entry> last = last(1);
        return last.isEmpty() ? null : last.get(last.size() - 1);
    }

    private static Entry entry(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return new Entry(r.offset(), null, "no value");
        }
        try {
            return new Entry(r.offset(), AuditCheckpoint.parse(r.value()), null);
        } catch (IOException | RuntimeException e) {
            return new Entry(r.offset(), null, "not a checkpoint: " + e.getMessage());
        }
    }

    @PreDestroy
    synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } finally {
                producer = null;
            }
        }
    }
}
