package com.telco.complaints.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scenario 2: dissatisfied through the operator's fault → redispatched to the supervisor desk → closed. */
@ExtendWith(RunningSuite.class)
@Order(2)
class RedispatchSystemIT {

    private final Doors doors;

    RedispatchSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void aCustomerDissatisfiedThroughTheOperatorsFaultGetsASecondWorkOrderAtTheSupervisorDeskAndTheCaseClosesOnceSatisfied() {
        String complaintId = doors.register(ComplaintBody.network("TZ-HL"));
        Map<String, Object> first = doors.awaitOpenWorkOrder(complaintId, 1);
        String firstId = (String) first.get("dispatchId");
        assertThat(first.get("department")).isEqualTo("network-ops-tz-hl");

        doors.returnWorkOrder(firstId, true);
        doors.awaitPendingSurvey(complaintId, firstId);
        doors.answerSurvey(complaintId, Doors.dissatisfiedAtFault("Still no signal in the evening"));

        // Routing redispatches to the supervisor desk of the department that failed.
        Map<String, Object> second = doors.awaitOpenWorkOrder(complaintId, 2);
        String secondId = (String) second.get("dispatchId");
        assertThat(second.get("department")).isEqualTo("network-ops-supervisor");
        assertThat(second.get("previousDispatchId")).isEqualTo(firstId);
        assertThat(doors.workOrders("network-ops-supervisor", "OPEN")).extracting(w -> w.get("dispatchId"))
                .contains(secondId);

        doors.returnWorkOrder(secondId, true);
        doors.awaitPendingSurvey(complaintId, secondId);
        doors.answerSurvey(complaintId, Doors.satisfied());

        JsonPath closed = await("case " + complaintId + " closed").until(
                () -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        assertThat(closed.getString("closeOutcome")).isEqualTo("SATISFIED");
        assertThat(closed.getInt("attempts")).isEqualTo(2);
        assertThat(closed.getString("department")).isEqualTo("network-ops-supervisor");
        assertThat(closed.getInt("surveysFailed")).isEqualTo(1);
        assertThat(closed.getInt("surveysPassed")).isEqualTo(1);
        assertThat(closed.getList("workOrders.dispatchId")).containsExactly(firstId, secondId);

        // Two RETURN clocks, one per work order, both stopped by their return.
        List<Map<String, Object>> returnClocks = doors.clocks(complaintId).<Map<String, Object>>getList("clocks").stream()
                .filter(c -> "RETURN".equals(c.get("clock"))).toList();
        assertThat(returnClocks).extracting(c -> c.get("dispatchId")).containsExactly(firstId, secondId);
        assertThat(returnClocks).extracting(c -> c.get("state")).containsOnly("STOPPED");
        assertThat(closed.<Map<String, Object>>getList("deadlines").stream().filter(d -> "RETURN".equals(d.get("clock"))))
                .extracting(d -> d.get("dispatchId")).containsExactly(firstId, secondId);

        Doors.Audit audit = await("audit of " + complaintId + " up to its closing").until(
                () -> doors.audit(complaintId), a -> a.names().contains("ComplaintClosed"));
        assertThat(audit.chainValid()).isTrue();
        // The first survey call gives the customer the final answer from the first return (none was given).
        assertThat(audit.lifecycle()).containsExactly("ComplaintRegistered", "Dispatched", "Returned",
                "CustomerContacted", "SurveyFailed", "Redispatched", "Returned", "SurveyPassed", "ComplaintClosed");
        assertThat(audit.slaEvents("SlaClockStarted", "RETURN", firstId)).hasSize(1);
        assertThat(audit.slaEvents("SlaClockStarted", "RETURN", secondId)).hasSize(1);

        // The log itself, raw: each fact once.
        doors.settled().assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1,
                "Dispatched", 1, "Returned", 2, "SurveyFailed", 1, "Redispatched", 1, "SurveyPassed", 1,
                "ComplaintClosed", 1, "CustomerContacted", 1, "SlaClockStarted", 7));
    }
}
