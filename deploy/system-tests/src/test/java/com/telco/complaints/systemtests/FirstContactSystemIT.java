package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.testsupport.LogCensus;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 9, resolution at the first contact (即时处理, DB3212/T 1102-2022 Annex A): a complaint solved during the
 * first call is registered with what was done and said, gets no work order, has its CONTACT and ANSWER clocks met
 * at registration, and goes straight to the survey; a customer dissatisfied through the operator's fault then gets
 * the case's first work order.
 */
@ExtendWith(RunningSuite.class)
@Order(9)
class FirstContactSystemIT {

    private static final String MEASURES = "Reset the APN on the call; the customer confirmed the signal is back";
    private static final String EXPLANATION = "The phone's update had reset its APN; no network fault";

    private final Doors doors;

    FirstContactSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void aComplaintResolvedAtTheFirstContactIsNeverDispatchedHasItsCustomerClocksMetAndClosesAtTheSurvey() {
        String region = ComplaintBody.uniqueRegion("FCR");
        Response registered = doors.intake().contentType(ContentType.JSON)
                .body(ComplaintBody.network(region).resolvedAtFirstContact(MEASURES, EXPLANATION).json())
                .post("/complaints");
        registered.then().statusCode(201);
        assertThat(registered.<Boolean>path("resolvedAtFirstContact")).isTrue();
        String complaintId = registered.path("complaintId");
        Instant registeredAt = Instant.parse(registered.path("registeredAt"));

        // The customer desk surveys the answer given at the first contact: no work order, attempt 0.
        await("survey of the first contact of " + complaintId + " pending").until(() -> {
            Response survey = doors.survey().get("/surveys/{complaintId}", complaintId);
            return survey.statusCode() == 200 && "PENDING".equals(survey.path("status"))
                    && survey.path("dispatchId") == null && Integer.valueOf(0).equals(survey.path("attempt"));
        });
        // CONTACT and ANSWER were met at registration; the SURVEY clock of the first contact runs.
        Map<String, Object> survey = await("SURVEY clock of " + complaintId)
                .until(() -> doors.clock(complaintId, "SURVEY", null), Optional::isPresent).orElseThrow();
        assertThat(instant(survey.get("startedAt"))).isEqualTo(registeredAt);
        assertThat(survey.get("stoppedAt")).isNull();
        for (String kind : new String[] {"CONTACT", "ANSWER"}) {
            Map<String, Object> met = await(kind + " clock of " + complaintId)
                    .until(() -> doors.clock(complaintId, kind, null), Optional::isPresent).orElseThrow();
            assertThat(instant(met.get("stoppedAt"))).as(kind + " met at registration").isEqualTo(registeredAt);
            assertThat(met.get("warningRaisedAt")).isNull();
            assertThat(met.get("breachRaisedAt")).isNull();
        }
        JsonPath shown = await("case " + complaintId + " in analytics").until(() -> doors.caseOf(complaintId),
                c -> "RESOLVED_AT_FIRST_CONTACT".equals(c.getString("status")));
        assertThat(shown.getString("resolvedAtFirstContact.measures")).isEqualTo(MEASURES);
        assertThat(shown.getList("workOrders")).isEmpty();
        assertThat(doors.workOrders(null, null)).noneMatch(w -> complaintId.equals(w.get("complaintId")));
        assertThat(doors.triage()).noneMatch(t -> complaintId.equals(t.get("complaintId")));

        doors.answerSurvey(complaintId, Doors.satisfied());

        JsonPath closed = await("case " + complaintId + " closed").atMost(Duration.ofSeconds(60))
                .until(() -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        assertThat(closed.getString("closeOutcome")).isEqualTo("SATISFIED");
        Map<String, Object> surveyed = await("SURVEY clock stopped").until(
                () -> doors.clock(complaintId, "SURVEY", null).orElseThrow(), c -> c.get("stoppedAt") != null);
        assertThat(surveyed.get("breachRaisedAt")).isNull();
        Map<String, Object> kpis = await("first-contact rate of " + region).until(() -> doors.analytics()
                .queryParam("groupBy", "region").get("/kpis").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("groups").stream().filter(g -> region.equals(g.get("group")))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(((Number) kpis.get("firstContactResolutionRate")).doubleValue()).isEqualTo(1.0);

        LogCensus census = doors.settled().assertOneRecordPerEventId().assertCounts(complaintId,
                counts("ComplaintRegistered", 1, "Dispatched", 0, "AwaitingTriage", 0, "Returned", 0,
                        "SurveyPassed", 1, "ComplaintClosed", 1));
        assertThat(census.events(complaintId, ComplaintRegistered.class).get(0).resolvedAtFirstContact().measures())
                .isEqualTo(MEASURES);
        SurveyPassed passed = census.events(complaintId, SurveyPassed.class).get(0);
        assertThat(passed.dispatchId()).isNull();
        assertThat(passed.attempt()).isZero();
        assertThat(census.events(complaintId, ComplaintClosed.class).get(0).dispatchId()).isNull();
    }

    @Test
    void aCustomerDissatisfiedWithTheFirstContactsAnswerThroughTheOperatorsFaultGetsTheCasesFirstWorkOrder() {
        String complaintId = doors.register(ComplaintBody.network(ComplaintBody.uniqueRegion("FCW"))
                .resolvedAtFirstContact(MEASURES, EXPLANATION));
        await("survey of the first contact of " + complaintId + " pending").until(() -> {
            Response survey = doors.survey().get("/surveys/{complaintId}", complaintId);
            return survey.statusCode() == 200 && "PENDING".equals(survey.path("status"));
        });

        doors.answerSurvey(complaintId, Doors.dissatisfiedAtFault("The signal dropped again the next morning"));

        Map<String, Object> workOrder = doors.awaitOpenWorkOrder(complaintId, 1);
        String dispatchId = (String) workOrder.get("dispatchId");
        Map<String, Object> returnClock = await("RETURN clock of " + dispatchId)
                .until(() -> doors.clock(complaintId, "RETURN", dispatchId), Optional::isPresent).orElseThrow();
        assertThat(returnClock.get("stoppedAt")).isNull();
        doors.returnWorkOrder(dispatchId, true);
        doors.awaitPendingSurvey(complaintId, dispatchId);
        doors.answerSurvey(complaintId, Doors.satisfied());
        await("case " + complaintId + " closed").atMost(Duration.ofSeconds(60))
                .until(() -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));

        LogCensus census = doors.settled().assertOneRecordPerEventId().assertCounts(complaintId,
                counts("SurveyFailed", 1, "Dispatched", 1, "Redispatched", 0, "Returned", 1, "SurveyPassed", 1,
                        "ComplaintClosed", 1));
        SurveyFailed failed = census.events(complaintId, SurveyFailed.class).get(0);
        assertThat(failed.dispatchId()).isNull();
        assertThat(failed.redispatch()).isTrue();
        Dispatched dispatched = census.events(complaintId, Dispatched.class).get(0);
        assertThat(dispatched.attempt()).isEqualTo(1);
        assertThat(dispatched.causationId()).isEqualTo(failed.eventId().toString());
    }

    private static Instant instant(Object text) {
        return Instant.parse((String) text);
    }
}
