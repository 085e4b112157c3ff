package com.telco.complaints.survey.it;

import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.telco.complaints.survey.it.Cases.WAIT;
import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.returnedOn;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Answers that are refused: invalid (400), for an unknown complaint (404), with no survey pending (409). */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RefusedAnswersIT {

    /** A case returned once, on which survey decided nothing. */
    private static final Map<String, Integer> NOTHING_DECIDED = counts("ComplaintRegistered", 1, "Dispatched", 1,
            "Returned", 1, "SurveyPassed", 0, "SurveyFailed", 0, "CustomerUnreachable", 0, "ComplaintClosed", 0);

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @Test
    void anInvalidAnswerIs400ListingEveryWrongFieldAndChangesNothing() {
        String complaintId = returnedOn(log, 1);

        answer(complaintId, "{ \"satisfied\": false, \"surveyedBy\": 7 }")
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Invalid request"))
                .body("errors.field", containsInAnyOrder("surveyedBy", "reason", "operatorAtFault"));
        answer(complaintId, "{ \"satisfied\": false, \"reason\": \"No signal\", \"operatorAtFault\": false, "
                + "\"surveyedBy\": \"" + Cases.SURVEYOR + "\" }")
                .statusCode(400).body("errors.field", containsInAnyOrder("explanation"))
                .body("errors[0].message", equalTo("is required"));
        answer(complaintId, "{ \"reachable\": true, \"satisfied\": \"no\", \"reason\": 7 }")
                .statusCode(400).body("errors.field", containsInAnyOrder("satisfied", "reason"));
        answer(complaintId, "{ \"reachable\": \"no\", \"satisfied\": true }")
                .statusCode(400).body("errors.field", containsInAnyOrder("reachable"));
        answer(complaintId, "[1, 2]").statusCode(400).body("errors.field", containsInAnyOrder("$"));

        Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().body("status", equalTo("PENDING"))
                .body("unreachableCount", equalTo(0));
        Cases.afterAnswers(log, complaintId, NOTHING_DECIDED);
    }

    @Test
    void malformedJsonIs400SayingWhereItBroke() {
        String complaintId = returnedOn(log, 1);

        answer(complaintId, "{ \"satisfied\": tru").statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON")).body("detail", containsString("line 1, column"));
        answer(complaintId, "").statusCode(400).body("title", equalTo("Malformed JSON"));
        Callers.as(Callers.SURVEYOR).contentType(ContentType.TEXT).body("satisfied")
                .post("/surveys/" + complaintId + "/answers")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anAnswerForAnUnknownComplaintIs404() {
        answer("NO-SUCH-COMPLAINT", Cases.SATISFIED).statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("NO-SUCH-COMPLAINT"));
        Callers.as(Callers.SURVEYOR).get("/surveys/NO-SUCH-COMPLAINT").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anAnswerBeforeTheReturnIs409() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        log.publish(TestEvents.dispatched(complaintId, Instant.now(), "network-ops"));

        await().atMost(WAIT).untilAsserted(() -> answer(complaintId, Cases.SATISFIED).statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("No survey pending"))
                .body("detail", containsString("still with network-ops")));
        Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().statusCode(404);
    }

    @Test
    void aSecondAnswerAfterTheSurveyEndedIs409AndAddsNoEvent() {
        String complaintId = returnedOn(log, 1);
        answer(complaintId, Cases.AT_FAULT).statusCode(200);

        answer(complaintId, Cases.SATISFIED).statusCode(409).body("detail", containsString("already answered"));
        answer(complaintId, Cases.NOT_REACHED).statusCode(409);

        assertThat(Cases.afterAnswers(log, complaintId, counts("ComplaintRegistered", 1, "Dispatched", 1,
                "Returned", 1, "CustomerContacted", 1, "SurveyFailed", 1, "SurveyPassed", 0, "CustomerUnreachable", 0,
                "ComplaintClosed", 0))).hasSize(5);
    }

    @Test
    void anInvalidQueueQueryIs400() {
        Callers.as(Callers.SURVEYOR).queryParam("status", "DONE").queryParam("size", 0).queryParam("page", -1)
                .get("/surveys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "size", "page"));
    }
}
