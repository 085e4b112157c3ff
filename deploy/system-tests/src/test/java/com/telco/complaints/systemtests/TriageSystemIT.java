package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.testsupport.LogCensus;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 7, triage (the operator procedures' T3): a complaint no dispatch rule fits waits in routing's
 * triage queue, watched by the SLA service's DISPATCH clock (half a working day), until an operator
 * dispatches it; then it runs like any other: returned, surveyed, closed.
 */
@ExtendWith(RunningSuite.class)
@Order(7)
class TriageSystemIT {

    private final Doors doors;

    TriageSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void aComplaintNoRuleFitsWaitsForAnOperatorUnderTheDispatchClockThenRunsItsCourse() {
        String complaintId = doors.register(ComplaintBody.service(ComplaintBody.uniqueRegion("TRI")));

        Map<String, Object> waiting = await("complaint " + complaintId + " in the triage queue")
                .until(() -> doors.triage().stream().filter(t -> complaintId.equals(t.get("complaintId"))).findFirst(),
                        Optional::isPresent).orElseThrow();
        assertThat((String) waiting.get("reason")).contains("no dispatch rule fits", "category=SERVICE");
        Map<String, Object> dispatchClock = await("DISPATCH clock of " + complaintId)
                .until(() -> doors.clock(complaintId, "DISPATCH", null), Optional::isPresent).orElseThrow();
        assertThat(instant(dispatchClock.get("startedAt"))).isEqualTo(instant(waiting.get("waitingSince")));
        assertThat(((Map<?, ?>) dispatchClock.get("policy")).get("kind")).isEqualTo("WORKING");
        assertThat(dispatchClock.get("stoppedAt")).isNull();
        await("case " + complaintId + " shown in triage").until(() -> doors.caseOf(complaintId),
                c -> "TRIAGE".equals(c.getString("status")));

        Map<String, Object> workOrder = doors.routing().contentType(ContentType.JSON)
                .body(Map.of("department", "service-desk"))
                .post("/work-orders/triage/{complaintId}/dispatch", complaintId)
                .then().statusCode(200).extract().jsonPath().getMap("");
        String dispatchId = (String) workOrder.get("dispatchId");
        assertThat(workOrder.get("department")).isEqualTo("service-desk");
        Instant dispatchedAt = instant(workOrder.get("dispatchedAt"));

        Map<String, Object> stopped = await("DISPATCH clock stopped").until(
                () -> doors.clock(complaintId, "DISPATCH", null).orElseThrow(), c -> c.get("stoppedAt") != null);
        assertThat(instant(stopped.get("stoppedAt"))).isEqualTo(dispatchedAt);
        assertThat(stopped.get("breachRaisedAt")).isNull();
        assertThat(doors.triage()).noneMatch(t -> complaintId.equals(t.get("complaintId")));
        assertThat(doors.workOrders("service-desk", "OPEN")).extracting(w -> w.get("dispatchId")).contains(dispatchId);

        doors.returnWorkOrder(dispatchId, false);
        doors.awaitPendingSurvey(complaintId, dispatchId);
        doors.answerSurvey(complaintId, Doors.satisfied());
        JsonPath closed = await("case " + complaintId + " closed").atMost(Duration.ofSeconds(60))
                .until(() -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        assertThat(closed.getList("workOrders.department")).containsExactly("service-desk");

        LogCensus census = doors.settled().assertOneRecordPerEventId().assertCounts(complaintId,
                counts("AwaitingTriage", 1, "Dispatched", 1, "Returned", 1, "SurveyPassed", 1, "ComplaintClosed", 1));
        Dispatched dispatched = census.events(complaintId, Dispatched.class).get(0);
        assertThat(dispatched.actor()).isEqualTo(Doors.OPERATIONS);
        assertThat(dispatched.rule()).isEqualTo("triage");
        assertThat(census.events(complaintId, AwaitingTriage.class)).hasSize(1);
    }

    private static Instant instant(Object text) {
        return Instant.parse((String) text);
    }
}
