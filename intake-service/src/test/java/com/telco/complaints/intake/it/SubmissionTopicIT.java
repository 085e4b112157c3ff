package com.telco.complaints.intake.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.intake.messaging.Submissions;
import com.telco.complaints.testsupport.DatabaseOutage;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Metrics;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Complaints published on complaint-submissions: registered, deduplicated, or dead-lettered with the
 * reason. The door never stops: a key or an idempotency-key header that breaks the rules is
 * dead-lettered, a submission that arrives while the database is away is registered once it is
 * back, and the valid submissions after them are registered.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class SubmissionTopicIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Submissions door;

    private static EventLog submissions;
    private static EventLog deadLetters;
    private static EventLog events;

    @BeforeAll
    static void open() {
        submissions = EventLog.of("complaints.topics.submissions");
        deadLetters = EventLog.of("complaints.topics.submissions-dlq");
        events = EventLog.ofEvents();
    }

    @AfterAll
    static void close() {
        submissions.close();
        deadLetters.close();
        events.close();
    }

    private static ComplaintRegistered awaitRegistration(String externalId) {
        return (ComplaintRegistered) events.await(e -> e.event() instanceof ComplaintRegistered r
                && r.externalRef() != null && externalId.equals(r.externalRef().id()), Duration.ofSeconds(30)).event();
    }

    @Test
    void aValidSubmissionIsRegisteredWithThePublisherAsActor() {
        String externalId = Bodies.uniqueId();

        submissions.publish("crm-north", Bodies.withExternalRef(externalId).toString().getBytes(StandardCharsets.UTF_8),
                Map.of("idempotency-key", externalId));

        ComplaintRegistered registered = awaitRegistration(externalId);
        assertThat(registered.actor()).isEqualTo("crm-north");
        assertThat(registered.causationId()).isEqualTo("idempotency-key:" + externalId);
        assertThat(registered.customer().phone()).isEqualTo("13812345678");
    }

    /**
     * A same-key barrier for the submissions door: a marker submission with the record key of what the
     * test published (so on the same partition of complaint-submissions, read after it). Once the
     * marker's registration is on the log, intake applied everything before it; once its outbox is
     * empty, everything it wrote meanwhile (registrations, dead letters) is on the log.
     */
    private static void barrierAfter(String key) {
        String marker = Bodies.uniqueId();
        submissions.publish(key, body(marker), Map.of());
        awaitRegistration(marker);
        Outboxes.awaitDrained();
    }

    /** The census: no event id intake wrote twice, and one complaint registered, once, for what matches. */
    private static void assertRegisteredOnce(String what, Predicate<ComplaintRegistered> match) {
        LogCensus census = LogCensus.of(events);
        List<String> complaints = events.events().stream().filter(e -> e instanceof ComplaintRegistered r
                && match.test(r)).map(ComplaintEvent::complaintId).distinct().toList();
        assertThat(complaints).as("complaints registered for %s", what).hasSize(1);
        census.assertCounts(complaints.get(0), counts("ComplaintRegistered", 1)).assertOneRecordPerEventId();
    }

    private static void assertRegisteredOnce(String externalId) {
        assertRegisteredOnce(externalId, r -> r.externalRef() != null && externalId.equals(r.externalRef().id()));
    }

    @Test
    void aSubmissionPublishedTwiceRegistersOneComplaint() {
        String externalId = Bodies.uniqueId();
        byte[] body = Bodies.withExternalRef(externalId).toString().getBytes(StandardCharsets.UTF_8);

        submissions.publish("crm-north", body, Map.of());
        submissions.publish("crm-north", body, Map.of());
        barrierAfter("crm-north");

        assertRegisteredOnce(externalId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON                   | NOT_JSON: not JSON          | <complaint>no signal</complaint>",
            "wrong schema               | INVALID: channel: is required | {\"complaint\": \"no signal\", \"region\": \"TZ-HL\"}",
            "wrong enum                 | INVALID: channel: must be one of | {\"channel\": \"CARRIER_PIGEON\", \"category\": \"NETWORK\", \"region\": \"TZ-HL\", \"customer\": {\"name\": \"W\", \"phone\": \"13812345678\"}, \"description\": \"x\"}",
            "outside the business scope | HANDSET_REPAIR:             | {\"channel\": \"HOTLINE\", \"category\": \"SERVICE\", \"subcategory\": \"handset-repair\", \"region\": \"TZ-HL\", \"customer\": {\"name\": \"W\", \"phone\": \"13812345678\"}, \"description\": \"x\"}",
            "empty                      | NOT_JSON:                   | ''",
    })
    void aRecordThatCannotBeAcceptedGoesToTheDeadLetterQueueAndTheNextOneIsStillRegistered(
            String kind, String reason, String value) {
        String key = "publisher-" + Bodies.uniqueId();
        byte[] poison = value.getBytes(StandardCharsets.UTF_8);

        submissions.publish(key, poison, Map.of("trace", "t-1"));
        String nextId = Bodies.uniqueId();
        submissions.publish(key, Bodies.withExternalRef(nextId).toString().getBytes(StandardCharsets.UTF_8), Map.of());

        EventLog.Entry dead = deadLetters.await(e -> key.equals(e.key()), Duration.ofSeconds(30));
        assertThat(dead.value()).as("the original bytes").isEqualTo(poison);
        assertThat(dead.header("dead-letter-reason")).startsWith(reason);
        assertThat(dead.header("dead-letter-topic")).startsWith("complaint-submissions");
        assertThat(dead.header("dead-letter-partition")).isNotBlank();
        assertThat(Long.parseLong(dead.header("dead-letter-offset"))).isGreaterThanOrEqualTo(0);
        assertThat(dead.header("trace")).as("the original headers are kept").isEqualTo("t-1");
        assertThat(awaitRegistration(nextId).actor()).isEqualTo(key);
        // The next submission (same key, so read after the poison) is on the log: the barrier is the outbox.
        Outboxes.awaitDrained();
        assertThat(deadLetters.entries().stream().filter(e -> key.equals(e.key()))).as("dead letters of %s", key)
                .hasSize(1);
        assertRegisteredOnce(nextId);
    }

    @Test
    void eachDeadLetterIsCountedOnceByItsReason() {
        String key = "publisher-" + Bodies.uniqueId();
        double notJson = Metrics.counter("log_dead_lettered_total", "reason", "NOT_JSON");

        submissions.publish(key, "nope".getBytes(StandardCharsets.UTF_8), Map.of());
        barrierAfter(key);

        deadLetters.await(e -> key.equals(e.key()), WAIT);
        // Counted once the transaction that dead-lettered it committed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Metrics.counter("log_dead_lettered_total",
                "reason", "NOT_JSON")).as("NOT_JSON dead letters, %s before", notJson).isGreaterThanOrEqualTo(notJson + 1));
        assertThat(Metrics.counter("log_dead_lettered_total", "reason", "NOT_JSON"))
                .as("NOT_JSON dead letters, %s before", notJson).isEqualTo(notJson + 1);
    }

    @Test
    void aMegabyteKeyAndANulInTheIdempotencyKeyAreDeadLetteredAndTheNextSubmissionIsRegistered() {
        String megabyteKey = "k".repeat(1_000_000);
        String nulTag = Bodies.uniqueId();
        submissions.publish(megabyteKey, body(Bodies.uniqueId()), Map.of("trace", "big-key"));
        submissions.publish("crm-north", body(Bodies.uniqueId()), Map.of("idempotency-key", "abc\0def", "trace", nulTag));
        String next = Bodies.uniqueId();
        submissions.publish("crm-north", body(next), Map.of());

        EventLog.Entry big = deadLetters.await(e -> "big-key".equals(e.header("trace")), WAIT);
        assertThat(big.header("dead-letter-reason")).startsWith("INVALID_KEY: the record key has 1000000 characters");
        assertThat(big.key()).as("a key too large to be kept on the log").isNull();
        assertThat(big.header("dead-letter-key")).startsWith("kkkk").contains("(1000000 characters)");
        EventLog.Entry nul = deadLetters.await(e -> nulTag.equals(e.header("trace")), WAIT);
        assertThat(nul.header("dead-letter-reason")).startsWith("INVALID_IDEMPOTENCY_KEY: the idempotency-key header "
                + "contains U+0000");
        assertThat(nul.key()).isEqualTo("crm-north");
        assertThat(awaitRegistration(next).actor()).isEqualTo("crm-north");
    }

    @Test
    void aSubmissionArrivingWhileTheDatabaseIsAwayIsRegisteredOnceItIsBack() {
        String during = Bodies.uniqueId();
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            submissions.publish("crm-south", body(during), Map.of());
            // Intake read it and cannot apply it: its health reports the failure it retries.
            await("intake retrying while the database is away").atMost(WAIT).until(() -> given()
                    .get("/q/health/ready").then().extract().jsonPath()
                    .getString("checks.find { it.name == 'event log' }.data.retrying") != null);
            assertThat(registrations(during)).isEmpty();
        }
        assertThat(awaitRegistration(during).actor()).isEqualTo("crm-south");
        barrierAfter("crm-south");
        assertRegisteredOnce(during);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aSubmissionWithoutKeyOrReferenceDeliveredAgainRegistersOnce() {
        String description = "delivered twice " + Bodies.uniqueId();
        byte[] value = Bodies.valid().put("description", description).toString().getBytes(StandardCharsets.UTF_8);
        // The same record (topic, partition, offset) applied twice, as a redelivery after a crash would.
        LogRecord record = new LogRecord("complaint-submissions-redelivered", 0, 42L, "crm-east", List.of(), value);
        Submissions.Submission submission = door.read(record);
        for (int delivery = 0; delivery < 2; delivery++) {
            QuarkusTransaction.requiringNew().run(() -> door.apply(List.of(submission), LogApplier.deciding(null)));
        }
        await().atMost(WAIT).until(() -> events.events().stream().anyMatch(e -> e instanceof ComplaintRegistered r
                && description.equals(r.description())));
        // Both deliveries were applied and committed here: the barrier is the outbox.
        Outboxes.awaitDrained();
        assertRegisteredOnce(description, r -> description.equals(r.description()));
    }

    private static byte[] body(String externalId) {
        return Bodies.withExternalRef(externalId).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<ComplaintRegistered> registrations(String externalId) {
        return events.events().stream().filter(e -> e instanceof ComplaintRegistered r && r.externalRef() != null
                && externalId.equals(r.externalRef().id())).map(ComplaintRegistered.class::cast).toList();
    }
}
