package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.Metrics;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.telco.complaints.survey.it.Cases.WAIT;
import static com.telco.complaints.survey.it.Cases.afterAnswers;
import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.awaitSurvey;
import static com.telco.complaints.survey.it.Cases.returnedOn;
import static com.telco.complaints.survey.it.Cases.surveys;
import static com.telco.complaints.survey.it.Cases.typesOnTheLog;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every way a survey answer ends, checked on the log and in the survey queue. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class SurveyOutcomesIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** The complaint's pending survey as the queue lists it. */
    private static Map<String, Object> pending(String complaintId) {
        return surveys("PENDING").stream().filter(s -> complaintId.equals(s.get("complaintId"))).findFirst()
                .orElseThrow();
    }

    private static List<String> pendingIds() {
        return surveys("PENDING").stream().map(s -> (String) s.get("complaintId")).toList();
    }

    @Test
    void aReturnedWorkOrderOpensAPendingSurveyWithWhatTheAgentNeeds() {
        String complaintId = returnedOn(log, 1);

        Map<String, Object> task = pending(complaintId);
        assertThat(task).containsEntry("dispatchId", complaintId + "-W1").containsEntry("attempt", 1)
                .containsEntry("status", "PENDING").containsEntry("category", "NETWORK")
                .containsEntry("resolution", "RESOLVED").containsEntry("operatorAtFault", true)
                .containsEntry("faultOf", "DEPARTMENT").containsEntry("accountable", "crew 4")
                .containsEntry("returnedBy", "agent-1").containsEntry("unreachableCount", 0)
                .doesNotContainKeys("outcome", "answer", "surveyDeadline");
        assertThat(task.get("customer")).isEqualTo(Map.of("name", "王丽 Wang Li", "phone", "13812345678",
                "tier", "STANDARD"));
        assertThat(task.get("result")).isEqualTo(Map.of("reconstruction", "Base station lost power",
                "customerDemand", "Stable signal", "problemFound", "Battery failed", "measures", "Battery replaced"));
    }

    @Test
    void theSurveyDeadlineShowsOnceTheSlaServiceAnnouncedIt() {
        String complaintId = returnedOn(log, 1);
        Instant returnedAt = Instant.parse(Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then()
                .extract().path("returnedAt"));
        SlaClockStarted clock = TestEvents.clockStarted(complaintId, SlaClock.SURVEY, complaintId + "-W1", returnedAt,
                Duration.ofHours(8));

        log.publish(clock);

        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then()
                .body("surveyDeadline", equalTo(clock.deadline().toString()))
                .body("warnAt", equalTo(clock.warnAt().toString())));
    }

    @Test
    void aSatisfiedCustomerPassesTheSurveyAndTheCaseClosesSatisfied() {
        String complaintId = returnedOn(log, 1);
        String dispatchId = complaintId + "-W1";
        Instant answeredAt = Instant.parse("2026-11-25T09:30:00.123Z");
        TestClock.CLOCK.set(answeredAt.plusNanos(456_789)); // the events keep milliseconds

        answer(complaintId, Cases.SATISFIED).statusCode(200).body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("SATISFIED")).body("answer.surveyedBy", equalTo(Cases.SURVEYOR))
                .body("answeredAt", equalTo(answeredAt.toString()));

        List<ComplaintEvent> events = afterAnswers(log, complaintId, counts("SurveyPassed", 1, "ComplaintClosed", 1,
                "SurveyFailed", 0, "CustomerUnreachable", 0, "CustomerContacted", 1));
        assertThat(typesOnTheLog(log, complaintId)).containsExactly(EventType.COMPLAINT_REGISTERED,
                EventType.DISPATCHED, EventType.RETURNED, EventType.CUSTOMER_CONTACTED, EventType.SURVEY_PASSED,
                EventType.COMPLAINT_CLOSED);
        SurveyPassed passed = (SurveyPassed) events.get(4);
        assertThat(passed.eventId()).isEqualTo(EventIds.of(EventType.SURVEY_PASSED, dispatchId));
        assertThat(passed.dispatchId()).isEqualTo(dispatchId);
        assertThat(passed.attempt()).isEqualTo(1);
        assertThat(passed.actor()).isEqualTo(Cases.SURVEYOR);
        assertThat(passed.causationId()).startsWith("request:");
        assertThat(passed.occurredAt()).isEqualTo(answeredAt);
        assertThat(events.get(3).occurredAt()).as("the answer given at the call").isEqualTo(answeredAt);
        assertThat(events.get(5).occurredAt()).isEqualTo(answeredAt);
        ComplaintClosed closed = (ComplaintClosed) events.get(5);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.SATISFIED);
        assertThat(closed.eventId()).isEqualTo(EventIds.of(EventType.COMPLAINT_CLOSED, complaintId));
        assertThat(closed.causationId()).isEqualTo(passed.causationId());
        EventLog.Entry entry = log.await(e -> passed.eventId().equals(e.event() == null ? null : e.event().eventId()),
                WAIT);
        assertThat(entry.key()).isEqualTo(complaintId);
        assertThat(entry.header(CloudEvents.TYPE)).isEqualTo("complaint.survey-passed.v2");
        assertThat(entry.header(CloudEvents.SOURCE)).isEqualTo("/complaint-suite/survey-service");
        assertThat(entry.header(CloudEvents.SUBJECT)).isEqualTo(complaintId);

        assertThat(pendingIds()).doesNotContain(complaintId);
        assertThat(surveys("CLOSED")).anySatisfy(s -> assertThat(s).containsEntry("complaintId", complaintId)
                .containsEntry("outcome", "SATISFIED"));
    }

    @Test
    void aComplaintResolvedAtTheFirstContactIsSurveyedOnTheAnswerGivenThenAndClosesWithoutAWorkOrder() {
        String complaintId = TestEvents.newComplaintId();
        Instant registeredAt = Instant.parse("2026-11-25T08:00:00Z");
        log.publish(TestEvents.registeredAtFirstContact(complaintId, registeredAt));
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then()
                .statusCode(200).body("status", equalTo("PENDING")).body("attempt", equalTo(0))
                .body("dispatchId", nullValue()).body("returnedAt", equalTo(registeredAt.toString()))
                .body("result.measures", equalTo("Reset the customer's network settings on the call")));
        assertThat(surveys("PENDING")).anySatisfy(t -> assertThat(t).containsEntry("complaintId", complaintId));
        Instant answeredAt = Instant.parse("2026-11-25T10:00:00Z");
        TestClock.CLOCK.set(answeredAt);

        answer(complaintId, Cases.SATISFIED).statusCode(200).body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("SATISFIED")).body("dispatchId", nullValue())
                .body("answeredAt", equalTo(answeredAt.toString()));

        List<ComplaintEvent> events = afterAnswers(log, complaintId, counts("SurveyPassed", 1, "ComplaintClosed", 1,
                "CustomerContacted", 0, "Dispatched", 0));
        assertThat(typesOnTheLog(log, complaintId)).containsExactly(EventType.COMPLAINT_REGISTERED,
                EventType.SURVEY_PASSED, EventType.COMPLAINT_CLOSED);
        SurveyPassed passed = (SurveyPassed) events.get(1);
        assertThat(passed.dispatchId()).isNull();
        assertThat(passed.attempt()).isZero();
        assertThat(passed.eventId()).isEqualTo(EventIds.of(EventType.SURVEY_PASSED, complaintId));
        assertThat(((ComplaintClosed) events.get(2)).outcome()).isEqualTo(CloseOutcome.SATISFIED);
        answer(complaintId, Cases.SATISFIED).statusCode(409);
    }

    @Test
    void dissatisfiedThroughTheOperatorsFaultIsFailedWithRedispatchAndTheNextReturnOpensANewSurvey() {
        String complaintId = returnedOn(log, 1);

        answer(complaintId, Cases.AT_FAULT).statusCode(200).body("status", equalTo("ANSWERED"))
                .body("outcome", equalTo("REDISPATCHED")).body("answer.reason", equalTo("Still no signal"))
                .body("answer.operatorAtFault", equalTo(true));

        List<ComplaintEvent> events = afterAnswers(log, complaintId, counts("SurveyFailed", 1, "SurveyPassed", 0,
                "CustomerUnreachable", 0, "ComplaintClosed", 0, "CustomerContacted", 1));
        assertThat(typesOnTheLog(log, complaintId)).containsExactly(EventType.COMPLAINT_REGISTERED,
                EventType.DISPATCHED, EventType.RETURNED, EventType.CUSTOMER_CONTACTED, EventType.SURVEY_FAILED);
        SurveyFailed failed = (SurveyFailed) events.get(4);
        assertThat(failed.redispatch()).isTrue();
        assertThat(failed.operatorAtFault()).isTrue();
        assertThat(failed.reason()).isEqualTo("Still no signal");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.eventId()).isEqualTo(EventIds.of(EventType.SURVEY_FAILED, complaintId + "-W1"));
        assertThat(pendingIds()).doesNotContain(complaintId);

        // Routing redispatches; the department returns the second work order.
        log.publish(TestEvents.redispatched(complaintId, 2, Instant.now(), "network-ops-supervisor"));
        log.publish(TestEvents.returned(complaintId, 2, Instant.now(), true));

        awaitSurvey(complaintId, "PENDING", 2);
        assertThat(surveys(null).stream().filter(s -> complaintId.equals(s.get("complaintId"))))
                .extracting(s -> s.get("dispatchId") + " " + s.get("status") + " " + s.get("outcome"))
                .containsExactly(complaintId + "-W1 ANSWERED REDISPATCHED", complaintId + "-W2 PENDING null");
    }

    @Test
    void dissatisfiedWithoutTheOperatorsFaultIsExplainedAndClosed() {
        String complaintId = returnedOn(log, 1);

        answer(Callers.as("sv-4", Callers.SURVEYOR), complaintId, Cases.NOT_AT_FAULT).statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("EXPLAINED"))
                .body("answer.explanation", equalTo("Explained the coverage plan; offered 1 GB extra"));

        List<ComplaintEvent> events = afterAnswers(log, complaintId, counts("SurveyFailed", 1, "ComplaintClosed", 1,
                "SurveyPassed", 0, "CustomerUnreachable", 0, "CustomerContacted", 1));
        assertThat(typesOnTheLog(log, complaintId)).containsExactly(EventType.COMPLAINT_REGISTERED,
                EventType.DISPATCHED, EventType.RETURNED, EventType.CUSTOMER_CONTACTED, EventType.SURVEY_FAILED,
                EventType.COMPLAINT_CLOSED);
        SurveyFailed failed = (SurveyFailed) events.get(4);
        assertThat(failed.redispatch()).isFalse();
        assertThat(failed.operatorAtFault()).isFalse();
        assertThat(failed.explanation()).isEqualTo("Explained the coverage plan; offered 1 GB extra");
        assertThat(failed.actor()).isEqualTo("sv-4");
        assertThat(((ComplaintClosed) events.get(5)).outcome()).isEqualTo(CloseOutcome.EXPLAINED);
        assertThat(pendingIds()).doesNotContain(complaintId);
    }

    @Test
    void dissatisfiedAtTheCustomerServiceCentresOwnFaultIsRecordedWithWhoIsAccountableAndNotRedispatched() {
        double recorded = Metrics.counter("survey_answers_total", "outcome", "RECORDED");
        String complaintId = returnedOn(log, 1, FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3");
        // The agent sees whose fault the return found, and who is accountable, with the return's four parts.
        Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("faultOf", equalTo("CUSTOMER_SERVICE_CENTRE"))
                .body("accountable", equalTo("desk 3")).body("result.problemFound", equalTo("Battery failed"));
        assertThat(pending(complaintId)).containsEntry("faultOf", "CUSTOMER_SERVICE_CENTRE")
                .containsEntry("accountable", "desk 3");

        answer(complaintId, Cases.AT_FAULT).statusCode(200).body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("RECORDED")).body("faultOf", equalTo("CUSTOMER_SERVICE_CENTRE"))
                .body("accountable", equalTo("desk 3")).body("answer.operatorAtFault", equalTo(true))
                .body("answer.reason", equalTo("Still no signal"));

        List<ComplaintEvent> events = afterAnswers(log, complaintId, counts("SurveyFailed", 1, "ComplaintClosed", 1,
                "SurveyPassed", 0, "CustomerUnreachable", 0, "CustomerContacted", 1, "Redispatched", 0));
        assertThat(typesOnTheLog(log, complaintId)).containsExactly(EventType.COMPLAINT_REGISTERED,
                EventType.DISPATCHED, EventType.RETURNED, EventType.CUSTOMER_CONTACTED, EventType.SURVEY_FAILED,
                EventType.COMPLAINT_CLOSED);
        SurveyFailed failed = (SurveyFailed) events.get(4);
        assertThat(failed.redispatch()).isFalse();
        assertThat(failed.handover()).isFalse();
        assertThat(failed.operatorAtFault()).isTrue();
        assertThat(failed.reason()).isEqualTo("Still no signal");
        ComplaintClosed closed = (ComplaintClosed) events.get(5);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.RECORDED);
        assertThat(closed.dispatchId()).isEqualTo(complaintId + "-W1");
        assertThat(closed.summary()).contains("customer-service centre was at fault").contains("desk 3");
        EventLog.Entry entry = log.await(e -> closed.eventId().equals(e.event() == null ? null : e.event().eventId()),
                WAIT);
        assertThat(entry.header(CloudEvents.TYPE)).isEqualTo("complaint.closed.v2");
        assertThat(pendingIds()).doesNotContain(complaintId);
        assertThat(surveys("CLOSED")).anySatisfy(s -> assertThat(s).containsEntry("complaintId", complaintId)
                .containsEntry("outcome", "RECORDED").containsEntry("accountable", "desk 3"));
        assertThat(Metrics.counter("survey_answers_total", "outcome", "RECORDED")).isEqualTo(recorded + 1);
    }

    @Test
    void aWorkOrderRoutingUrgedAndTransferredIsSurveyedAsTheDepartmentHoldingItReturnedIt() {
        String complaintId = TestEvents.newComplaintId();
        String dispatchId = complaintId + "-W1";
        Instant t = Instant.now();
        log.publish(TestEvents.registered(complaintId, t));
        log.publish(TestEvents.dispatched(complaintId, t, "network-ops"));
        log.publish(new WorkOrderUrged(UUID.randomUUID(), complaintId, t.plusSeconds(60), 1, null, "routing-service",
                dispatchId, "network-ops", t.plusSeconds(60), t.plusSeconds(600)));
        log.publish(new WorkOrderTransferred(UUID.randomUUID(), complaintId, t.plusSeconds(70), 1, null,
                "routing-service", dispatchId, 1, "network-ops", "service-desk", "a billing question"));
        log.publish(Cases.returned(complaintId, 1, t.plusSeconds(90), FaultParty.THIRD_PARTY, null));

        awaitSurvey(complaintId, "PENDING", 1);
        assertThat(pending(complaintId)).containsEntry("department", "service-desk")
                .containsEntry("faultOf", "THIRD_PARTY").containsEntry("operatorAtFault", false)
                .doesNotContainKey("accountable");
        answer(complaintId, Cases.NOT_AT_FAULT).statusCode(200).body("outcome", equalTo("EXPLAINED"));
    }

    @Test
    void dissatisfiedThroughTheOperatorsFaultOnTheThirdWorkOrderIsHandedToTheManagerHotline() {
        String complaintId = returnedOn(log, 3);
        Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then()
                .body("dispatchId", equalTo(complaintId + "-W3"));

        answer(complaintId, Cases.AT_FAULT).statusCode(200).body("status", equalTo("ANSWERED"))
                .body("outcome", equalTo("HANDED_OVER")).body("attempt", equalTo(3));

        // Registered, Dispatched, then (Returned, SurveyFailed, Redispatched) twice, Returned: 9 before the answer,
        // which gives the customer the final answer first (none was given before). The case stays open.
        List<ComplaintEvent> events = afterAnswers(log, complaintId, counts("Returned", 3, "SurveyFailed", 3,
                "Redispatched", 2, "ComplaintClosed", 0, "SurveyPassed", 0, "CustomerUnreachable", 0,
                "CustomerContacted", 1));
        assertThat(events).hasSize(11);
        assertThat(typesOnTheLog(log, complaintId).subList(9, 11))
                .containsExactly(EventType.CUSTOMER_CONTACTED, EventType.SURVEY_FAILED);
        SurveyFailed failed = (SurveyFailed) events.get(10);
        assertThat(failed.redispatch()).isFalse();
        assertThat(failed.handover()).isTrue();
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(failed.dispatchId()).isEqualTo(complaintId + "-W3");
    }

    @Test
    void underTheAttemptLimitTheSecondWorkOrderIsStillRedispatched() {
        String complaintId = returnedOn(log, 2);

        answer(complaintId, Cases.AT_FAULT).statusCode(200).body("outcome", equalTo("REDISPATCHED"));

        SurveyFailed failed = log.await(SurveyFailed.class, complaintId, 2, WAIT).get(1);
        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.redispatch()).isTrue();
        afterAnswers(log, complaintId, counts("Returned", 2, "SurveyFailed", 2, "Redispatched", 1,
                "ComplaintClosed", 0, "SurveyPassed", 0, "CustomerUnreachable", 0));
    }

    @Test
    void threeCallsThatMissTheCustomerCloseTheCaseAsUnreachable() {
        String complaintId = returnedOn(log, 1);

        answer(Callers.as("ivr-1", Callers.SURVEYOR), complaintId, Cases.NOT_REACHED).statusCode(200)
                .body("status", equalTo("PENDING")).body("unreachableCount", equalTo(1))
                .body("answer.surveyedBy", equalTo("ivr-1"));
        answer(Callers.as("ivr-1", Callers.SURVEYOR), complaintId, Cases.NOT_REACHED).statusCode(200)
                .body("status", equalTo("PENDING")).body("unreachableCount", equalTo(2)).body("outcome", nullValue());
        assertThat(surveys("PENDING")).anySatisfy(s -> assertThat(s).containsEntry("complaintId", complaintId)
                .containsEntry("unreachableCount", 2));

        answer(Callers.as("ivr-1", Callers.SURVEYOR), complaintId, Cases.NOT_REACHED).statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("UNREACHABLE"))
                .body("unreachableCount", equalTo(3));

        // Closed only after the final answer was sent in writing: by SMS, just before the close.
        List<ComplaintEvent> events = afterAnswers(log, complaintId, counts("CustomerUnreachable", 3,
                "ComplaintClosed", 1, "SurveyPassed", 0, "SurveyFailed", 0, "CustomerContacted", 1));
        assertThat(typesOnTheLog(log, complaintId).subList(3, 8)).containsExactly(EventType.CUSTOMER_UNREACHABLE,
                EventType.CUSTOMER_UNREACHABLE, EventType.CUSTOMER_UNREACHABLE, EventType.CUSTOMER_CONTACTED,
                EventType.COMPLAINT_CLOSED);
        assertThat(events.subList(3, 6)).extracting(e -> ((CustomerUnreachable) e).unreachableCount())
                .containsExactly(1, 2, 3);
        assertThat(events.get(3).eventId())
                .isEqualTo(EventIds.of(EventType.CUSTOMER_UNREACHABLE, complaintId + "-W1", 1));
        assertThat(((ComplaintClosed) events.get(7)).outcome()).isEqualTo(CloseOutcome.UNREACHABLE);
        assertThat(pendingIds()).doesNotContain(complaintId);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameAnswerAgainAndNoSecondEvent() {
        String complaintId = returnedOn(log, 1);

        for (int i = 0; i < 2; i++) {
            answer(Callers.as(Callers.SURVEYOR).header("Idempotency-Key", "call-" + complaintId), complaintId,
                    Cases.NOT_REACHED).statusCode(200).body("status", equalTo("PENDING"))
                    .body("unreachableCount", equalTo(1));
        }

        CustomerUnreachable recorded = log.await(CustomerUnreachable.class, complaintId, 1, WAIT).get(0);
        assertThat(recorded.causationId()).isEqualTo("idempotency-key:call-" + complaintId);
        afterAnswers(log, complaintId, counts("CustomerUnreachable", 1, "SurveyPassed", 0, "SurveyFailed", 0,
                "ComplaintClosed", 0));
        answer(complaintId, Cases.NOT_REACHED).statusCode(200).body("unreachableCount", equalTo(2));

        for (int i = 0; i < 2; i++) {
            answer(Callers.as(Callers.SURVEYOR).header("Idempotency-Key", "survey-" + complaintId), complaintId,
                    Cases.SATISFIED).statusCode(200).body("status", equalTo("CLOSED"))
                    .body("outcome", equalTo("SATISFIED"));
        }
        answer(complaintId, Cases.SATISFIED).statusCode(409);
        assertThat(afterAnswers(log, complaintId, counts("CustomerUnreachable", 2, "SurveyPassed", 1,
                "ComplaintClosed", 1, "SurveyFailed", 0, "CustomerContacted", 1))).extracting(e -> e.getClass().getSimpleName())
                .endsWith("CustomerUnreachable", "CustomerUnreachable", "CustomerContacted", "SurveyPassed",
                        "ComplaintClosed");
    }

    @Test
    void thePendingQueueIsOldestFirstAndPagesStably() {
        String older = returnedOn(log, 1);
        String newer = returnedOn(log, 1);

        List<String> pending = pendingIds();
        assertThat(pending.indexOf(older)).isLessThan(pending.indexOf(newer));
        int total = Integer.parseInt(Callers.as(Callers.SURVEYOR).queryParam("status", "PENDING").get("/surveys")
                .header("X-Total-Count"));
        assertThat(total).isEqualTo(pending.size());
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            paged.addAll(Callers.as(Callers.SURVEYOR).queryParam("status", "PENDING").queryParam("size", 2)
                    .queryParam("page", page).get("/surveys").then().statusCode(200).extract().jsonPath()
                    .getList("complaintId"));
        }
        assertThat(paged).isEqualTo(pending);
    }

    @Test
    void eachAnswerAndEachOpenedSurveyIsCountedOnce() {
        double opened = Metrics.counter("survey_tasks_opened_total");
        double satisfied = Metrics.counter("survey_answers_total", "outcome", "SATISFIED");
        String complaintId = returnedOn(log, 1);
        // Counted once the projection's transaction committed, a moment after the survey shows.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Metrics.counter("survey_tasks_opened_total"))
                .as("surveys opened, %s before", opened).isGreaterThanOrEqualTo(opened + 1));

        answer(complaintId, Cases.SATISFIED).statusCode(200);

        assertThat(Metrics.counter("survey_tasks_opened_total")).as("surveys opened").isEqualTo(opened + 1);
        assertThat(Metrics.counter("survey_answers_total", "outcome", "SATISFIED")).as("satisfied answers")
                .isEqualTo(satisfied + 1);
    }
}
