package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.domain.AuditCheckpoint;
import com.telco.complaints.eventing.log.OnePartitionTopic;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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

    /** A record of the topic: where it sits, and the checkpoint in it (null when it is none). */
    public record Entry(long offset, AuditCheckpoint checkpoint, String unreadable) {}

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @ConfigProperty(name = "complaints.topics.audit-checkpoints")
    String topic;

    private OnePartitionTopic records;

    @PostConstruct
    void open() {
        records = new OnePartitionTopic(kafka, topic, "analytics-audit-checkpoints");
    }

    public String name() {
        return topic;
    }

    /** Appends a checkpoint and waits until every in-sync replica has it. */
    public void publish(AuditCheckpoint checkpoint) throws InterruptedException {
        try {
            records.publish(KEY, checkpoint.toJson());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("publishing checkpoint " + checkpoint.sequence() + " to " + topic,
                    e.getCause() == null ? e : e.getCause());
        }
    }

    /** The last {@code count} records of the topic (fewer when it has fewer), oldest first. */
    public List<Entry> last(int count) {
        return records.last(count).stream().map(CheckpointTopic::entry).toList();
    }

    /** The newest record of the topic, if there is one. */
    public Entry latest() {
        List<Entry> last = last(1);
        return last.isEmpty() ? null : last.get(last.size() - 1);
    }

    private static Entry entry(OnePartitionTopic.Record r) {
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
    void close() {
        records.close();
    }
}
