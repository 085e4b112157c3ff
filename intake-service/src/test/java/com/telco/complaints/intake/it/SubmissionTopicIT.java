package com.telco.complaints.intake.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Complaints published on complaint-submissions: registered, deduplicated, or dead-lettered with the reason. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class SubmissionTopicIT {

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

    @Test
    void aSubmissionPublishedTwiceRegistersOneComplaint() {
        String externalId = Bodies.uniqueId();
        byte[] body = Bodies.withExternalRef(externalId).toString().getBytes(StandardCharsets.UTF_8);

        submissions.publish("crm-north", body, Map.of());
        submissions.publish("crm-north", body, Map.of());
        String marker = Bodies.uniqueId();
        submissions.publish("crm-north", Bodies.withExternalRef(marker).toString().getBytes(StandardCharsets.UTF_8),
                Map.of());

        awaitRegistration(marker); // everything published before the marker has been consumed
        assertThat(events.events().stream().filter(e -> e instanceof ComplaintRegistered r && r.externalRef() != null
                && externalId.equals(r.externalRef().id()))).hasSize(1);
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
    }

    @Test
    void deadLettersAreCounted() {
        String key = "publisher-" + Bodies.uniqueId();
        submissions.publish(key, "nope".getBytes(StandardCharsets.UTF_8), Map.of());
        deadLetters.await(e -> key.equals(e.key()), Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                io.restassured.RestAssured.get("/q/metrics").asString())
                .contains("log_dead_lettered_total{reason=\"NOT_JSON\"}"));
    }
}
