package com.telco.complaints.intake.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.intake.messaging.Submissions;
import com.telco.complaints.testsupport.DatabaseOutage;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The submissions door never stops: a key or an idempotency-key header that breaks the rules is
 * dead-lettered with the reason, a submission that arrives while the database is away is registered
 * once it is back, and the valid submissions after them are registered.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class SubmissionDoorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventLog submissions;
    private static EventLog deadLetters;
    private static EventLog events;

    @Inject
    Submissions door;

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
        assertThat(registered(next).actor()).isEqualTo("crm-north");
    }

    @Test
    void aSubmissionArrivingWhileTheDatabaseIsAwayIsRegisteredOnceItIsBack() {
        String during = Bodies.uniqueId();
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            submissions.publish("crm-south", body(during), Map.of());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> registrations(during).isEmpty());
        }
        assertThat(registered(during).actor()).isEqualTo("crm-south");
        String after = Bodies.uniqueId();
        submissions.publish("crm-south", body(after), Map.of());
        registered(after);
        assertThat(registrations(during)).hasSize(1);
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
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> events.events().stream()
                .filter(e -> e instanceof ComplaintRegistered r && description.equals(r.description())).count() == 1);
    }

    private static byte[] body(String externalId) {
        return Bodies.withExternalRef(externalId).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ComplaintRegistered registered(String externalId) {
        return (ComplaintRegistered) events.await(e -> e.event() instanceof ComplaintRegistered r
                && r.externalRef() != null && externalId.equals(r.externalRef().id()), WAIT).event();
    }

    private static List<ComplaintRegistered> registrations(String externalId) {
        return events.events().stream().filter(e -> e instanceof ComplaintRegistered r && r.externalRef() != null
                && externalId.equals(r.externalRef().id())).map(ComplaintRegistered.class::cast).toList();
    }
}
