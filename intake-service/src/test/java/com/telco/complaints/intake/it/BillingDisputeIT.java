package com.telco.complaints.intake.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.BillingDispute;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * A BUSINESS complaint that disputes a service provider's charge (seed 004), through both doors: registered with
 * its billingDispute on ComplaintRegistered v3 and shown as accepted, part of what an idempotency key stands for,
 * and refused field by field when it breaks a rule.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class BillingDisputeIT {

    private static final BillingDispute DISPUTE = new BillingDispute("SP901234", "天气预报 daily weather", 1000,
            "2026-10");

    private static EventLog log;
    private static EventLog submissions;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
        submissions = EventLog.of("complaints.topics.submissions");
    }

    @AfterAll
    static void closeLog() {
        log.close();
        submissions.close();
    }

    private static Response post(ObjectNode body, String idempotencyKey) {
        return Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body.toString()).post("/complaints").then().extract().response();
    }

    @Test
    void aDisputedChargeIsRegisteredOnTheLogAndShownAsAccepted() {
        String complaintId = post(Bodies.disputing(Bodies.uniqueId()), Bodies.uniqueId()).then().statusCode(201)
                .extract().path("complaintId");

        EventLog.Entry entry = log.await(e -> complaintId.equals(e.key()), Duration.ofSeconds(20));
        assertThat(entry.header("ce_type")).isEqualTo("complaint.registered.v3");
        assertThat(((ComplaintRegistered) entry.event()).billingDispute()).isEqualTo(DISPUTE);
        for (String role : new String[] {Callers.SUBMITTER, Callers.OPERATOR, Callers.AUDITOR}) {
            Callers.as(role).get("/complaints/" + complaintId).then().statusCode(200)
                    .body("billingDispute.spCode", equalTo("SP901234"))
                    .body("billingDispute.serviceName", equalTo("天气预报 daily weather"))
                    .body("billingDispute.disputedAmountFen", equalTo(1000))
                    .body("billingDispute.billingPeriod", equalTo("2026-10"));
        }
        Outboxes.awaitDrained();
        LogCensus.of(log).assertCounts(complaintId, counts("ComplaintRegistered", 1)).assertOneRecordPerEventId();
    }

    @Test
    void aComplaintWithoutADisputeShowsNone() {
        String complaintId = post(Bodies.valid(), Bodies.uniqueId()).then().statusCode(201).extract().path("complaintId");

        Callers.as(Callers.AUDITOR).get("/complaints/" + complaintId).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("billingDispute")));
        assertThat(log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20)).get(0).billingDispute())
                .isNull();
    }

    @Test
    void theDisputeIsPartOfWhatAnIdempotencyKeyStandsFor() {
        String key = Bodies.uniqueId();
        String ref = Bodies.uniqueId();
        Response first = post(Bodies.disputing(ref), key);
        assertThat(first.statusCode()).isEqualTo(201);

        Response retry = post(Bodies.disputing(ref), key);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.<String>path("complaintId")).isEqualTo(first.path("complaintId"));

        ObjectNode otherAmount = Bodies.disputing(ref);
        ((ObjectNode) otherAmount.get("billingDispute")).put("disputedAmountFen", 2000);
        post(otherAmount, key).then().statusCode(422).contentType("application/problem+json")
                .body("reason", equalTo("IDEMPOTENCY_KEY_REUSED"));
        ObjectNode withoutDispute = Bodies.disputing(ref);
        withoutDispute.remove("billingDispute");
        post(withoutDispute, key).then().statusCode(422).body("reason", equalTo("IDEMPOTENCY_KEY_REUSED"));

        String complaintId = first.path("complaintId");
        log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20));
        Outboxes.awaitDrained();
        LogCensus.of(log).assertCounts(complaintId, counts("ComplaintRegistered", 1)).assertOneRecordPerEventId();
    }

    @Test
    void aDisputeOutsideABusinessComplaintAndEveryWrongPartAreNamedInOne400() {
        ObjectNode body = Bodies.disputing(Bodies.uniqueId());
        ((ObjectNode) body.get("billingDispute")).put("spCode", "sp-901").put("serviceName", "")
                .put("disputedAmountFen", 10.5).put("billingPeriod", "2999-01");

        post(body, Bodies.uniqueId()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("billingDispute.spCode", "billingDispute.serviceName",
                        "billingDispute.disputedAmountFen", "billingDispute.billingPeriod"));

        post(Bodies.disputing(Bodies.uniqueId()).put("category", "NETWORK"), Bodies.uniqueId()).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("billingDispute"));
    }

    @Test
    void theSubmissionsTopicTakesADisputeByTheSameRules() {
        String externalId = Bodies.uniqueId();
        submissions.publish("crm-billing", Bodies.disputing(externalId).toString().getBytes(StandardCharsets.UTF_8),
                Map.of());

        ComplaintRegistered registered = (ComplaintRegistered) log.await(e -> e.event() instanceof ComplaintRegistered r
                && r.externalRef() != null && externalId.equals(r.externalRef().id()), Duration.ofSeconds(30)).event();
        assertThat(registered.billingDispute()).isEqualTo(DISPUTE);
        assertThat(registered.actor()).isEqualTo("crm-billing");
    }
}
