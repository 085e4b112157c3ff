package com.telco.complaints.testsupport;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test's view of a topic on the real broker: publish events as the services do (key = complaint
 * id, CloudEvents binary headers), and read back every record with its headers, in partition order.
 */
public final class EventLog implements AutoCloseable {

    /** A record as it sits on the topic, with its event decoded when it is one. */
    public record Entry(int partition, long offset, String key, Map<String, String> headers, byte[] value,
                        ComplaintEvent event) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final String topic;
    private final Map<String, Object> client;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Entry> seen = new ArrayList<>();
    private final EventCodec codec = EventCodec.standard();

    public EventLog(String bootstrapServers, String topic) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /** @param client the broker's address and, where it requires one, a login (e.g. the suite's admin) */
    public EventLog(Map<String, Object> client, String topic) {
        this.topic = topic;
        this.client = Map.copyOf(client);
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** How many partitions the topic has. */
    public int partitions() {
        return consumer.assignment().size();
    }

    /** The event log of the running Quarkus test application ({@code complaints.topics.events}). */
    public static EventLog ofEvents() {
        return of("complaints.topics.events");
    }

    /** The topic named by a configuration property of the running Quarkus test application. */
    public static EventLog of(String topicProperty) {
        var config = ConfigProvider.getConfig();
        return new EventLog(config.getValue("kafka.bootstrap.servers", String.class),
                config.getValue(topicProperty, String.class));
    }

    /** Publishes an event as a service of the suite would, and waits for the broker's ack. */
    public void publish(ComplaintEvent event) {
        publish(event.complaintId(), codec.toJson(event), CloudEvents.headers(event, CloudEvents.sourceOf("test")));
    }

    /** Publishes many events quickly (pipelined sends), and waits until the broker acknowledged all. */
    public void publishAll(java.util.Collection<? extends ComplaintEvent> events) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>(events.size());
        for (ComplaintEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.complaintId(), codec.toJson(event));
            CloudEvents.headers(event, CloudEvents.sourceOf("test"))
                    .forEach((name, v) -> record.headers().add(name, CloudEvents.bytes(v)));
            acks.add(producer.send(record));
        }
        try {
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** Publishes raw bytes with the given headers, e.g. a poison record. */
    public void publish(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, CloudEvents.bytes(v)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** Every record on the topic so far. */
    public synchronized List<Entry> entries() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                seen.add(toEntry(r));
            }
        }
        return List.copyOf(seen);
    }

    /**
     * Every record on the topic once no transaction is open on it any more (its last stable offset
     * has reached its high watermark, waiting at most {@code timeout}): a Kafka commit returns before
     * its markers are written, so records a relay has just committed may not be readable yet. A census
     * reads through here, so that a duplicate committed a moment ago is not missed.
     */
    public List<Entry> settledEntries(Duration timeout) {
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            consumer.assignment().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Awaitility.await("no open transaction on " + topic).atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> offsets(admin, latest, IsolationLevel.READ_COMMITTED)
                            .equals(offsets(admin, latest, IsolationLevel.READ_UNCOMMITTED)));
        }
        return entries();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> latest,
                                                     IsolationLevel isolation) throws Exception {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    public List<ComplaintEvent> events() {
        return entries().stream().map(Entry::event).filter(e -> e != null).toList();
    }

    public List<ComplaintEvent> events(String complaintId) {
        return events().stream().filter(e -> e.complaintId().equals(complaintId)).toList();
    }

    public <T extends ComplaintEvent> List<T> events(Class<T> type, String complaintId) {
        return events(complaintId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits (bounded) until the topic holds a record that matches, and returns it. */
    public Entry await(Predicate<Entry> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> entries().stream().filter(match).findFirst().orElse(null), e -> e != null);
    }

    /** Waits (bounded) until {@code count} events of {@code type} for the complaint are on the log. */
    public <T extends ComplaintEvent> List<T> await(Class<T> type, String complaintId, int count, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> events(type, complaintId), list -> list.size() >= count);
    }

    /**
     * Waits (bounded) for the warning or breach ({@code type}) of one clock of a case: of work order
     * {@code dispatchId}, or of the case itself when it is null (a case has several clocks, which warn in
     * their own order).
     */
    public <T extends ComplaintEvent> T awaitRaised(Class<T> type, String complaintId, SlaClock clock, String dispatchId,
                                                    Duration timeout) {
        return type.cast(await(e -> type.isInstance(e.event()) && complaintId.equals(e.event().complaintId())
                && raisedOn(e.event(), clock, dispatchId), timeout).event());
    }

    /** Whether a warning or breach is about {@code clock} of {@code dispatchId} (null: of the case). */
    public static boolean raisedOn(ComplaintEvent event, SlaClock clock, String dispatchId) {
        if (event instanceof SlaWarningRaised w) {
            return w.clock() == clock && Objects.equals(w.dispatchId(), dispatchId);
        }
        if (event instanceof SlaBreached b) {
            return b.clock() == clock && Objects.equals(b.dispatchId(), dispatchId);
        }
        return false;
    }

    private Entry toEntry(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), CloudEvents.string(h.value()));
        }
        ComplaintEvent event = null;
        String type = headers.get(CloudEvents.TYPE);
        if (type != null) {
            try {
                event = codec.fromJson(type, r.value());
            } catch (EventDecodingException notAnEvent) {
                // left null: the test sees the raw record
            }
        }
        return new Entry(r.partition(), r.offset(), r.key(), headers, r.value(), event);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
