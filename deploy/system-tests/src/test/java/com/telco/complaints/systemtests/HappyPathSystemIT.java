package com.telco.complaints.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Scenario 1: register → dispatched to the right department → returned → survey satisfied → closed. */
@ExtendWith(RunningSuite.class)
@Order(1)
class HappyPathSystemIT {

    private static final String FIRST_HASH = "0".repeat(64);

    private final Doors doors;

    HappyPathSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void aNetworkComplaintFromTzHlIsDispatchedToTheTzHlNetworkDeskReturnedSurveyedSatisfiedAndClosedWithAValidAuditChain() {
        String complaintId = doors.register(ComplaintBody.network("TZ-HL"));
        doors.intake().get("/complaints/{complaintId}", complaintId).then().statusCode(200)
                .body("complaintId", equalTo(complaintId)).body("category", equalTo("NETWORK"))
                .body("region", equalTo("TZ-HL"));

        // Routing: the work order waits in the queue of the department its rule names.
        Map<String, Object> workOrder = doors.awaitOpenWorkOrder(complaintId, 1);
        String dispatchId = (String) workOrder.get("dispatchId");
        assertThat(workOrder.get("department")).isEqualTo("network-ops-tz-hl");
        assertThat(doors.workOrders("network-ops-tz-hl", "OPEN")).extracting(w -> w.get("dispatchId")).contains(dispatchId);

        // The work order shows the return deadline the SLA service announced: the (shortened) normal limit.
        JsonPath announced = await("return deadline announced on " + dispatchId).until(
                () -> doors.workOrder(dispatchId), w -> w.getString("returnDeadline") != null);
        assertThat(Duration.between(Instant.parse(announced.getString("dispatchedAt")),
                Instant.parse(announced.getString("returnDeadline")))).isEqualTo(SystemUnderTest.RETURN_LIMIT);

        doors.returnWorkOrder(dispatchId, false);
        doors.awaitPendingSurvey(complaintId, dispatchId);
        doors.answerSurvey(complaintId, Doors.satisfied());

        JsonPath closed = await("case " + complaintId + " closed").until(
                () -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        assertThat(closed.getString("closeOutcome")).isEqualTo("SATISFIED");
        assertThat(closed.getString("surveyOutcome")).isEqualTo("PASSED");
        assertThat(closed.getString("department")).isEqualTo("network-ops-tz-hl");
        assertThat(closed.getInt("attempts")).isEqualTo(1);
        assertThat(closed.getList("workOrders.dispatchId")).containsExactly(dispatchId);

        Doors.Audit audit = await("audit of " + complaintId + " up to its closing").until(
                () -> doors.audit(complaintId), a -> a.names().contains("ComplaintClosed"));
        assertThat(audit.chainValid()).isTrue();
        // The survey call gives the customer the final answer from the return first: none was given before.
        assertThat(audit.lifecycle()).containsExactly("ComplaintRegistered", "Dispatched", "Returned",
                "CustomerContacted", "SurveyPassed", "ComplaintClosed");
        List<String> names = audit.names();
        assertThat(audit.slaEvents("SlaClockStarted", "RETURN", dispatchId)).hasSize(1);
        assertThat(audit.slaEvents("SlaClockStarted", "SURVEY", dispatchId)).hasSize(1);
        assertThat(audit.slaEvents("SlaClockStarted", "CASE", null)).hasSize(1);
        assertThat(audit.slaEvents("SlaClockStarted", "CONTACT", null)).hasSize(1);
        assertThat(audit.slaEvents("SlaClockStarted", "ANSWER", null)).hasSize(1);
        assertThat(names.indexOf("SlaClockStarted")).isGreaterThan(names.indexOf("ComplaintRegistered"));
        assertThat(names.lastIndexOf("SlaClockStarted")).isGreaterThan(names.indexOf("Returned"));
        assertThat(audit.count("SlaWarningRaised") + audit.count("SlaBreached")).isZero();
        // Who acted is who the token said, at every door.
        assertThat(audit.actorOf("ComplaintRegistered")).isEqualTo(Doors.PUBLISHER);
        assertThat(audit.actorOf("Returned")).isEqualTo(Doors.agentOf("network-ops-tz-hl"));
        assertThat(audit.actorOf("SurveyPassed")).isEqualTo(Doors.SURVEYOR);
        assertThat(audit.actorOf("CustomerContacted")).isEqualTo(Doors.SURVEYOR);

        // Log order, and every hash links to the one before it.
        List<Map<String, Object>> events = audit.events();
        String previous = FIRST_HASH;
        long previousOffset = -1;
        for (Map<String, Object> event : events) {
            assertThat(event.get("previousHash")).as("previousHash of %s", event.get("name")).isEqualTo(previous);
            assertThat(((Number) event.get("offset")).longValue()).isGreaterThan(previousOffset);
            previous = (String) event.get("hash");
            previousOffset = ((Number) event.get("offset")).longValue();
        }
        assertThat(events).extracting(e -> e.get("partition")).containsOnly(events.get(0).get("partition"));

        // Every clock of the closed case has stopped.
        assertThat(doors.clocks(complaintId).getList("clocks.state", String.class)).containsOnly("STOPPED");

        // The log itself, raw: each fact once, none doubled by a relay or a service deciding twice.
        doors.settled().assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1,
                "Dispatched", 1, "Returned", 1, "CustomerContacted", 1, "SurveyPassed", 1, "ComplaintClosed", 1,
                "SlaClockStarted", 5));
    }
}
