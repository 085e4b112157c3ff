package com.telco.complaints.intake.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class IdempotencyIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static Response post(ObjectNode body, String idempotencyKey) {
        var request = Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).body(body.toString());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/complaints").then().extract().response();
    }

    @Test
    void aRetryWithTheSameKeyGets200AndTheFirstAnswer() {
        String key = Bodies.uniqueId();
        ObjectNode body = Bodies.valid();

        Response first = post(body, key);
        Response retry = post(body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertExactlyOneEventFor(first.path("complaintId"));
    }

    @Test
    void theSameExternalReferenceAgainGets200AndTheFirstAnswer() {
        String ref = Bodies.uniqueId();

        Response first = post(Bodies.withExternalRef(ref), null);
        Response again = post(Bodies.withExternalRef(ref).put("description", "sent again, slightly reworded"), null);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.<String>path("complaintId")).isEqualTo(first.path("complaintId"));
        assertExactlyOneEventFor(first.path("complaintId"));
    }

    @Test
    void aKeyReusedWithAnotherBodyIs422AndRegistersNothingMore() {
        String key = Bodies.uniqueId();
        String complaintId = post(Bodies.valid(), key).then().statusCode(201).extract().path("complaintId");

        Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Bodies.valid().put("description", "a different complaint").toString())
                .post("/complaints").then().statusCode(422).contentType("application/problem+json")
                .body("reason", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertExactlyOneEventFor(complaintId);
    }

    @Test
    void concurrentRequestsWithOneKeyRegisterOneComplaint() throws Exception {
        String key = Bodies.uniqueId();
        ObjectNode body = Bodies.valid();

        List<Response> answers = Concurrently.run(16, () -> post(body, key));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 200);
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        Set<String> ids = answers.stream().map(r -> r.<String>path("complaintId")).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertExactlyOneEventFor(ids.iterator().next());
    }

    @Test
    void concurrentRequestsWithOneExternalReferenceRegisterOneComplaint() throws Exception {
        String ref = Bodies.uniqueId();

        List<Response> answers = Concurrently.run(16, () -> post(Bodies.withExternalRef(ref), Bodies.uniqueId()));

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(15);
        Set<String> ids = answers.stream().map(r -> r.<String>path("complaintId")).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertExactlyOneEventFor(ids.iterator().next());
    }

    /**
     * The barrier after registrations over REST (intake's outbox is empty: what it registered is on the
     * log), then the census: one ComplaintRegistered for the complaint, and no event id intake wrote twice.
     */
    private static void assertExactlyOneEventFor(String complaintId) {
        log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20));
        Outboxes.awaitDrained();
        LogCensus.of(log).assertCounts(complaintId, counts("ComplaintRegistered", 1)).assertOneRecordPerEventId();
    }
}
