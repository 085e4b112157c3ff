package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.survey.it.Cases.SURVEYOR;
import static com.telco.complaints.survey.it.Cases.WAIT;
import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.census;
import static com.telco.complaints.survey.it.Cases.returnedOn;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The customer desk's contact log over REST: recorded by the surveyor whose token made the call, put on
 * the log as CustomerContacted, listed in order, refused on a closed case, every wrong field named, and
 * the final answer given at the survey call when none was given before.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ContactLogIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static ValidatableResponse contact(RequestSpecification caller, String complaintId, String body) {
        return caller.contentType(ContentType.JSON).body(body).post("/complaints/" + complaintId + "/contacts").then();
    }

    private static ValidatableResponse contact(String complaintId, String body) {
        return contact(Callers.as(Callers.SURVEYOR), complaintId, body);
    }

    private static String registered() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR)
                .get("/complaints/" + complaintId + "/contacts").then().statusCode(200));
        return complaintId;
    }

    @Test
    void contactsAreRecordedByTheCallerPutOnTheLogAndListedInOrder() {
        String complaintId = registered();
        String agreed = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString();

        Map<String, Object> first = contact(complaintId, """
                { "kind": "FIRST_CONTACT", "channel": "PHONE", "reached": true,
                  "summary": "已联系客户，说明正在处理 Told the customer we are on it",
                  "agreedNextContactBy": "%s" }""".formatted(agreed))
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/complaints/" + complaintId + "/contacts/K-" + complaintId + "-1"))
                .extract().jsonPath().getMap("");
        contact(complaintId, """
                { "kind": "FINAL_ANSWER", "channel": "SMS", "reached": false, "summary": "Result sent by SMS",
                  "answer": { "cause": "Battery failed", "process": "Engineer replaced it", "solution": "Signal back" } }""")
                .statusCode(201).body("contactId", equalTo("K-" + complaintId + "-2"));

        assertThat(first).containsEntry("contactId", "K-" + complaintId + "-1").containsEntry("kind", "FIRST_CONTACT")
                .containsEntry("reached", true).containsEntry("contactedBy", SURVEYOR)
                .containsEntry("agreedNextContactBy", agreed);
        List<Map<String, Object>> listed = Callers.as(Callers.OPERATOR).get("/complaints/" + complaintId + "/contacts")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(listed).extracting(c -> c.get("kind")).containsExactly("FIRST_CONTACT", "FINAL_ANSWER");
        assertThat(listed.get(1).get("answer")).isEqualTo(Map.of("cause", "Battery failed",
                "process", "Engineer replaced it", "solution", "Signal back"));
        Callers.as(Callers.AUDITOR).get("/complaints/" + complaintId + "/contacts/K-" + complaintId + "-2").then()
                .statusCode(200).body("kind", equalTo("FINAL_ANSWER"));
        Callers.as(Callers.AUDITOR).get("/complaints/" + complaintId + "/contacts/K-" + complaintId + "-9").then()
                .statusCode(404);

        Outboxes.awaitDrained();
        List<CustomerContacted> onTheLog = census(log, complaintId, counts("CustomerContacted", 2))
                .events(complaintId, CustomerContacted.class);
        assertThat(onTheLog).extracting(CustomerContacted::kind)
                .containsExactly(ContactKind.FIRST_CONTACT, ContactKind.FINAL_ANSWER);
        assertThat(onTheLog.get(0).actor()).isEqualTo(SURVEYOR);
        assertThat(onTheLog.get(0).agreedNextContactBy()).isEqualTo(Instant.parse(agreed));
        assertThat(onTheLog.get(1).channel()).isEqualTo(ContactChannel.SMS);
        assertThat(onTheLog.get(1).answers()).as("an answer sent in writing").isTrue();
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameContactOnce() {
        String complaintId = registered();
        String body = """
                { "kind": "PROGRESS", "channel": "PHONE", "reached": true, "summary": "Still on it" }""";

        contact(Callers.as(Callers.SURVEYOR).header("Idempotency-Key", "k-1"), complaintId, body).statusCode(201);
        contact(Callers.as(Callers.SURVEYOR).header("Idempotency-Key", "k-1"), complaintId, body).statusCode(200)
                .body("contactId", equalTo("K-" + complaintId + "-1"));
        contact(Callers.as(Callers.SURVEYOR).header("Idempotency-Key", "k-1"), complaintId, body.replace("Still on it",
                "Something else")).statusCode(422).contentType("application/problem+json")
                .body("reason", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // The key is its caller's: another desk agent using the same key records a contact of its own.
        contact(Callers.as("desk-9", Callers.SURVEYOR).header("Idempotency-Key", "k-1"), complaintId, body)
                .statusCode(201).body("contactId", equalTo("K-" + complaintId + "-2"));

        Outboxes.awaitDrained();
        census(log, complaintId, counts("CustomerContacted", 2));
        Callers.as(Callers.SURVEYOR).get("/complaints/" + complaintId + "/contacts").then().body("$", hasSize(2));
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsRecorded() {
        String complaintId = registered();

        contact(complaintId, """
                { "kind": "CALL", "channel": "PHONE", "reached": "yes", "summary": " ",
                  "agreedNextContactBy": "tomorrow" }""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("kind", "reached", "summary", "agreedNextContactBy"));
        contact(complaintId, """
                { "kind": "FINAL_ANSWER", "channel": "PHONE", "reached": true, "summary": "Told them",
                  "answer": { "cause": "Battery failed", "solution": 7 } }""")
                .statusCode(400).body("errors.field", containsInAnyOrder("answer.process", "answer.solution"));
        contact(complaintId, """
                { "kind": "PROGRESS", "channel": "PHONE", "reached": false, "summary": "No answer",
                  "agreedNextContactBy": "%s" }""".formatted(Instant.now().plus(Duration.ofDays(1))))
                .statusCode(400).body("errors.field", containsInAnyOrder("agreedNextContactBy"));
        contact(complaintId, """
                { "kind": "PROGRESS", "channel": "PHONE", "reached": true, "summary": "Hi", "contactedBy": "someone-else" }""")
                .statusCode(400).body("errors.field", containsInAnyOrder("contactedBy"));

        Callers.as(Callers.SURVEYOR).get("/complaints/" + complaintId + "/contacts").then().body("$", hasSize(0));
    }

    @Test
    void onlyTheCustomerDeskRecordsAndAnUnknownOrClosedCaseTakesNoContact() {
        String body = """
                { "kind": "PROGRESS", "channel": "PHONE", "reached": true, "summary": "Still on it" }""";
        String complaintId = returnedOn(log, 1);

        contact(Callers.as(Callers.OPERATOR), complaintId, body).statusCode(403);
        contact("NO-SUCH-COMPLAINT", body).statusCode(404).contentType("application/problem+json");
        Callers.as(Callers.OPERATOR).get("/complaints/NO-SUCH-COMPLAINT/contacts").then().statusCode(404);

        answer(complaintId, Cases.SATISFIED).statusCode(200);
        contact(complaintId, body).statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("closed (SATISFIED)"));
    }

    @Test
    void aSurveyCallGivesTheFinalAnswerFromTheReturnWhenNoneWasGivenAndOnlyThen() {
        String unanswered = returnedOn(log, 1);
        String answered = returnedOn(log, 1);
        contact(answered, """
                { "kind": "FINAL_ANSWER", "channel": "EMAIL", "reached": false, "summary": "Result by e-mail",
                  "answer": { "cause": "Battery failed", "process": "Replaced", "solution": "Signal back" } }""")
                .statusCode(201);

        answer(unanswered, Cases.SATISFIED).statusCode(200);
        answer(answered, Cases.SATISFIED).statusCode(200);

        Outboxes.awaitDrained();
        List<CustomerContacted> given = census(log, unanswered, counts("CustomerContacted", 1, "SurveyPassed", 1))
                .events(unanswered, CustomerContacted.class);
        assertThat(given).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ContactKind.FINAL_ANSWER);
            assertThat(c.reachedCustomer()).isTrue();
            assertThat(c.actor()).isEqualTo(SURVEYOR);
            assertThat(c.dispatchId()).isEqualTo(unanswered + "-W1");
            assertThat(c.answer()).isEqualTo(new FinalAnswer("Battery failed", "Base station lost power",
                    "Battery replaced"));
        });
        assertThat(Cases.typesOnTheLog(log, unanswered)).containsSubsequence(
                com.telco.complaints.contracts.wire.EventType.CUSTOMER_CONTACTED,
                com.telco.complaints.contracts.wire.EventType.SURVEY_PASSED);
        census(log, answered, counts("CustomerContacted", 1, "SurveyPassed", 1));
    }
}
