package com.telco.complaints.eventing.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.complaints.contracts.wire.CloudEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes notes (see {@link NotesHandler}) to the test application's log, as another service
 * would: key = the note's key, CloudEvents headers, JSON body. Every {@link #publish} is one Kafka
 * transaction, so the application's read_committed consumer sees its records all at once, in one
 * poll batch.
 */
public final class NoteLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A note to publish: v1 by default, on the partition of its key unless one is given, from a
     * producer other than the test application unless {@link #own()}.
     */
    public record Spec(String key, int version, String text, byte[] body, Integer partition, boolean fromApp) {

        public Spec version(int v) {
            return new Spec(key, v, text, body, partition, fromApp);
        }

        public Spec on(int p) {
            return new Spec(key, version, text, body, p, fromApp);
        }

        /** The record's value as given, instead of the note's JSON. */
        public Spec body(byte[] value) {
            return new Spec(key, version, text, value, partition, fromApp);
        }

        /** As if the test application had decided the note itself: its own {@code ce_source}. */
        public Spec own() {
            return new Spec(key, version, text, body, partition, true);
        }
    }

    /** Where a published note sits on the log. */
    public record Sent(String key, int partition, long offset, String eventId) {}

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    private NoteLog(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "eventing-test-notes-" + UUID.randomUUID());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** The log of the running test application. */
    public static NoteLog open() {
        return new NoteLog(TestApp.bootstrapServers(), TestApp.eventsTopic());
    }

    public static Spec note(String key, String text) {
        return new Spec(key, 1, text, null, null, false);
    }

    /** Publishes the notes in one Kafka transaction, in this order, and says where each landed. */
    public List<Sent> publish(Spec... notes) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        producer.beginTransaction();
        for (Spec note : notes) {
            String id = UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, note.partition(), note.key(),
                    note.body() != null ? note.body() : json(note));
            headers(id, note).forEach((name, value) -> record.headers().add(name, CloudEvents.bytes(value)));
            acks.add(producer.send(record));
            ids.add(id);
        }
        producer.commitTransaction();
        List<Sent> sent = new ArrayList<>();
        try {
            for (int i = 0; i < notes.length; i++) {
                RecordMetadata m = acks.get(i).get(30, TimeUnit.SECONDS);
                sent.add(new Sent(notes[i].key(), m.partition(), m.offset(), ids.get(i)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing notes to " + topic + " failed", e);
        }
        return sent;
    }

    private static Map<String, String> headers(String id, Spec note) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.SPEC_VERSION, "1.0");
        headers.put(CloudEvents.ID, id);
        headers.put(CloudEvents.TYPE, NotesHandler.type(note.version()));
        headers.put(CloudEvents.SOURCE, note.fromApp() ? CloudEvents.sourceOf(TestApp.applicationName()) : "/eventing-test/note-log");
        headers.put(CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return headers;
    }

    private static byte[] json(Spec note) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("key", note.key());
        body.put("text", note.text());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
