package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.store.ArchiveState;
import com.telco.complaints.contracts.wire.CloudEvents;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The archive checked against the log it was built from, without a rebuild: every record of
 * complaint-events below the positions the archive has applied, read committed, in log order per
 * partition, must be archived under its event id (ce_id) with the same type and data, or have been
 * set aside (parked). Read a poll at a time, so the log is never held in memory; the first record
 * that disagrees ends the comparison and is named.
 */
@ApplicationScoped
public class LogComparison {

    /** How long the log may give nothing while records are still owed before the comparison gives up. */
    private static final Duration STALL = Duration.ofSeconds(30);

    /** The first record of the log the archive disagrees with. */
    public record Disagreement(String complaintId, String eventId, int partition, long offset, String reason) {}

    /**
     * @param recordsRead records of the log compared
     * @param setAside    of them, records parked instead of archived (rightly absent from the archive)
     * @param first       null when the archive agrees with every record read
     */
    public record Result(long recordsRead, long setAside, Disagreement first) {
        public boolean agrees() {
            return first == null;
        }
    }

    @Inject
    ArchiveState state;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @ConfigProperty(name = "complaints.topics.events")
    String topic;

    /** Compares the archive with the log up to {@code positions} (next offset per partition, exclusive). */
    public Result compare(Map<Integer, Long> positions) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-audit-verify");
        long read = 0;
        long setAside = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (var position : positions.entrySet()) {
                TopicPartition tp = new TopicPartition(topic, position.getKey());
                long end = position.getValue();
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long logEnd = consumer.endOffsets(List.of(tp), STALL).getOrDefault(tp, 0L);
                if (logEnd < end) {
                    return new Result(read, setAside, new Disagreement(null, null, tp.partition(), logEnd,
                            "the archive has applied the log up to offset " + end + ", but the log ends at " + logEnd));
                }
                long lastProgress = System.nanoTime();
                while (consumer.position(tp, STALL) < end) {
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() < end) {
                            batch.add(r);
                        }
                    }
                    if (batch.isEmpty()) {
                        if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                            throw new IllegalStateException("reading " + tp + " stalled at offset "
                                    + consumer.position(tp) + " before " + end);
                        }
                        continue;
                    }
                    lastProgress = System.nanoTime();
                    Checked checked = check(tp.partition(), batch);
                    read += checked.compared();
                    setAside += checked.setAside();
                    if (checked.first() != null) {
                        return new Result(read, setAside, checked.first());
                    }
                }
            }
        }
        return new Result(read, setAside, null);
    }

    private record Checked(long compared, long setAside, Disagreement first) {}

    /** One poll's records of one partition against the archive, in log order. */
    private Checked check(int partition, List<ConsumerRecord<String, byte[]>> records) {
        List<UUID> ids = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            UUID id = eventId(r);
            ids.add(id);
        }
        Map<UUID, ArchiveState.Copy> copies = state.copies(ids.stream().filter(java.util.Objects::nonNull).toList());
        List<Long> absent = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (ids.get(i) == null || !copies.containsKey(ids.get(i))) {
                absent.add(records.get(i).offset());
            }
        }
        Set<Long> parked = state.setAside(topic, partition, absent);
        long setAside = 0;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            UUID id = ids.get(i);
            ArchiveState.Copy copy = id == null ? null : copies.get(id);
            String eventId = id == null ? header(r, CloudEvents.ID) : id.toString();
            if (copy == null) {
                if (parked.contains(r.offset())) {
                    setAside++;
                    continue;
                }
                return new Checked(i + 1, setAside, new Disagreement(r.key(), eventId, partition, r.offset(),
                        "on the log but neither archived nor parked"));
            }
            String type = header(r, CloudEvents.TYPE);
            if (!copy.eventType().equals(type)) {
                return new Checked(i + 1, setAside, new Disagreement(copy.complaintId(), eventId, partition, r.offset(),
                        "archived as type " + copy.eventType() + ", on the log as " + type));
            }
            if (!Arrays.equals(copy.data(), r.value())) {
                return new Checked(i + 1, setAside, new Disagreement(copy.complaintId(), eventId, partition, r.offset(),
                        "archived data differs from the log's"));
            }
        }
        return new Checked(records.size(), setAside, null);
    }

    private static UUID eventId(ConsumerRecord<String, byte[]> r) {
        String id = header(r, CloudEvents.ID);
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The last value of a header, as text. */
    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : CloudEvents.string(h.value());
    }
}
