package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes many events to the test application's event log as the other services would (key =
 * complaint id, CloudEvents binary headers), pipelined, and waits for every ack: EventLog sends
 * one at a time, which is slow for the hundreds of events a fixture needs.
 */
final class Publisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final EventCodec codec = EventCodec.standard();

    Publisher() {
        var config = ConfigProvider.getConfig();
        topic = config.getValue("complaints.topics.events", String.class);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    void publish(ComplaintEvent... events) {
        publishAll(List.of(events));
    }

    void publishAll(Collection<? extends ComplaintEvent> events) {
        List<Future<?>> acks = new ArrayList<>(events.size());
        for (ComplaintEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.complaintId(), codec.toJson(event));
            CloudEvents.headers(event, CloudEvents.sourceOf("test"))
                    .forEach((name, value) -> record.headers().add(name, CloudEvents.bytes(value)));
            acks.add(producer.send(record));
        }
        try {
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** Publishes raw bytes with the given headers, e.g. a poison record. */
    void publishRaw(String key, byte[] value, java.util.Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, CloudEvents.bytes(v)));
        try {
            producer.send(record).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
