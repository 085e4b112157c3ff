package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.returnedOn;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Who may use which door of survey: the queue and a case's survey are read by surveyors, operators,
 * administrators and auditors; only a surveyor answers, as the token's subject; the library's
 * operations doors are an administrator's. No token, or one that does not verify, is a 401; another
 * role a 403, and a refused answer changes nothing. Operators and administrators see the customer
 * masked, the surveyor (who must call the customer) and the auditor in full.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class AccessIT {

    /** A case returned once, on which survey decided nothing. */
    private static final Map<String, Integer> NOTHING_DECIDED = counts("ComplaintRegistered", 1, "Dispatched", 1,
            "Returned", 1, "SurveyPassed", 0, "SurveyFailed", 0, "CustomerUnreachable", 0, "ComplaintClosed", 0);
    /** An id no refused outbox row and no parked record has. */
    private static final long NO_SUCH_ID = 9_000_000_000L;
    /** The roles that read the survey queue. */
    private static final List<String> READERS = List.of(Callers.SURVEYOR, Callers.OPERATOR, Callers.ADMIN,
            Callers.AUDITOR);

    /** A door: method and path (with ids, where it takes one); an answer is sent with a valid body. */
    private record Door(String method, String path) {
        Response call(RequestSpecification caller) {
            RequestSpecification request = path.endsWith("/answers")
                    ? caller.contentType(ContentType.JSON).body(Cases.SATISFIED) : caller;
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static List<Door> surveyReads(String complaintId) {
        return List.of(new Door("GET", "/surveys"), new Door("GET", "/surveys/" + complaintId));
    }

    private static Door answers(String complaintId) {
        return new Door("POST", "/surveys/" + complaintId + "/answers");
    }

    /** The library's operations doors this service exposes (a projection service: outbox, parked, rebuild). */
    private static List<Door> adminDoors() {
        return List.of(new Door("GET", "/admin/outbox"), new Door("GET", "/admin/outbox/failed"),
                new Door("POST", "/admin/outbox/failed/" + NO_SUCH_ID + "/retry"),
                new Door("GET", "/admin/parked"), new Door("GET", "/admin/parked/" + NO_SUCH_ID),
                new Door("POST", "/admin/parked/" + NO_SUCH_ID + "/retry"),
                new Door("POST", "/admin/parked/" + NO_SUCH_ID + "/discard"), new Door("POST", "/admin/parked/retry"),
                new Door("GET", "/admin/rebuild"), new Door("POST", "/admin/rebuild"),
                new Door("DELETE", "/admin/rebuild"));
    }

    private static void assertForbidden(Door door, String who, RequestSpecification caller) {
        Response response = door.call(caller);
        assertThat(response.statusCode()).as("%s as %s", door, who).isEqualTo(403);
        assertThat(response.contentType()).as("%s as %s", door, who).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("title")).as("%s as %s", door, who).isEqualTo("Forbidden");
    }

    /** Forbidden to every role not {@code allowed}, and to a department's agent. */
    private static void assertForbiddenToAllBut(Door door, List<String> allowed) {
        for (String role : List.of(Callers.SUBMITTER, Callers.SURVEYOR, Callers.OPERATOR, Callers.AUDITOR,
                Callers.ADMIN)) {
            if (!allowed.contains(role)) {
                assertForbidden(door, role, Callers.as(role));
            }
        }
        assertForbidden(door, "an agent", Callers.agent("network-ops"));
    }

    private static void assertUnchanged(String complaintId) {
        Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("unreachableCount", equalTo(0));
        Cases.afterAnswers(log, complaintId, NOTHING_DECIDED);
    }

    @Test
    void withoutAValidTokenEveryDoorIs401WithABearerChallenge() {
        String complaintId = returnedOn(log, 1);
        List<Door> doors = new ArrayList<>(surveyReads(complaintId));
        doors.add(answers(complaintId));
        doors.addAll(adminDoors());

        for (Door door : doors) {
            Response response = door.call(Callers.anonymous());
            assertThat(response.statusCode()).as("%s without a token", door).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as("%s without a token", door).contains("Bearer");
            assertThat(response.contentType()).as("%s without a token", door).startsWith("application/problem+json");
        }
        for (Door door : List.of(new Door("GET", "/surveys/" + complaintId), answers(complaintId))) {
            door.call(given().auth().oauth2(Callers.forged(Callers.SURVEYOR))).then().statusCode(401);
            door.call(given().auth().oauth2(Callers.expired(Callers.SURVEYOR))).then().statusCode(401);
        }
        assertUnchanged(complaintId);
    }

    @Test
    void aRoleThatMayNotReadTheSurveysIs403() {
        String complaintId = returnedOn(log, 1);

        for (Door door : surveyReads(complaintId)) {
            assertForbiddenToAllBut(door, READERS);
        }
    }

    @Test
    void everyReaderReadsTheQueueAndACasesSurvey() {
        String complaintId = returnedOn(log, 1);

        for (String role : READERS) {
            Callers.as(role).get("/surveys").then().statusCode(200).header("X-Total-Count", notNullValue());
            Callers.as(role).get("/surveys/" + complaintId).then().statusCode(200)
                    .body("complaintId", equalTo(complaintId));
        }
    }

    @Test
    void onlyASurveyorAnswersAndAForbiddenAnswerClosesNothingAndPublishesNothing() {
        String complaintId = returnedOn(log, 1);

        assertForbiddenToAllBut(answers(complaintId), List.of(Callers.SURVEYOR));
        assertUnchanged(complaintId);

        answer(complaintId, Cases.SATISFIED).statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void whoSurveyedIsTheTokensSubject() {
        String complaintId = returnedOn(log, 1);

        answer(Callers.as("sv-7", Callers.SURVEYOR), complaintId, Cases.SATISFIED).statusCode(200)
                .body("answer.surveyedBy", equalTo("sv-7"));

        List<ComplaintEvent> events = Cases.afterAnswers(log, complaintId, counts("SurveyPassed", 1,
                "ComplaintClosed", 1));
        assertThat(events.subList(3, 5)).extracting(ComplaintEvent::actor).containsExactly("sv-7", "sv-7");
        Callers.as(Callers.AUDITOR).get("/surveys/" + complaintId).then().body("answer.surveyedBy", equalTo("sv-7"));
    }

    @Test
    void aSurveyedByNamingTheCallerIsAcceptedAndOneNamingSomeoneElseIs400AndWritesNothing() {
        String complaintId = returnedOn(log, 1);

        answer(complaintId, "{ \"reachable\": false, \"surveyedBy\": \"sv-someone-else\" }").statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("surveyedBy"))
                .body("errors[0].message", containsString("sv-someone-else"));
        assertUnchanged(complaintId);

        answer(complaintId, "{ \"reachable\": false, \"surveyedBy\": \"" + Cases.SURVEYOR + "\" }").statusCode(200)
                .body("unreachableCount", equalTo(1)).body("answer.surveyedBy", equalTo(Cases.SURVEYOR));
    }

    @Test
    void operatorsAndAdministratorsSeeTheCustomerMaskedTheSurveyorAndTheAuditorInFull() {
        String complaintId = returnedOn(log, 1);
        Map<String, Object> original = Map.of("name", "王丽 Wang Li", "phone", "13812345678", "tier", "STANDARD");
        Map<String, Object> masked = Map.of("name", "王*********", "phone", "138****5678", "tier", "STANDARD");
        JsonPath full = Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().statusCode(200).extract()
                .jsonPath();

        for (String role : READERS) {
            boolean inFull = role.equals(Callers.SURVEYOR) || role.equals(Callers.AUDITOR);
            Map<String, Object> expected = inFull ? original : masked;
            JsonPath one = Callers.as(role).get("/surveys/" + complaintId).then().statusCode(200).extract().jsonPath();
            assertThat(one.getMap("customer")).as("the customer as %s sees it", role).isEqualTo(expected);
            // Free text is not personal data: shown as it is.
            assertThat(one.getMap("result")).as("the result as %s sees it", role).isEqualTo(full.getMap("result"));
            assertThat(one.getString("demand")).isEqualTo(full.getString("demand"));
            List<Map<String, Object>> queue = Callers.as(role).queryParam("status", "PENDING").queryParam("size", 1000)
                    .get("/surveys").then().statusCode(200).extract().jsonPath().getList("");
            assertThat(queue).filteredOn(task -> complaintId.equals(task.get("complaintId")))
                    .extracting(task -> task.get("customer")).as("the queue as %s sees it", role)
                    .containsExactly(expected);
        }
    }

    @Test
    void theOperationsDoorsAreAnAdministratorsAndAForbiddenRebuildStartsNothing() {
        JsonPath before = Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200).extract().jsonPath();

        for (Door door : adminDoors()) {
            assertForbiddenToAllBut(door, List.of(Callers.ADMIN));
        }

        Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200)
                .body("state", equalTo(before.getString("state")))
                .body("startedAt", equalTo(before.getString("startedAt")));
        Callers.as(Callers.ADMIN).get("/admin/outbox").then().statusCode(200).body("pending", notNullValue());
        Callers.as(Callers.ADMIN).get("/admin/outbox/failed").then().statusCode(200);
        Callers.as(Callers.ADMIN).get("/admin/parked").then().statusCode(200);
        Callers.as(Callers.ADMIN).post("/admin/parked/retry").then().statusCode(200);
        // Past the gate, an administrator is told that no such row or record exists.
        Callers.as(Callers.ADMIN).get("/admin/parked/" + NO_SUCH_ID).then().statusCode(404);
        for (String path : List.of("/admin/outbox/failed/" + NO_SUCH_ID + "/retry",
                "/admin/parked/" + NO_SUCH_ID + "/retry", "/admin/parked/" + NO_SUCH_ID + "/discard")) {
            Callers.as(Callers.ADMIN).post(path).then().statusCode(404).body("title", equalTo("Not found"));
        }
        String started = Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202).extract()
                .path("startedAt");
        assertThat(started).isNotNull().isNotEqualTo(before.getString("startedAt"));
        // Abandoned at once (the call waits for the rebuild to stop): the live tables stay as they are.
        Callers.as(Callers.ADMIN).delete("/admin/rebuild").then().statusCode(200);
        Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200).body("startedAt", equalTo(started))
                .body("state", not(equalTo("RUNNING")));
    }

    @Test
    void theDocumentDeclaresTheRolesOfEachDoor() {
        JsonPath document = Callers.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        assertThat(document.getList("paths.'/surveys/{complaintId}/answers'.post.security.bearer.flatten()",
                String.class)).containsExactly(Callers.SURVEYOR);
        assertThat(document.getList("paths.'/surveys'.get.security.bearer.flatten()", String.class))
                .containsExactlyInAnyOrderElementsOf(READERS);
        assertThat(document.getList("paths.'/surveys/{complaintId}'.get.security.bearer.flatten()", String.class))
                .containsExactlyInAnyOrderElementsOf(READERS);
    }
}
