package com.telco.complaints.analytics.it;

import com.telco.complaints.analytics.config.ChainKey;
import com.telco.complaints.analytics.domain.ArchiveDigest;
import com.telco.complaints.analytics.domain.AuditCheckpoint;
import com.telco.complaints.analytics.messaging.CheckpointCheck;
import com.telco.complaints.analytics.messaging.CheckpointTopic;
import com.telco.complaints.analytics.store.ArchiveState;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed checkpoints of the archive (an application start of its own, publishing every second when the
 * archive moved): one follows the archive and none is published while it stands still; a forged one
 * on the topic is reported; an archive restored to an older, self-consistent state (a case deleted
 * whole and its partition's digest and counts moved to match, with the key) passes every check of the
 * database alone but not the checkpoint's nor the log's, and is never signed; a rebuild from the log
 * agrees with the checkpoint published before it.
 */
@QuarkusTest
@TestProfile(CheckpointIT.EverySecond.class)
@QuarkusTestResource(SuiteTestResource.class)
class CheckpointIT {

    /** A start of its own (a fresh archive and topic), checkpointing every second. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("analytics.audit.checkpoint-interval", "PT1S");
        }
    }

    private static final Duration STILL = Duration.ofSeconds(3);
    private static Publisher publisher;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CheckpointTopic topic;
    @Inject
    ArchiveState state;
    @Inject
    ChainKey key;
    @Inject
    CheckpointCheck check;

    @BeforeAll
    static void open() {
        publisher = new Publisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    private static JsonPath verify() {
        return Callers.as(Callers.AUDITOR).get("/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    /** Cases of two events each, archived. */
    private static List<List<ComplaintEvent>> archivedCases(int count) {
        List<List<ComplaintEvent>> cases = new ArrayList<>();
        Instant t = Instant.parse("2026-07-01T08:00:00Z");
        for (int i = 0; i < count; i++) {
            String id = TestEvents.newComplaintId();
            List<ComplaintEvent> events = List.of(TestEvents.registered(id, t),
                    TestEvents.dispatched(id, t.plusSeconds(60), "network-ops"));
            publisher.publishAll(events);
            cases.add(events);
        }
        cases.forEach(events -> Api.awaitArchived(events.get(0).complaintId(), 2));
        return cases;
    }

    /** Waits until the latest checkpoint states the archive as it is now, and returns it. */
    private AuditCheckpoint awaitCheckpointOfTheArchive() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            CheckpointTopic.Entry latest = topic.latest();
            return latest == null ? null : latest.checkpoint();
        }, c -> c != null && c.macValid(key.bytes()) && c.partitions().equals(state.snapshot()));
    }

    /** Asserts for a while that the latest record of the topic stays at {@code sequence}. */
    private void assertNoCheckpointAfter(long sequence) {
        await().during(STILL).atMost(STILL.plusSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> topic.latest().checkpoint().sequence() == sequence);
    }

    @Test
    void aCheckpointFollowsTheArchiveAndNoneIsPublishedWhileItStandsStill() {
        List<List<ComplaintEvent>> cases = archivedCases(3);
        AuditCheckpoint checkpoint = awaitCheckpointOfTheArchive();
        assertThat(checkpoint.events()).isGreaterThanOrEqualTo(6);
        assertThat(checkpoint.partitions()).allSatisfy(p -> assertThat(p.events() == 0 || p.position() > 0).isTrue());

        assertNoCheckpointAfter(checkpoint.sequence());

        JsonPath verified = verify();
        assertThat(verified.getBoolean("valid")).isTrue();
        assertThat(verified.getBoolean("checkpoint.published")).isTrue();
        assertThat(verified.getLong("checkpoint.sequence")).isEqualTo(checkpoint.sequence());
        assertThat(verified.getBoolean("checkpoint.macValid")).isTrue();
        assertThat(verified.getBoolean("checkpoint.agrees")).isTrue();
        assertThat(verified.getInt("checkpoint.partitionsChecked")).isEqualTo(checkpoint.partitions().size());
        assertThat(verified.getBoolean("log.agrees")).isTrue();
        assertThat(verified.getLong("log.recordsRead")).isGreaterThanOrEqualTo(6);
        assertThat(verified.getString("log.firstDisagreement")).isNull();

        // The archive moves: a checkpoint of the next sequence follows it.
        publisher.publish(TestEvents.returned(cases.get(0).get(0).complaintId(), 1,
                Instant.parse("2026-07-01T09:00:00Z"), true));
        Api.awaitArchived(cases.get(0).get(0).complaintId(), 3);
        assertThat(awaitCheckpointOfTheArchive().sequence()).isGreaterThan(checkpoint.sequence());
    }

    @Test
    void aForgedCheckpointIsReportedUntilTheNextGenuineOne() throws Exception {
        archivedCases(1);
        AuditCheckpoint genuine = awaitCheckpointOfTheArchive();
        // Someone who can write to the topic appends a checkpoint that states more than the archive
        // holds, keeping the genuine mac.
        AuditCheckpoint.Partition first = genuine.partitions().get(0);
        List<AuditCheckpoint.Partition> inflated = new ArrayList<>(genuine.partitions());
        inflated.set(0, new AuditCheckpoint.Partition(first.partition(), first.position(), first.cases() + 1,
                first.events() + 2, first.digest()));
        appendToTheTopic(new AuditCheckpoint(AuditCheckpoint.FORMAT, genuine.publishedAt(), genuine.sequence() + 1,
                inflated, genuine.mac()).toJson());

        JsonPath forged = verify();
        assertThat(forged.getBoolean("valid")).isFalse();
        assertThat(forged.getBoolean("checkpoint.macValid")).isFalse();
        assertThat(forged.getBoolean("checkpoint.agrees")).isFalse();
        assertThat(forged.getString("checkpoint.problem")).contains("forged");
        assertThat(forged.getBoolean("log.agrees")).as("the archive itself is sound").isTrue();

        // The publisher follows its last genuine checkpoint, not the forged one: the next is signed again.
        archivedCases(1);
        AuditCheckpoint next = awaitCheckpointOfTheArchive();
        assertThat(next.sequence()).isEqualTo(genuine.sequence() + 1);
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void anOlderSelfConsistentArchiveFailsAgainstTheCheckpointAndTheLogAndARebuildAgreesWithIt() throws Exception {
        List<List<ComplaintEvent>> cases = archivedCases(4);
        AuditCheckpoint before = awaitCheckpointOfTheArchive();

        // As a superuser restoring an older, self-consistent backup would leave it: one case deleted whole
        // (events and head), and its contribution, case and events taken out of its partition's digest.
        ComplaintEvent registered = cases.get(1).get(0);
        String deleted = registered.complaintId();
        int partition;
        int length;
        byte[] head;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select partition, length, head from audit_heads where complaint_id = ?")) {
            s.setString(1, deleted);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                partition = rs.getInt(1);
                length = rs.getInt(2);
                head = rs.getBytes(3);
            }
        }
        byte[] digest;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select digest from audit_digests where partition = ?")) {
            s.setInt(1, partition);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                digest = rs.getBytes(1);
            }
        }
        byte[] contribution = new ArchiveDigest(key.bytes()).contribution(deleted, length, head);
        assertThat(BehindTheArchive.write(dataSource, "delete from audit_events where complaint_id = ?", deleted))
                .isEqualTo(2);
        assertThat(BehindTheArchive.write(dataSource, "delete from audit_heads where complaint_id = ?", deleted))
                .isEqualTo(1);
        assertThat(BehindTheArchive.write(dataSource, "update audit_digests set digest = ?, cases = cases - 1, "
                + "events = events - ? where partition = ?", ArchiveDigest.minus(digest, contribution), length,
                partition)).isEqualTo(1);

        JsonPath restored = verify();
        assertThat(restored.getList("partitions.digestHolds", Boolean.class))
                .as("the database alone adds up").containsOnly(true);
        assertThat(restored.getString("firstBadCase")).isNull();
        assertThat(restored.getBoolean("valid")).isFalse();
        assertThat(restored.getLong("checkpoint.sequence")).isEqualTo(before.sequence());
        assertThat(restored.getBoolean("checkpoint.macValid")).isTrue();
        assertThat(restored.getBoolean("checkpoint.agrees")).isFalse();
        List<Map<String, Object>> disagreements = restored.getList("checkpoint.disagreements");
        assertThat(disagreements).singleElement().satisfies(d -> {
            assertThat(d.get("partition")).isEqualTo(partition);
            assertThat(((Number) d.get("casesFound")).longValue() + 1).isEqualTo(((Number) d.get("casesStated")).longValue());
            assertThat(((Number) d.get("eventsFound")).longValue() + 2).isEqualTo(((Number) d.get("eventsStated")).longValue());
            assertThat(d.get("digestAgrees")).isEqualTo(false);
        });
        assertThat(restored.getBoolean("log.agrees")).isFalse();
        assertThat(restored.getString("log.firstDisagreement.complaintId")).isEqualTo(deleted);
        assertThat(restored.getString("log.firstDisagreement.eventId")).isEqualTo(registered.eventId().toString());
        assertThat(restored.getInt("log.firstDisagreement.partition")).isEqualTo(partition);
        assertThat(restored.getString("log.firstDisagreement.reason")).contains("neither archived nor parked");

        // The publisher does not sign the rewritten archive: the checkpoint before it keeps standing.
        assertNoCheckpointAfter(before.sequence());

        // A rebuild from the log gives the archive back as the checkpoint stated it.
        Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200).extract().jsonPath(),
                p -> "DONE".equals(p.getString("state")));
        // The rebuilt archive holds what the checkpoint before the rewrite stated (a checkpoint may
        // follow the rebuild, whose applied positions are the log's end: it is checked below too).
        assertThat(check.disagreements(before)).isEmpty();
        JsonPath rebuilt = verify();
        assertThat(rebuilt.getLong("checkpoint.sequence")).isGreaterThanOrEqualTo(before.sequence());
        assertThat(rebuilt.getBoolean("checkpoint.agrees")).isTrue();
        assertThat(rebuilt.getBoolean("log.agrees")).isTrue();
        assertThat(rebuilt.getBoolean("valid")).isTrue();
        assertThat(withEvents(state.snapshot())).as("same log, same digests").isEqualTo(withEvents(before.partitions()));
    }

    private static List<AuditCheckpoint.Partition> withEvents(List<AuditCheckpoint.Partition> partitions) {
        return partitions.stream().filter(p -> p.events() > 0).toList();
    }

    private static void appendToTheTopic(byte[] value) throws Exception {
        var config = ConfigProvider.getConfig();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.getValue("complaints.topics.audit-checkpoints", String.class),
                    CheckpointTopic.KEY, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
