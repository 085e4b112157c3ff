package com.telco.complaints.analytics.it;

import com.telco.complaints.analytics.domain.DisputeSummary;
import com.telco.complaints.analytics.store.DisputeStore;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Billing disputes of service providers' charges (seed 004) as analytics shows them, for the period
 * [2034-02-01T00:00Z, 2034-02-02T00:00Z) (d(n) = 2034-02-01T00:00Z + n hours):
 * <pre>
 *  case  SP        registered  what happened
 *  A1    SPITA001  d(1)        refunded 1200 fen at d(20) (the refund delivered twice)
 *  A2    SPITA001  d(2)        the SP proved the charge at d(5)
 *  A3    SPITA001  d(3)        open
 *  B1    SPITB002  d(4)        refunded 300 fen at d(30), after the period: it counts (a cohort)
 *  X1    SPITA001  02-02 00:00 registered at `to`: outside the period
 * </pre>
 * SPITA001: complaints 3, disputes 3, refunds 1 (1200 fen), proofs 1, 20,000 subscribers configured
 * (%test.analytics.sp-subscribers) → 1.5 per 10,000; SPITB002: 1, 1, 1 (300 fen), 0, no subscribers → null.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class SpKpiIT {

    private static final Instant D = Instant.parse("2034-02-01T00:00:00Z");
    private static final String FROM = "2034-02-01T00:00:00Z";
    private static final String TO = "2034-02-02T00:00:00Z";
    private static final BillingDispute SP_A = new BillingDispute("SPITA001", "Weather daily", 1200, "2034-01");
    private static final BillingDispute SP_B = new BillingDispute("SPITB002", "Ringtone club", 300, "2034-01");

    private static Publisher publisher;
    private static final Map<String, Integer> published = new LinkedHashMap<>();
    private static String a1;
    private static String a2;

    @Inject
    DisputeStore disputes;

    private static Instant d(int hours) {
        return D.plus(Duration.ofHours(hours));
    }

    private static ComplaintRegistered disputing(String id, Instant at, BillingDispute dispute) {
        return TestEvents.disputing(TestEvents.registered(id, at), dispute);
    }

    private static SpProofReceived proof(String id, BillingDispute dispute, Instant at) {
        return new SpProofReceived(EventIds.of(EventType.SP_PROOF_RECEIVED, id), id, at,
                EventType.SP_PROOF_RECEIVED.currentVersion(), null, "billing-agent-1", TestEvents.workOrder(id, 1),
                dispute.spCode(), "Subscription record");
    }

    private static ProvisionalRefundGranted refund(String id, BillingDispute dispute, Instant at) {
        return new ProvisionalRefundGranted(EventIds.of(EventType.PROVISIONAL_REFUND_GRANTED, id), id, at,
                EventType.PROVISIONAL_REFUND_GRANTED.currentVersion(), null, TestEvents.ROUTING, dispute.spCode(),
                dispute.serviceName(), dispute.disputedAmountFen(), dispute.billingPeriod(), at.minusSeconds(60));
    }

    private static void publish(ComplaintEvent... events) {
        publisher.publish(events);
        published.merge(events[0].complaintId(), events.length, Integer::sum);
    }

    @BeforeEach
    void publishTheFixture() {
        if (!published.isEmpty()) {
            return;
        }
        publisher = new Publisher();
        a1 = TestEvents.newComplaintId();
        ProvisionalRefundGranted a1Refund = refund(a1, SP_A, d(20));
        publish(disputing(a1, d(1), SP_A), TestEvents.dispatched(a1, d(1), "billing"), a1Refund);
        publisher.publish(a1Refund); // a redelivery, archived once and counted once
        a2 = TestEvents.newComplaintId();
        publish(disputing(a2, d(2), SP_A), TestEvents.dispatched(a2, d(2), "billing"), proof(a2, SP_A, d(5)));
        String a3 = TestEvents.newComplaintId();
        publish(disputing(a3, d(3), SP_A));
        String b1 = TestEvents.newComplaintId();
        publish(disputing(b1, d(4), SP_B), refund(b1, SP_B, d(30)));
        String x1 = TestEvents.newComplaintId();
        publish(disputing(x1, Instant.parse(TO), SP_A), refund(x1, SP_A, Instant.parse(TO).plusSeconds(60)));
        published.forEach(Api::awaitApplied);
    }

    @AfterAll
    static void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private static JsonPath spKpis(String from, String to) {
        String body = as(OPERATOR).queryParam("from", from).queryParam("to", to).get("/kpis/sp").then().statusCode(200)
                .extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void eachProvidersComplaintsDisputesRefundsAndProofsAreCountedMostComplaintsFirst() {
        JsonPath report = spKpis(FROM, TO);

        assertThat(report.getString("from")).isEqualTo(FROM);
        assertThat(report.getList("providers.spCode")).containsExactly("SPITA001", "SPITB002");
        Map<String, Object> a = report.getMap("providers[0]");
        assertThat(a).containsEntry("complaints", 3).containsEntry("disputes", 3).containsEntry("refunds", 1)
                .containsEntry("refundedFen", 1200).containsEntry("proofs", 1)
                .containsEntry("subscribers", 20000).containsEntry("complaintsPer10k", 1.5);
        Map<String, Object> b = report.getMap("providers[1]");
        assertThat(b).containsEntry("complaints", 1).containsEntry("disputes", 1).containsEntry("refunds", 1)
                .containsEntry("refundedFen", 300).containsEntry("proofs", 0)
                .containsEntry("subscribers", null).containsEntry("complaintsPer10k", null);
        // Auditors read the KPIs too; a period with no dispute has no provider.
        as(AUDITOR).queryParam("from", "2034-03-01T00:00:00Z").queryParam("to", "2034-03-02T00:00:00Z")
                .get("/kpis/sp").then().statusCode(200).body("providers.size()", equalTo(0));
    }

    @Test
    void theCaseShowsItsDisputeAndHowItEnded() {
        JsonPath refunded = Api.caseView(a1);
        assertThat(refunded.getMap("billingDispute")).containsEntry("spCode", "SPITA001")
                .containsEntry("serviceName", "Weather daily").containsEntry("amountFen", 1200)
                .containsEntry("billingPeriod", "2034-01").containsEntry("proofReceivedAt", null)
                .containsEntry("refundGrantedAt", d(20).toString()).containsEntry("refundedFen", 1200);
        JsonPath proved = Api.caseView(a2);
        assertThat(proved.getMap("billingDispute")).containsEntry("proofReceivedAt", d(5).toString())
                .containsEntry("refundGrantedAt", null).containsEntry("refundedFen", 0);
        assertThat(proved.getString("incident")).isNull();
    }

    @Test
    void theMonthlyReportsDisputeSummaryCountsTheDisputesOfThePeriod() {
        DisputeSummary summary = disputes.disputesRegisteredBetween(Instant.parse(FROM), Instant.parse(TO));

        assertThat(summary.disputes()).isEqualTo(4);
        assertThat(summary.refunds()).isEqualTo(2);
        assertThat(summary.refundedFen()).isEqualTo(1500);
        assertThat(summary.proofs()).isEqualTo(1);
        assertThat(summary.perSp()).extracting(f -> f.spCode()).containsExactly("SPITA001", "SPITB002");
    }

    @Test
    void aWrongPeriodIsA400AsForTheKpis() {
        as(OPERATOR).queryParam("from", TO).queryParam("to", FROM).get("/kpis/sp").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        as(OPERATOR).queryParam("from", "March").get("/kpis/sp").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(OPERATOR).queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2025-01-02T00:00:01Z")
                .get("/kpis/sp").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
