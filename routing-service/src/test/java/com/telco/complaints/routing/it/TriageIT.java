package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A complaint no dispatch rule fits (routing ships no fallback department) waits in the triage queue,
 * with the reason, until an operator dispatches it; the work order is then the department's like any
 * other, and the fact is on the log once.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class TriageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** A service complaint outside TZ-HL: no shipped rule fits it. */
    private static String unmatched() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now(), Channel.IN_PERSON, Category.SERVICE, "SH-PD",
                CustomerTier.STANDARD, Urgency.NORMAL));
        log.await(AwaitingTriage.class, complaintId, 1, WAIT);
        await().atMost(WAIT).until(() -> triage().stream().anyMatch(t -> complaintId.equals(t.get("complaintId"))));
        return complaintId;
    }

    private static List<Map<String, Object>> triage() {
        return Callers.as(Callers.OPERATOR).queryParam("size", 1000).get("/work-orders/triage").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    private static ValidatableResponse dispatch(RequestSpecification caller, String complaintId, String body) {
        return caller.contentType(ContentType.JSON).body(body)
                .post("/work-orders/triage/" + complaintId + "/dispatch").then();
    }

    @Test
    void aComplaintNoRuleFitsWaitsWithTheReasonUntilAnOperatorDispatchesIt() {
        String complaintId = unmatched();

        Map<String, Object> waiting = triage().stream().filter(t -> complaintId.equals(t.get("complaintId")))
                .findFirst().orElseThrow();
        assertThat(waiting).containsEntry("category", "SERVICE").containsEntry("region", "SH-PD")
                .containsEntry("channel", "IN_PERSON").doesNotContainKey("customer");
        assertThat((String) waiting.get("reason")).contains("no dispatch rule fits", "category=SERVICE");
        AwaitingTriage triaged = log.events(AwaitingTriage.class, complaintId).get(0);
        assertThat(waiting.get("waitingSince")).isEqualTo(triaged.occurredAt().toString());
        assertThat(log.events(Dispatched.class, complaintId)).isEmpty();

        dispatch(Callers.as("op-7", Callers.OPERATOR), complaintId, "{ \"department\": \"service-desk\" }")
                .statusCode(200).body("dispatchId", equalTo(complaintId + "-W1"))
                .body("department", equalTo("service-desk")).body("status", equalTo("OPEN"));

        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, WAIT).get(0);
        assertThat(dispatched.actor()).isEqualTo("op-7");
        assertThat(dispatched.rule()).isEqualTo("triage");
        assertThat(dispatched.department()).isEqualTo("service-desk");
        assertThat(triage()).noneMatch(t -> complaintId.equals(t.get("complaintId")));
        Callers.agent("service-desk").get("/work-orders/" + dispatched.dispatchId()).then().statusCode(200);
        Outboxes.awaitDrained();
        Barrier.after(log, complaintId, dispatched.dispatchId());
        LogCensus.of(log).assertOneRecordPerEventId()
                .assertCounts(complaintId, counts("AwaitingTriage", 1, "Dispatched", 1));
    }

    @Test
    void aComplaintIsDispatchedFromTriageOnceAndOnlyToAKnownDepartmentByAnOperator() {
        String complaintId = unmatched();

        dispatch(Callers.as(Callers.OPERATOR), complaintId, "{ \"department\": \"nowhere\" }").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("department"));
        dispatch(Callers.as(Callers.OPERATOR), complaintId, "{ }").statusCode(400)
                .body("errors[0].field", equalTo("department"));
        dispatch(Callers.agent("service-desk"), complaintId, "{ \"department\": \"service-desk\" }").statusCode(403);
        dispatch(Callers.as(Callers.OPERATOR), "NO-SUCH-COMPLAINT", "{ \"department\": \"service-desk\" }")
                .statusCode(404);
        Callers.agent("service-desk").get("/work-orders/triage").then().statusCode(403);

        dispatch(Callers.as(Callers.OPERATOR), complaintId, "{ \"department\": \"billing\" }").statusCode(200);
        dispatch(Callers.as(Callers.OPERATOR), complaintId, "{ \"department\": \"service-desk\" }").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("billing"));

        String byRule = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(byRule, Instant.now()));
        log.await(Dispatched.class, byRule, 1, WAIT);
        dispatch(Callers.as(Callers.OPERATOR), byRule, "{ \"department\": \"billing\" }").statusCode(409);

        Outboxes.awaitDrained();
        Barrier.after(log, complaintId, complaintId + "-W1");
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("Dispatched", 1));
        assertThat(log.events(Dispatched.class, complaintId).get(0).department()).isEqualTo("billing");
    }

    @Test
    void theQueueIsOldestFirstWithItsTotal() {
        String older = unmatched();
        String newer = unmatched();

        var response = Callers.as(Callers.AUDITOR).queryParam("size", 1000).get("/work-orders/triage").then()
                .statusCode(200);
        List<String> ids = response.extract().jsonPath().getList("complaintId");
        assertThat(ids.indexOf(older)).isLessThan(ids.indexOf(newer));
        assertThat(Long.parseLong(response.extract().header("X-Total-Count"))).isEqualTo(ids.size());
    }
}
