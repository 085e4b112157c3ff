package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.testsupport.LogCensus;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 8, the manager hotline (经理热线): a customer who does not accept the explanation is not closed as
 * explained but handed to the hotline, which gets a work order of its own with its RETURN clock, returns it,
 * and the customer is surveyed again.
 */
@ExtendWith(RunningSuite.class)
@Order(8)
class HandoverSystemIT {

    private final Doors doors;

    HandoverSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void aCustomerWhoDoesNotAcceptTheExplanationIsHandedToTheManagerHotlineAndSurveyedAgain() {
        String complaintId = doors.register(ComplaintBody.network(ComplaintBody.uniqueRegion("HOT")));
        String first = (String) doors.awaitOpenWorkOrder(complaintId, 1).get("dispatchId");
        doors.returnWorkOrder(first, false);
        doors.awaitPendingSurvey(complaintId, first);

        Map<String, Object> notAccepted = new LinkedHashMap<>();
        notAccepted.put("reachable", true);
        notAccepted.put("satisfied", false);
        notAccepted.put("reason", "不接受解释 Does not accept that the cell is fine");
        notAccepted.put("operatorAtFault", false);
        notAccepted.put("explanation", "Drive test showed normal coverage");
        notAccepted.put("accepted", false);
        doors.answerSurvey(complaintId, notAccepted);

        Map<String, Object> hotline = doors.awaitOpenWorkOrder(complaintId, 2);
        String hotlineOrder = (String) hotline.get("dispatchId");
        assertThat(hotline.get("department")).isEqualTo("manager-hotline");
        await("RETURN clock of the hotline's work order").atMost(Duration.ofSeconds(30))
                .until(() -> doors.clock(complaintId, "RETURN", hotlineOrder), java.util.Optional::isPresent);

        doors.returnWorkOrder(hotlineOrder, false);
        doors.awaitPendingSurvey(complaintId, hotlineOrder);
        doors.answerSurvey(complaintId, Doors.satisfied());

        JsonPath closed = await("case " + complaintId + " closed").atMost(Duration.ofSeconds(60))
                .until(() -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        assertThat(closed.getString("closeOutcome")).isEqualTo("SATISFIED");
        assertThat(closed.getList("workOrders.department")).endsWith("manager-hotline");

        LogCensus census = doors.settled().assertOneRecordPerEventId().assertCounts(complaintId,
                counts("SurveyFailed", 1, "Redispatched", 1, "SurveyPassed", 1, "ComplaintClosed", 1));
        SurveyFailed failed = census.events(complaintId, SurveyFailed.class).get(0);
        assertThat(failed.handover()).isTrue();
        assertThat(failed.redispatch()).isFalse();
        Redispatched toHotline = census.events(complaintId, Redispatched.class).get(0);
        assertThat(toHotline.rule()).isEqualTo("handover.manager-hotline");
        assertThat(census.events(complaintId, ComplaintClosed.class).get(0).outcome()).isEqualTo(CloseOutcome.SATISFIED);
    }
}
