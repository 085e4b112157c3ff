package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.survey.it.Cases.WAIT;
import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.surveys;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Input events delivered twice (a publisher's retry after a crash) open one survey, and answers stay answered. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RedeliveryIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /**
     * Waits until survey consumed everything of the case published so far: a SURVEY clock announced
     * last (same key, so same partition, so after everything before it) shows on the task.
     */
    private static void drain(String complaintId, String dispatchId) {
        // Millisecond instants: the task keeps what PostgreSQL keeps (microseconds).
        SlaClockStarted marker = TestEvents.clockStarted(complaintId, SlaClock.SURVEY, dispatchId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Duration.ofHours(8));
        log.publish(marker);
        await().atMost(WAIT).untilAsserted(() -> given().get("/surveys/" + complaintId).then()
                .body("surveyDeadline", equalTo(marker.deadline().toString())));
    }

    private static List<Map<String, Object>> tasksOf(String complaintId) {
        return surveys(null).stream().filter(s -> complaintId.equals(s.get("complaintId"))).toList();
    }

    @Test
    void aReturnDeliveredTwiceOpensOneSurvey() {
        String complaintId = TestEvents.newComplaintId();
        Instant t = Instant.now();
        Returned returned = TestEvents.returned(complaintId, 1, t, true);
        log.publish(TestEvents.registered(complaintId, t));
        log.publish(TestEvents.dispatched(complaintId, t, "network-ops"));

        log.publish(returned);
        log.publish(returned);
        drain(complaintId, returned.dispatchId());

        assertThat(tasksOf(complaintId)).hasSize(1).allSatisfy(task -> assertThat(task)
                .containsEntry("status", "PENDING").containsEntry("dispatchId", returned.dispatchId()));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("events_duplicates_total"));
    }

    @Test
    void aSecondReturnOfTheSameWorkOrderUnderAnotherIdIsRejectedAndOpensNothing() {
        String complaintId = TestEvents.newComplaintId();
        Instant t = Instant.now();
        log.publish(TestEvents.registered(complaintId, t));
        log.publish(TestEvents.dispatched(complaintId, t, "network-ops"));
        log.publish(TestEvents.returned(complaintId, 1, t, true));

        log.publish(TestEvents.returned(complaintId, 1, t.plusSeconds(60), false));
        drain(complaintId, complaintId + "-W1");

        assertThat(tasksOf(complaintId)).hasSize(1).allSatisfy(task -> assertThat(task)
                .containsEntry("operatorAtFault", true));
        given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.containsString("events_rejected_total{reason=\"ALREADY_RETURNED\"}"));
    }

    @Test
    void anAnswerComingBackFromTheLogAgainChangesNothing() {
        String complaintId = Cases.returnedOn(log, 1);
        answer(complaintId, Cases.SATISFIED).statusCode(200);
        List<ComplaintEvent> decided = Cases.settled(log, complaintId, 5).subList(3, 5);

        // As if the relay had crashed after sending but before deleting: the same events again.
        decided.forEach(log::publish);
        drain(complaintId, complaintId + "-W1");

        assertThat(tasksOf(complaintId)).hasSize(1).allSatisfy(task -> assertThat(task)
                .containsEntry("status", "CLOSED").containsEntry("outcome", "SATISFIED"));
        answer(complaintId, Cases.SATISFIED).statusCode(409);
    }
}
