package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.testsupport.BadRecords;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.ParkedRecords;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Who may call each door of routing: no token, or one that does not verify, is a 401; a role the
 * door is not for is a 403 that writes nothing; the roles it is for pass. An agent sees and returns
 * only its own department's work orders, and the returner recorded is the token's subject.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class AccessIT {

    /** Department A: where business complaints go. */
    private static final String OWN = "billing";
    /** Department B: where service complaints of TZ-HL go. */
    private static final String OTHER = "branch-tz-hl";
    private static final List<String> NOT_AGENTS = List.of(Callers.OPERATOR, Callers.ADMIN, Callers.AUDITOR,
            Callers.SUBMITTER, Callers.SURVEYOR);
    private static final List<String> NEITHER_READERS_NOR_AGENTS = List.of(Callers.SUBMITTER, Callers.SURVEYOR);
    private static final List<String> READERS_OF_EVERY_DEPARTMENT = List.of(Callers.OPERATOR, Callers.ADMIN,
            Callers.AUDITOR);

    /** A transfer to a department that is neither {@code OWN} nor {@code OTHER}. */
    private static final String TRANSFER = "{ \"department\": \"service-desk\", \"reason\": \"not ours\" }";

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** A door: a method and a path, called with a request that may carry a token. */
    private record Door(String method, String path) {
        ValidatableResponse call(RequestSpecification request) {
            RequestSpecification r = !method.equals("POST") ? request
                    : path.endsWith("/return") ? request.contentType(ContentType.JSON).body(ReturnIT.RETURN)
                    : path.endsWith("/transfer") ? request.contentType(ContentType.JSON).body(TRANSFER) : request;
            return r.request(method, path).then();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A fresh open work order, dispatched to {@code OWN} or {@code OTHER}, with its RETURN clock announced. */
    private static Dispatched workOrderOf(String department) {
        String complaintId = TestEvents.newComplaintId();
        Category category = department.equals(OWN) ? Category.BUSINESS : Category.SERVICE;
        log.publish(TestEvents.registered(complaintId, Instant.now(), Channel.HOTLINE, category, "TZ-HL",
                CustomerTier.STANDARD, Urgency.NORMAL));
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        assertThat(dispatched.department()).isEqualTo(department);
        SlaClockStarted clock = TestEvents.clockStarted(complaintId, SlaClock.RETURN, dispatched.dispatchId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Duration.ofHours(48));
        log.publish(clock);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Callers.as(Callers.OPERATOR)
                .get("/work-orders/" + dispatched.dispatchId()).then().statusCode(200)
                .body("returnDeadline", equalTo(clock.deadline().toString())));
        return dispatched;
    }

    private static List<Door> routingDoors(String dispatchId) {
        return List.of(new Door("GET", "/work-orders"), new Door("GET", "/work-orders/" + dispatchId),
                new Door("POST", "/work-orders/" + dispatchId + "/return"),
                new Door("POST", "/work-orders/" + dispatchId + "/transfer"), new Door("GET", "/departments"));
    }

    /** The library's doors: routing is a projection, so it has the parked and rebuild doors too. */
    private static List<Door> adminDoors(long parkedId) {
        return List.of(new Door("GET", "/admin/outbox"), new Door("GET", "/admin/outbox/failed"),
                new Door("POST", "/admin/outbox/failed/1/retry"), new Door("GET", "/admin/parked"),
                new Door("GET", "/admin/parked/" + parkedId), new Door("POST", "/admin/parked/" + parkedId + "/retry"),
                new Door("POST", "/admin/parked/" + parkedId + "/discard"), new Door("POST", "/admin/parked/retry"),
                new Door("POST", "/admin/rebuild"), new Door("GET", "/admin/rebuild"),
                new Door("DELETE", "/admin/rebuild"));
    }

    private static void assertForbidden(ValidatableResponse response) {
        response.statusCode(403).contentType(containsString("application/problem+json")).body("status", equalTo(403));
    }

    /** The work order as an operator sees it: still open, nothing returned, its RETURN deadline still shown. */
    private static void assertStillOpen(Dispatched dispatched) {
        Callers.as(Callers.OPERATOR).get("/work-orders/" + dispatched.dispatchId()).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("returnedAt", nullValue()).body("returnedBy", nullValue())
                .body("returnDeadline", not(nullValue()));
    }

    @Test
    void withoutAValidTokenEveryDoorAnswers401WithABearerChallengeAndWritesNothing() {
        Dispatched open = workOrderOf(OWN);
        List<Door> doors = new ArrayList<>(routingDoors(open.dispatchId()));
        doors.addAll(adminDoors(1));
        for (Door door : doors) {
            door.call(Callers.anonymous()).statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                    .contentType(containsString("application/problem+json"));
        }
        for (Door door : routingDoors(open.dispatchId())) {
            door.call(given().auth().oauth2(Callers.forged(Callers.OPERATOR))).statusCode(401);
            door.call(given().auth().oauth2(Callers.expired(Callers.OPERATOR))).statusCode(401);
        }
        Outboxes.awaitDrained();
        assertStillOpen(open);
        LogCensus.of(log).assertCounts(open.complaintId(), counts("Returned", 0));
    }

    @Test
    void operatorsAdministratorsAndAuditorsReadEveryDepartmentAndOtherRolesNone() {
        Dispatched other = workOrderOf(OTHER);
        for (String role : READERS_OF_EVERY_DEPARTMENT) {
            Callers.as(role).queryParam("size", 1000).get("/work-orders").then().statusCode(200)
                    .body("dispatchId", hasItem(other.dispatchId()));
            Callers.as(role).queryParam("department", OTHER).queryParam("size", 1000).get("/work-orders").then()
                    .statusCode(200).body("department", everyItem(equalTo(OTHER)))
                    .body("dispatchId", hasItem(other.dispatchId()));
            Callers.as(role).get("/work-orders/" + other.dispatchId()).then().statusCode(200)
                    .body("department", equalTo(OTHER));
        }
        for (String role : NEITHER_READERS_NOR_AGENTS) {
            assertForbidden(Callers.as(role).get("/work-orders").then());
            assertForbidden(Callers.as(role).get("/work-orders/" + other.dispatchId()).then());
        }
    }

    @Test
    void anAgentSeesOnlyItsOwnDepartmentsWorkOrders() {
        Dispatched own = workOrderOf(OWN);
        Dispatched other = workOrderOf(OTHER);
        String ownTotal = Callers.as(Callers.OPERATOR).queryParam("department", OWN).get("/work-orders").then()
                .statusCode(200).extract().header("X-Total-Count");

        Callers.agent(OWN).queryParam("size", 1000).get("/work-orders").then().statusCode(200)
                .header("X-Total-Count", equalTo(ownTotal))
                .body("department", everyItem(equalTo(OWN)))
                .body("dispatchId", hasItem(own.dispatchId())).body("dispatchId", not(hasItem(other.dispatchId())));
        Callers.agent(OWN).queryParam("department", OWN).queryParam("size", 1000).get("/work-orders").then()
                .statusCode(200).header("X-Total-Count", equalTo(ownTotal))
                .body("dispatchId", hasItem(own.dispatchId()));
        assertForbidden(Callers.agent(OWN).queryParam("department", OTHER).get("/work-orders").then());

        Callers.agent(OWN).get("/work-orders/" + own.dispatchId()).then().statusCode(200)
                .body("department", equalTo(OWN));
        assertForbidden(Callers.agent(OWN).get("/work-orders/" + other.dispatchId()).then());
        Callers.agent(OWN).get("/work-orders/NOPE-W1").then().statusCode(404);
        Callers.agent(OTHER).get("/work-orders/" + other.dispatchId()).then().statusCode(200);
    }

    @Test
    void onlyAnAgentOfTheWorkOrdersDepartmentReturnsItAndARefusalWritesNothing() {
        Dispatched other = workOrderOf(OTHER);
        Door returnDoor = new Door("POST", "/work-orders/" + other.dispatchId() + "/return");

        for (String role : NOT_AGENTS) {
            assertForbidden(returnDoor.call(Callers.as(role)));
        }
        assertForbidden(returnDoor.call(Callers.agent(OWN)));

        Outboxes.awaitDrained();
        assertStillOpen(other);
        LogCensus.of(log).assertCounts(other.complaintId(), counts("Returned", 0));

        String returner = Callers.agentSubject(OTHER);
        returnDoor.call(Callers.agent(OTHER)).statusCode(200).body("status", equalTo("RETURNED"))
                .body("returnedBy", equalTo(returner));
        Returned returned = log.await(Returned.class, other.complaintId(), 1, Duration.ofSeconds(30)).get(0);
        assertThat(returned.actor()).isEqualTo(returner);
        assertThat(returned.department()).isEqualTo(OTHER);
        Outboxes.awaitDrained();
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(other.complaintId(), counts("Returned", 1));
    }

    @Test
    void onlyTheHoldingDepartmentsAgentOrAnOperatorTransfersAWorkOrderAndARefusalWritesNothing() {
        Dispatched other = workOrderOf(OTHER);
        Door transferDoor = new Door("POST", "/work-orders/" + other.dispatchId() + "/transfer");

        for (String role : List.of(Callers.ADMIN, Callers.AUDITOR, Callers.SUBMITTER, Callers.SURVEYOR)) {
            assertForbidden(transferDoor.call(Callers.as(role)));
        }
        assertForbidden(transferDoor.call(Callers.agent(OWN)));
        Outboxes.awaitDrained();
        assertStillOpen(other);
        LogCensus.of(log).assertCounts(other.complaintId(), counts("WorkOrderTransferred", 0));

        transferDoor.call(Callers.agent(OTHER)).statusCode(200).body("department", equalTo("service-desk"));
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON)
                .body("{ \"department\": \"" + OTHER + "\", \"reason\": \"back: it is a branch matter\" }")
                .post("/work-orders/" + other.dispatchId() + "/transfer").then().statusCode(200)
                .body("department", equalTo(OTHER)).body("transfers", equalTo(2));
        assertThat(log.await(WorkOrderTransferred.class, other.complaintId(), 2, Duration.ofSeconds(30)))
                .extracting(WorkOrderTransferred::actor)
                .containsExactly(Callers.agentSubject(OTHER), Callers.subject(Callers.OPERATOR));
    }

    @Test
    void aReturnerNamedInTheBodyMustBeTheTokensSubject() {
        Dispatched own = workOrderOf(OWN);
        String returner = Callers.agentSubject(OWN);

        Callers.agent(OWN).contentType(ContentType.JSON).body(ReturnIT.returnNaming("agent-17"))
                .post("/work-orders/" + own.dispatchId() + "/return").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", equalTo(List.of("returnedBy")))
                .body("errors[0].message", containsString(returner));
        Outboxes.awaitDrained();
        assertStillOpen(own);
        LogCensus.of(log).assertCounts(own.complaintId(), counts("Returned", 0));

        Callers.agent(OWN).contentType(ContentType.JSON).body(ReturnIT.returnNaming(returner))
                .post("/work-orders/" + own.dispatchId() + "/return").then().statusCode(200)
                .body("returnedBy", equalTo(returner));
        assertThat(log.await(Returned.class, own.complaintId(), 1, Duration.ofSeconds(30)).get(0).actor())
                .isEqualTo(returner);
    }

    @Test
    void theDepartmentsAreForEveryAuthenticatedCaller() {
        List<Supplier<RequestSpecification>> callers = List.of(() -> Callers.as(Callers.SUBMITTER),
                () -> Callers.as(Callers.SURVEYOR), () -> Callers.as(Callers.OPERATOR),
                () -> Callers.as(Callers.AUDITOR), () -> Callers.as(Callers.ADMIN), () -> Callers.agent(OWN));
        for (Supplier<RequestSpecification> caller : callers) {
            caller.get().get("/departments").then().statusCode(200).body("departments.id", hasItem(OWN));
        }
    }

    @Test
    void theLibrarysDoorsAreAnAdministratorsAndARefusalChangesNothing() {
        BadRecords.Published bad = BadRecords.publish(log, Instant.now());
        BadRecords.assertParked(bad);
        long parkedId = parkedId(bad.incomplete());
        Map<String, Object> parkedBefore = ParkedRecords.of(bad.incomplete()).get(0);
        Map<String, Object> rebuildBefore = Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> outboxBefore = Callers.as(Callers.ADMIN).get("/admin/outbox").then().statusCode(200)
                .extract().jsonPath().getMap("");

        List<Supplier<RequestSpecification>> others = List.of(() -> Callers.as(Callers.OPERATOR),
                () -> Callers.as(Callers.AUDITOR), () -> Callers.as(Callers.SUBMITTER),
                () -> Callers.as(Callers.SURVEYOR), () -> Callers.agent(OWN));
        for (Supplier<RequestSpecification> caller : others) {
            for (Door door : adminDoors(parkedId)) {
                assertForbidden(door.call(caller.get()));
            }
        }
        assertThat(ParkedRecords.of(bad.incomplete())).containsExactly(parkedBefore);
        assertThat(Callers.as(Callers.ADMIN).get("/admin/rebuild").then().extract().jsonPath().getMap(""))
                .isEqualTo(rebuildBefore);
        assertThat(Callers.as(Callers.ADMIN).get("/admin/outbox").then().extract().jsonPath().getMap(""))
                .containsEntry("failed", outboxBefore.get("failed"));

        Callers.as(Callers.ADMIN).get("/admin/outbox").then().statusCode(200);
        Callers.as(Callers.ADMIN).get("/admin/outbox/failed").then().statusCode(200);
        // No row was refused: the administrator passes the door and learns there is no such row.
        Callers.as(Callers.ADMIN).post("/admin/outbox/failed/1/retry").then().statusCode(404)
                .body("detail", containsString("No refused outbox row 1"));
        Callers.as(Callers.ADMIN).get("/admin/parked").then().statusCode(200);
        Callers.as(Callers.ADMIN).get("/admin/parked/" + parkedId).then().statusCode(200)
                .body("key", equalTo(bad.incomplete()));
        Callers.as(Callers.ADMIN).post("/admin/parked/" + parkedId + "/retry").then().statusCode(200)
                .body("stillParked", hasItem((int) parkedId));
        Callers.as(Callers.ADMIN).queryParam("reason", "invalid").post("/admin/parked/retry").then().statusCode(200);
        Callers.as(Callers.ADMIN).post("/admin/parked/" + parkedId + "/discard").then().statusCode(200);
        assertThat(ParkedRecords.of(bad.incomplete())).isEmpty();

        Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200).body("state", equalTo("DONE")));
        Callers.as(Callers.ADMIN).delete("/admin/rebuild").then().statusCode(200).body("state", equalTo("DONE"));
    }

    private static long parkedId(String key) {
        return ((Number) ParkedRecords.of(key).get(0).get("id")).longValue();
    }
}
