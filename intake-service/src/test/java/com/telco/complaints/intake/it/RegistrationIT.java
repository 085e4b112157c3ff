package com.telco.complaints.intake.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Urgency;
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
import java.time.Instant;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RegistrationIT {

    private static EventLog log;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @Test
    void aValidComplaintIsNumberedAndExactlyOneComplaintRegisteredGoesOnTheLog() {
        Response created = Callers.as("hotline-agent-7", Callers.SUBMITTER).contentType(ContentType.JSON)
                .header("X-Submitted-By", "hotline-agent-7")
                .body(Bodies.valid().toString())
                .post("/complaints").then().statusCode(201)
                .body("complaintId", matchesPattern("\\d{8}-\\d{8}"))
                .extract().response();
        String complaintId = created.path("complaintId");
        assertThat(created.header("Location")).endsWith("/complaints/" + complaintId);
        Instant registeredAt = Instant.parse(created.path("registeredAt"));
        assertThat(Instant.parse(created.path("promisedReplyBy"))).isEqualTo(registeredAt.plus(Duration.ofHours(48)));

        EventLog.Entry entry = log.await(e -> complaintId.equals(e.key()), Duration.ofSeconds(20));
        ComplaintRegistered event = (ComplaintRegistered) entry.event();
        assertThat(entry.header("ce_specversion")).isEqualTo("1.0");
        assertThat(entry.header("ce_type")).isEqualTo("complaint.registered.v3");
        assertThat(entry.header("ce_source")).isEqualTo("/complaint-suite/intake-service");
        assertThat(entry.header("ce_subject")).isEqualTo(complaintId);
        assertThat(entry.header("ce_id")).isEqualTo(event.eventId().toString());
        assertThat(entry.header("ce_time")).isEqualTo(registeredAt.toString());
        assertThat(entry.header("content-type")).isEqualTo("application/json");
        assertThat(event.complaintId()).isEqualTo(complaintId);
        assertThat(event.occurredAt()).isEqualTo(registeredAt);
        assertThat(event.actor()).isEqualTo("hotline-agent-7");
        assertThat(event.customer().phone()).isEqualTo("13812345678");
        assertThat(event.description()).isEqualTo("家里从周一起没有信号 📵 No signal at home since Monday");
        assertThat(event.channel()).isEqualTo(Channel.HOTLINE);

        Outboxes.awaitDrained();
        LogCensus.of(log).assertCounts(complaintId, counts("ComplaintRegistered", 1)).assertOneRecordPerEventId();
    }

    @Test
    void theRegistrationCanBeReadBackAsAccepted() {
        String complaintId = Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON)
                .body(Bodies.valid().toString()).post("/complaints")
                .then().statusCode(201).extract().path("complaintId");

        Callers.as(Callers.SUBMITTER).get("/complaints/" + complaintId).then().statusCode(200)
                .body("complaintId", equalTo(complaintId))
                .body("customer.phone", equalTo("13812345678"))
                .body("customer.name", equalTo("王丽 Wang Li"))
                .body("description", equalTo("家里从周一起没有信号 📵 No signal at home since Monday"))
                .body("urgency", equalTo("NORMAL"))
                .body("registeredBy", equalTo(Callers.subject(Callers.SUBMITTER)));
    }

    @Test
    void aRegulatorTransferIsRegisteredAsUrgentWithTheShorterPromise() {
        ObjectNode body = Bodies.valid().put("channel", "REGULATOR").put("urgency", "NORMAL");

        Response created = Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).body(body.toString())
                .post("/complaints").then().statusCode(201).extract().response();
        String complaintId = created.path("complaintId");

        assertThat(Instant.parse(created.path("promisedReplyBy")))
                .isEqualTo(Instant.parse(created.path("registeredAt")).plus(Duration.ofHours(24)));
        ComplaintRegistered event = log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20)).get(0);
        assertThat(event.urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void aComplaintResolvedAtTheFirstContactIsRegisteredWithWhatWasDoneAndSaid() {
        ObjectNode body = Bodies.valid();
        body.putObject("resolvedAtFirstContact").put("measures", "Reset the APN on the call")
                .put("explanation", "A stale APN after the phone's update; signal is back");

        String complaintId = Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).body(body.toString())
                .post("/complaints").then().statusCode(201)
                .body("resolvedAtFirstContact", equalTo(true))
                .extract().path("complaintId");

        ComplaintRegistered event = log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20)).get(0);
        assertThat(event.resolvedOnTheSpot()).isTrue();
        assertThat(event.resolvedAtFirstContact().explanation())
                .isEqualTo("A stale APN after the phone's update; signal is back");
        Callers.as(Callers.AUDITOR).get("/complaints/" + complaintId).then().statusCode(200)
                .body("resolvedAtFirstContact.explanation", equalTo("A stale APN after the phone's update; signal is back"));
    }

    @Test
    void aResolutionAtTheFirstContactWithoutItsMeasuresIsRefusedAndNamed() {
        ObjectNode body = Bodies.valid();
        body.putObject("resolvedAtFirstContact").put("explanation", "Explained");

        Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).body(body.toString())
                .post("/complaints").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("resolvedAtFirstContact.measures"));
    }

    @Test
    void aComplaintStoredBeforeTheSecondVersionOfItsRegistrationIsStillRead() throws Exception {
        String complaintId = "20261101-" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000);
        ObjectNode v1 = (ObjectNode) com.telco.complaints.contracts.wire.EventJson.mapper().readTree(
                com.telco.complaints.contracts.wire.EventCodec.standard().toJson(
                        com.telco.complaints.testsupport.TestEvents.registered(complaintId,
                                Instant.parse("2026-11-01T02:00:00Z"))));
        v1.put("schemaVersion", 1);
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement insert = c.prepareStatement("insert into complaints (complaint_id, "
                     + "registered_at, fingerprint, registration) values (?, '2026-11-01T02:00:00Z', 'v1', ?)")) {
            insert.setString(1, complaintId);
            insert.setString(2, v1.toString());
            insert.executeUpdate();
        }

        Callers.as(Callers.AUDITOR).get("/complaints/" + complaintId).then().statusCode(200)
                .body("complaintId", equalTo(complaintId))
                .body("description", equalTo("No signal at home 家里没有信号"))
                .body("resolvedAtFirstContact", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anUnknownComplaintIs404ProblemJson() {
        Callers.as(Callers.AUDITOR).get("/complaints/20991231-99999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found"));
    }
}
