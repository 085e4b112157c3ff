package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RedispatchIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** Returns a work order as an agent of its department. */
    private static void returnWorkOrder(String department, String dispatchId) {
        Callers.agent(department).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/work-orders/" + dispatchId + "/return").then().statusCode(200);
    }

    @Test
    void aFailedSurveyIsRedispatchedToTheSupervisorDeskThenToTheEscalationDesk() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        Dispatched first = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        assertThat(first.department()).isEqualTo("network-ops-tz-hl");
        returnWorkOrder(first.department(), first.dispatchId());
        log.await(Returned.class, complaintId, 1, Duration.ofSeconds(30));

        SurveyFailed failedOnce = TestEvents.surveyFailed(complaintId, 1, Instant.now(), true, true);
        log.publish(failedOnce);

        Redispatched second = log.await(Redispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.department()).isEqualTo("network-ops-supervisor");
        assertThat(second.previousDispatchId()).isEqualTo(first.dispatchId());
        assertThat(second.causationId()).isEqualTo(failedOnce.eventId().toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Callers.as(Callers.OPERATOR).get("/work-orders/" + first.dispatchId()).then()
                        .body("status", equalTo("SUPERSEDED")));
        Callers.agent(first.department()).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/work-orders/" + first.dispatchId() + "/return")
                .then().statusCode(409).body("detail", containsString("superseded"));

        returnWorkOrder(second.department(), second.dispatchId());
        log.await(Returned.class, complaintId, 2, Duration.ofSeconds(30));
        log.publish(TestEvents.surveyFailed(complaintId, 2, Instant.now(), true, true));

        Redispatched third = log.await(Redispatched.class, complaintId, 2, Duration.ofSeconds(30)).get(1);
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.department()).isEqualTo("escalation-desk");
        assertThat(third.previousDispatchId()).isEqualTo(second.dispatchId());
        Callers.as(Callers.OPERATOR).get("/work-orders/" + third.dispatchId()).then().statusCode(200)
                .body("attempt", equalTo(3)).body("previousDispatchId", equalTo(second.dispatchId()));
        Barrier.after(log, complaintId, third.dispatchId());
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1,
                "Dispatched", 1, "Returned", 2, "SurveyFailed", 2, "Redispatched", 2, "SlaClockStarted", 1));
    }

    @Test
    void aFailedSurveyWithoutRedispatchGetsNoNewWorkOrder() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        Dispatched first = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        returnWorkOrder(first.department(), first.dispatchId());
        log.await(Returned.class, complaintId, 1, Duration.ofSeconds(30));

        log.publish(TestEvents.surveyFailed(complaintId, 1, Instant.now(), false, false));
        Barrier.after(log, complaintId, first.dispatchId());

        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1,
                "Dispatched", 1, "Returned", 1, "SurveyFailed", 1, "SlaClockStarted", 1));
    }
}
