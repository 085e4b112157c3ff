package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A complaint resolved at the first contact (即时处理) is projected but not dispatched: no work order, no
 * triage. When the survey of the answer given then fails with a redispatch, it gets its first work order by the
 * dispatch rules (or waits for triage when none fits); handed over, its first work order is the manager hotline's.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class FirstContactIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventLog log;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @Test
    void aComplaintResolvedAtTheFirstContactGetsNoWorkOrderUntilItsSurveyFailsWithARedispatch() throws Exception {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registeredAtFirstContact(complaintId, Instant.now()));

        awaitNothingDecided(complaintId, CaseStatus.RESOLVED_AT_FIRST_CONTACT);

        SurveyFailed failed = TestEvents.surveyFailedAtFirstContact(complaintId, Instant.now(), true, false);
        log.publish(failed);
        Dispatched first = log.await(Dispatched.class, complaintId, 1, WAIT).get(0);
        assertThat(first.dispatchId()).isEqualTo(TestEvents.workOrder(complaintId, 1));
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.department()).isEqualTo("network-ops-tz-hl");
        assertThat(first.rule()).isEqualTo("network-tz-hl");
        assertThat(first.causationId()).isEqualTo(failed.eventId().toString());
        Callers.agent("network-ops-tz-hl").get("/work-orders/" + first.dispatchId()).then().statusCode(200)
                .body("attempt", equalTo(1)).body("status", equalTo("OPEN"))
                .body("complaintId", equalTo(complaintId));
        // An ordinary work order: the department returns it.
        Callers.agent(first.department()).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/work-orders/" + first.dispatchId() + "/return").then().statusCode(200);

        Barrier.after(log, complaintId, first.dispatchId());
        assertThat(workOrdersOf(complaintId)).isEqualTo(1);
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1,
                "SurveyFailed", 1, "Dispatched", 1, "AwaitingTriage", 0, "Redispatched", 0, "Returned", 1));
    }

    @Test
    void aCustomerHandedOverAfterTheFirstContactGetsAFirstWorkOrderAtTheManagerHotline() throws Exception {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registeredAtFirstContact(complaintId, Instant.now()));
        awaitNothingDecided(complaintId, CaseStatus.RESOLVED_AT_FIRST_CONTACT);

        SurveyFailed handover = TestEvents.surveyFailedAtFirstContact(complaintId, Instant.now(), false, true);
        log.publish(handover);
        Dispatched toHotline = log.await(Dispatched.class, complaintId, 1, WAIT).get(0);
        assertThat(toHotline.attempt()).isEqualTo(1);
        assertThat(toHotline.department()).isEqualTo("manager-hotline");
        assertThat(toHotline.rule()).isEqualTo("handover.manager-hotline");
        assertThat(toHotline.causationId()).isEqualTo(handover.eventId().toString());
        Callers.agent("manager-hotline").get("/work-orders/" + toHotline.dispatchId()).then().statusCode(200)
                .body("attempt", equalTo(1)).body("department", equalTo("manager-hotline"));

        Barrier.after(log, complaintId, toHotline.dispatchId());
        assertThat(caseState(complaintId).handedOver()).isTrue();
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("Dispatched", 1,
                "AwaitingTriage", 0, "Redispatched", 0));
    }

    @Test
    void aRedispatchAfterTheFirstContactThatNoRuleFitsWaitsForTriage() throws Exception {
        String complaintId = TestEvents.newComplaintId();
        ComplaintRegistered r = TestEvents.registered(complaintId, Instant.now(), Channel.IN_PERSON, Category.SERVICE,
                "SH-PD", CustomerTier.STANDARD, Urgency.NORMAL);
        log.publish(new ComplaintRegistered(r.eventId(), r.complaintId(), r.occurredAt(), r.schemaVersion(),
                r.causationId(), r.actor(), r.channel(), r.category(), r.subcategory(), r.urgency(), r.region(),
                r.customer(), r.description(), r.demand(), r.externalRef(), r.promisedReplyBy(),
                new FirstContactResolution("Explained on the spot", "The service works as agreed"), null));
        awaitNothingDecided(complaintId, CaseStatus.RESOLVED_AT_FIRST_CONTACT);
        assertThat(triage()).noneMatch(t -> complaintId.equals(t.get("complaintId")));

        log.publish(TestEvents.surveyFailedAtFirstContact(complaintId, Instant.now(), true, false));
        log.await(AwaitingTriage.class, complaintId, 1, WAIT);
        await().atMost(WAIT).until(() -> triage().stream().anyMatch(t -> complaintId.equals(t.get("complaintId"))));
        assertThat(log.events(Dispatched.class, complaintId)).isEmpty();

        Callers.as("op-7", Callers.OPERATOR).contentType(ContentType.JSON).body("{ \"department\": \"service-desk\" }")
                .post("/work-orders/triage/" + complaintId + "/dispatch").then().statusCode(200)
                .body("dispatchId", equalTo(TestEvents.workOrder(complaintId, 1))).body("attempt", equalTo(1));
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, WAIT).get(0);
        assertThat(dispatched.rule()).isEqualTo("triage");

        Barrier.after(log, complaintId, dispatched.dispatchId());
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("AwaitingTriage", 1,
                "Dispatched", 1));
    }

    @Test
    void aSatisfiedCustomerAfterTheFirstContactGetsNoWorkOrder() throws Exception {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registeredAtFirstContact(complaintId, Instant.now()));
        log.publish(TestEvents.surveyPassedAtFirstContact(complaintId, Instant.now()));

        awaitNothingDecided(complaintId, CaseStatus.SATISFIED);
    }

    /**
     * Waits until routing projected the case as {@code status} (a decision would have been committed with it), the
     * outbox is drained, and asserts that routing decided nothing for it: no work order, nothing on the log.
     */
    private void awaitNothingDecided(String complaintId, CaseStatus status) throws Exception {
        await("routing projected " + complaintId + " as " + status).atMost(WAIT)
                .until(() -> caseStatus(complaintId), equalTo(status));
        Outboxes.awaitDrained();
        assertThat(workOrdersOf(complaintId)).isZero();
        Callers.as(Callers.OPERATOR).get("/work-orders/" + TestEvents.workOrder(complaintId, 1)).then()
                .statusCode(404);
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1,
                "Dispatched", 0, "AwaitingTriage", 0));
    }

    private CaseStatus caseStatus(String complaintId) throws Exception {
        CaseState state = caseState(complaintId);
        return state == null ? null : state.status();
    }

    /** The case as routing projected it; null when not yet. */
    private CaseState caseState(String complaintId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select state from cases where complaint_id = ?")) {
            s.setString(1, complaintId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? EventJson.mapper().readValue(rs.getString(1), CaseState.class) : null;
            }
        }
    }

    private int workOrdersOf(String complaintId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from work_orders where complaint_id = ?")) {
            s.setString(1, complaintId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<Map<String, Object>> triage() {
        return Callers.as(Callers.OPERATOR).queryParam("size", 1000).get("/work-orders/triage").then().statusCode(200)
                .extract().jsonPath().getList("");
    }
}
