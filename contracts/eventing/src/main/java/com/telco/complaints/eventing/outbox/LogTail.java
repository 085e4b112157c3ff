package com.telco.complaints.eventing.outbox;

import com.telco.complaints.contracts.wire.CloudEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Which rows waiting in an outbox are on the log already: those of the batch a relay committed to
 * Kafka just before it died, before it could delete them. A relay that takes over asks, after its
 * producer has fenced the one before (whose open transaction is then committed or aborted for good).
 *
 * <p>It reads, committed records only, every partition of the topics the rows go to, from a little
 * before the oldest waiting row was written (a record's time is when its relay sent it, which is
 * after the row was committed; {@link #CLOCK_SKEW} allows for the database's clock and the relay's
 * disagreeing) to the end of the partition as it stands when asked, waiting, where another
 * producer's transaction is open, until it has ended. A row is on the log when a record carries its
 * event id ({@code ce_id}), or, for a record without one (a dead letter), the row's own id in the
 * {@value #ROW_HEADER} header.
 */
final class LogTail {

    /** The header that names the outbox row of a record that has no event id: {@code <relay>:<row id>}. */
    static final String ROW_HEADER = "outbox-row";
    /** How far the database's clock and a relay's may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private LogTail() {}

    static String rowHeader(String relayName, long id) {
        return relayName + ":" + id;
    }

    /** The ids of the waiting rows that are on the log. */
    static Set<Long> onLog(Map<String, Object> kafka, String eventsTopic, String relayName, Outbox.Backlog backlog,
                           Duration timeout) throws InterruptedException {
        if (backlog.rows().isEmpty()) {
            return Set.of();
        }
        Map<UUID, Long> byEvent = new HashMap<>();
        Map<String, Long> byHeader = new HashMap<>();
        Set<String> topics = new HashSet<>();
        for (Outbox.Waiting row : backlog.rows()) {
            topics.add(row.topic() == null ? eventsTopic : row.topic());
            if (row.eventId() != null) {
                byEvent.put(row.eventId(), row.id());
            } else {
                byHeader.put(rowHeader(relayName, row.id()), row.id());
            }
        }
        long since = backlog.oldest().minus(CLOCK_SKEW).toEpochMilli();
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Long> found = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka, relayName); Admin admin = Admin.create(kafka)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, timeout).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, Long> end = highWatermarks(admin, partitions, timeout);
            Map<TopicPartition, Long> from = new HashMap<>();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since));
            consumer.offsetsForTimes(query, timeout).forEach((tp, at) -> {
                if (at != null && at.offset() < end.get(tp)) {
                    from.put(tp, at.offset());
                }
            });
            if (from.isEmpty()) {
                return found;
            }
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            while (!from.keySet().stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the log's tail could not be read within " + timeout
                            + " (a transaction of another producer open for that long?)");
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Long id = match(r, byEvent, byHeader);
                    if (id != null) {
                        found.add(id);
                    }
                }
            }
        }
        return found;
    }

    private static Long match(ConsumerRecord<byte[], byte[]> r, Map<UUID, Long> byEvent, Map<String, Long> byHeader) {
        Header eventId = r.headers().lastHeader(CloudEvents.ID);
        if (eventId != null && !byEvent.isEmpty()) {
            try {
                Long id = byEvent.get(UUID.fromString(CloudEvents.string(eventId.value())));
                if (id != null) {
                    return id;
                }
            } catch (IllegalArgumentException notAUuid) {
                // someone else's record
            }
        }
        Header row = r.headers().lastHeader(ROW_HEADER);
        return row == null ? null : byHeader.get(CloudEvents.string(row.value()));
    }

    /** The end of each partition counting records of transactions still open (which must end before it is read). */
    private static Map<TopicPartition, Long> highWatermarks(Admin admin, List<TopicPartition> partitions, Duration timeout)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("reading the ends of " + partitions, e);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> kafka, String relayName) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, relayName + "-takeover");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
