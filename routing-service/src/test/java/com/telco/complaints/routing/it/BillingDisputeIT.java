package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.routing.messaging.Projection;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A billing dispute (seed 004) against the real broker and database: dispatched to billing; the PROOF clock's breach
 * (as the SLA service publishes it) earns exactly one provisional refund, whatever is redelivered or reconciled; a proof
 * recorded through the door before the PROOF deadline rules it out, and one after it is refused, whether the breach
 * was read yet or not.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class BillingDisputeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static EventLog log;

    @Inject
    Projection projection;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** A disputing complaint, its PROOF clock (15 days) announced as the SLA service does. */
    private record Dispute(String complaintId, Dispatched dispatched, SlaClockStarted proofClock) {}

    /** A dispute registered 16 days ago: its PROOF deadline passed a day ago. */
    private static Dispute dispute() {
        return dispute(Duration.ofDays(16));
    }

    private static Dispute dispute(Duration registeredAgo) {
        String complaintId = TestEvents.newComplaintId();
        Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(registeredAgo);
        ComplaintRegistered registered = TestEvents.disputing(TestEvents.registered(complaintId, registeredAt),
                TestEvents.BILLING_DISPUTE);
        log.publish(registered);
        SlaClockStarted proofClock = TestEvents.clockStarted(complaintId, SlaClock.PROOF, null, registeredAt,
                Duration.ofDays(15));
        log.publish(proofClock);
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, TIMEOUT).get(0);
        return new Dispute(complaintId, dispatched, proofClock);
    }

    @Test
    void theBreachOfThePROOFClockEarnsOneProvisionalRefundWhateverIsRedelivered() {
        Dispute d = dispute();
        assertThat(d.dispatched().department()).isEqualTo("billing");
        assertThat(d.dispatched().rule()).isEqualTo("billing-dispute");

        SlaBreached breach = TestEvents.breach(d.proofClock());
        log.publish(breach);
        log.publish(breach); // redelivered, as after a restart of the SLA service's relay
        ProvisionalRefundGranted refund = log.await(ProvisionalRefundGranted.class, d.complaintId(), 1, TIMEOUT).get(0);
        assertThat(refund.amountFen()).isEqualTo(1000);
        assertThat(refund.spCode()).isEqualTo("SP901234");
        assertThat(refund.proofDeadline()).isEqualTo(d.proofClock().deadline());
        assertThat(refund.causationId()).isEqualTo(breach.eventId().toString());
        assertThat(QuarkusTransaction.requiringNew().call(() -> projection.reconcile(null, LogApplier.deciding(null))))
                .as("a restart's reconcile owes nothing").isZero();

        Barrier.after(log, d.complaintId(), d.dispatched().dispatchId());
        Callers.agent("billing").get("/work-orders/" + d.dispatched().dispatchId()).then().statusCode(200)
                .body("dispute.spCode", equalTo("SP901234")).body("dispute.serviceName", equalTo("Weather daily"))
                .body("dispute.disputedAmountFen", equalTo(1000)).body("dispute.billingPeriod", equalTo("2026-10"))
                .body("dispute.refundGrantedAt", notNullValue()).body("dispute.refundedFen", equalTo(1000));
        Callers.agent("billing").contentType(ContentType.JSON).body("{ \"summary\": \"too late\" }")
                .post("/work-orders/" + d.dispatched().dispatchId() + "/sp-proof").then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.containsString("proof-refused"));
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(d.complaintId(),
                counts("ProvisionalRefundGranted", 1, "SpProofReceived", 0));
    }

    @Test
    void aProofRecordedBeforeTheDeadlineRulesTheRefundOut() {
        Dispute d = dispute(Duration.ofDays(14)); // its PROOF deadline a day ahead
        String order = "/work-orders/" + d.dispatched().dispatchId();

        Callers.agent("network-ops").contentType(ContentType.JSON).body("{ \"summary\": \"record\" }")
                .post(order + "/sp-proof").then().statusCode(403);
        Callers.agent("billing").contentType(ContentType.JSON).body("{ \"summary\": \"\" }")
                .post(order + "/sp-proof").then().statusCode(400).body("errors[0].field", equalTo("summary"));
        Callers.agent("billing").contentType(ContentType.JSON)
                .body("{ \"summary\": \"订购记录与短信确认 the subscription record and the customer's SMS confirmation\" }")
                .post(order + "/sp-proof").then().statusCode(201).body("dispute.proofReceivedAt", notNullValue());
        SpProofReceived proof = log.await(SpProofReceived.class, d.complaintId(), 1, TIMEOUT).get(0);
        assertThat(proof.actor()).isEqualTo(Callers.agentSubject("billing"));
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body("{ \"summary\": \"again\" }")
                .post(order + "/sp-proof").then().statusCode(409);

        log.publish(TestEvents.breach(d.proofClock())); // as if the SLA service raised it before it read the proof
        Barrier.after(log, d.complaintId(), d.dispatched().dispatchId()); // applied, and the outbox drained
        LogCensus.of(log).assertOneRecordPerEventId()
                .assertCounts(d.complaintId(), counts("SpProofReceived", 1, "ProvisionalRefundGranted", 0));
    }

    @Test
    void aProofRecordedAfterTheDeadlineIsRefusedBeforeTheBreachIsReadAndTheRefundIsGrantedOnce() {
        Dispute d = dispute(); // its PROOF deadline passed a day ago; no breach raised yet (the SLA service behind)
        String order = "/work-orders/" + d.dispatched().dispatchId();
        Barrier.after(log, d.complaintId(), d.dispatched().dispatchId()); // the PROOF clock applied

        Callers.agent("billing").contentType(ContentType.JSON).body("{ \"summary\": \"the subscription record\" }")
                .post(order + "/sp-proof").then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("proof-refused"))
                .body("detail", equalTo("the provider's proof came after the PROOF deadline "
                        + d.proofClock().deadline() + "; the provisional refund is owed"));

        log.publish(TestEvents.breach(d.proofClock()));
        log.await(ProvisionalRefundGranted.class, d.complaintId(), 1, TIMEOUT);
        Outboxes.awaitDrained(); // a barrier's marker is adopted once per order: this one's was used above
        LogCensus.of(log).assertOneRecordPerEventId()
                .assertCounts(d.complaintId(), counts("SpProofReceived", 0, "ProvisionalRefundGranted", 1));
    }

    @Test
    void aComplaintThatDisputesNoChargeTakesNoProof() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, TIMEOUT).get(0);

        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body("{ \"summary\": \"record\" }")
                .post("/work-orders/" + dispatched.dispatchId() + "/sp-proof").then().statusCode(409);
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body("{ \"summary\": \"record\" }")
                .post("/work-orders/NOPE-W1/sp-proof").then().statusCode(404);
    }
}
