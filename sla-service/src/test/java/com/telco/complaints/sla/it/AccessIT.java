package com.telco.complaints.sla.it;

import com.telco.complaints.testsupport.BadRecords;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.ParkedRecords;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Who may use which door of sla-service, the library's /admin doors included: without a valid token
 * every door answers 401 with a bearer challenge; a role the door is not for gets a 403 problem and
 * changes nothing (no replay or rebuild starts or stops, no parked record is re-driven or dropped);
 * the roles it is for get their answer. The OpenAPI document must list exactly the doors checked
 * here, each with its roles, so that a new door cannot escape this test.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class AccessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> ROLES = List.of(Callers.SUBMITTER, Callers.AGENT, Callers.SURVEYOR,
            Callers.OPERATOR, Callers.AUDITOR, Callers.ADMIN);
    private static final List<String> CLOCK_READERS = List.of(Callers.OPERATOR, Callers.ADMIN, Callers.AUDITOR);
    private static final List<String> REPLAY_WATCHERS = List.of(Callers.ADMIN, Callers.OPERATOR);
    private static final List<String> ADMINS = List.of(Callers.ADMIN);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * A door: its method, its path as the OpenAPI document names it, a path that reaches it (an id
     * that need not exist: the token is checked first), and the roles it is for (empty: any
     * authenticated caller).
     */
    private record Door(String method, String template, String path, List<String> roles) {

        Door(String method, String path, List<String> roles) {
            this(method, path, path, roles);
        }

        Response call(RequestSpecification caller) {
            return caller.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Door> SLA_DOORS = List.of(
            new Door("GET", "/sla/clocks", CLOCK_READERS),
            new Door("GET", "/sla/complaints/{complaintId}", "/sla/complaints/C-NONE", CLOCK_READERS),
            new Door("GET", "/sla/calendar", List.of()),
            new Door("GET", "/sla/calendar/{year}", "/sla/calendar/2026", List.of()),
            new Door("PUT", "/sla/calendar/{year}", "/sla/calendar/2031", ADMINS),
            new Door("POST", "/sla/replay", ADMINS),
            new Door("GET", "/sla/replay", REPLAY_WATCHERS),
            new Door("DELETE", "/sla/replay", ADMINS));

    private static List<Door> libraryDoors(long parkedId) {
        return List.of(
                new Door("GET", "/admin/outbox", ADMINS),
                new Door("GET", "/admin/outbox/failed", ADMINS),
                new Door("POST", "/admin/outbox/failed/{id}/retry", "/admin/outbox/failed/0/retry", ADMINS),
                new Door("GET", "/admin/parked", ADMINS),
                new Door("GET", "/admin/parked/{id}", "/admin/parked/" + parkedId, ADMINS),
                new Door("POST", "/admin/parked/{id}/retry", "/admin/parked/" + parkedId + "/retry", ADMINS),
                new Door("POST", "/admin/parked/{id}/discard", "/admin/parked/" + parkedId + "/discard", ADMINS),
                new Door("POST", "/admin/parked/retry", ADMINS),
                new Door("POST", "/admin/rebuild", ADMINS),
                new Door("GET", "/admin/rebuild", ADMINS),
                new Door("DELETE", "/admin/rebuild", ADMINS));
    }

    private static List<Door> everyDoor() {
        return Stream.concat(SLA_DOORS.stream(), libraryDoors(1).stream()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentListsExactlyTheDoorsCheckedHereEachWithItsRoles() {
        Map<String, Map<String, Map<String, Object>>> paths = Callers.anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains).forEach(method ->
                documented.add(method.toUpperCase() + " " + path)));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                everyDoor().stream().map(d -> d.method() + " " + d.template()).toList());
        for (Door door : everyDoor()) {
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) paths.get(door.template())
                    .get(door.method().toLowerCase()).get("security");
            assertThat(security).as("bearer roles of %s", door).isNotNull();
            assertThat(security.get(0).get("bearer")).as("bearer roles of %s", door)
                    .containsExactlyInAnyOrderElementsOf(door.roles().isEmpty() ? List.of("**") : door.roles());
        }
    }

    @Test
    void withoutAValidTokenEveryDoorAnswers401WithABearerChallengeAndNoReplayStarts() {
        Map<String, Object> before = replayProgress();
        for (Door door : everyDoor()) {
            Response anonymous = door.call(Callers.anonymous());
            assertThat(anonymous.statusCode()).as("%s without a token", door).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).as("%s: challenge", door).contains("Bearer");
            assertThat(anonymous.contentType()).as("%s: problem", door).startsWith("application/problem+json");
            // An administrator's forged or expired token: with a valid one, every door would let it pass.
            assertThat(door.call(given().auth().oauth2(Callers.forged(Callers.ADMIN))).statusCode())
                    .as("%s with a forged token", door).isEqualTo(401);
            assertThat(door.call(given().auth().oauth2(Callers.expired(Callers.ADMIN))).statusCode())
                    .as("%s with an expired token", door).isEqualTo(401);
        }
        assertThat(replayProgress()).as("the replay after refused POST /sla/replay and /admin/rebuild")
                .isEqualTo(before);
    }

    @Test
    void clocksAreReadByOperatorsAdministratorsAndAuditorsOnly() {
        String id = TestEvents.newComplaintId();
        try (EventLog log = EventLog.ofEvents()) {
            log.publish(TestEvents.registered(id, TestClock.NOW.instant()));
        }
        await().atMost(WAIT).untilAsserted(() ->
                Callers.as(Callers.ADMIN).get("/sla/complaints/" + id).then().statusCode(200));

        for (String role : CLOCK_READERS) {
            as(role).get("/sla/complaints/" + id).then().statusCode(200).body("complaintId", equalTo(id))
                    .body("clocks.clock", hasItem("CASE"));
            as(role).queryParam("size", 1000).get("/sla/clocks").then().statusCode(200)
                    .body("complaintId", hasItem(id));
        }
        for (String role : allBut(CLOCK_READERS)) {
            forbidden(role, "GET", "/sla/complaints/" + id);
            forbidden(role, "GET", "/sla/clocks");
        }
    }

    @Test
    void theCalendarIsReadByEveryAuthenticatedRole() {
        for (String role : ROLES) {
            as(role).queryParam("from", "2026-10-01").queryParam("to", "2026-10-01").get("/sla/calendar").then()
                    .statusCode(200).body("days[0].kind", equalTo("HOLIDAY"));
            as(role).get("/sla/calendar/2026").then().statusCode(200).body("origin", equalTo("SHIPPED"))
                    .body("source", equalTo("calendar/cn-2026.txt"));
        }
    }

    @Test
    void onlyAnAdministratorLoadsAHolidayNotice() {
        for (String role : allBut(ADMINS)) {
            as(role).contentType("text/plain").body("year=2031\nholidays=2031-01-01\n").put("/sla/calendar/2031")
                    .then().statusCode(403);
        }
        as(Callers.ADMIN).get("/sla/calendar/2031").then().statusCode(404);
    }

    @Test
    void onlyAnAdministratorStartsOrAbandonsAReplayAndOperatorsWatchIt() {
        Map<String, Object> before = replayProgress();
        for (String role : allBut(ADMINS)) {
            forbidden(role, "POST", "/sla/replay");
            forbidden(role, "POST", "/admin/rebuild");
        }
        assertThat(replayProgress()).as("the replay after POSTs of other roles").isEqualTo(before);
        for (String role : REPLAY_WATCHERS) {
            as(role).get("/sla/replay").then().statusCode(200).body("state", equalTo(before.get("state")));
        }
        for (String role : allBut(REPLAY_WATCHERS)) {
            forbidden(role, "GET", "/sla/replay");
        }

        Callers.as(Callers.ADMIN).post("/sla/replay").then().statusCode(202);
        for (String role : allBut(ADMINS)) {
            forbidden(role, "DELETE", "/sla/replay");
            forbidden(role, "DELETE", "/admin/rebuild");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Callers.as(Callers.OPERATOR).get("/sla/replay")
                .then().statusCode(200).body("state", equalTo("DONE")));
        Callers.as(Callers.ADMIN).delete("/sla/replay").then().statusCode(200).body("state", equalTo("DONE"));
    }

    @Test
    void theLibraryDoorsAreAnAdministratorsAndARefusedWriteChangesNoParkedRecord() {
        BadRecords.Published bad;
        try (EventLog log = EventLog.ofEvents()) {
            bad = BadRecords.publish(log, TestClock.NOW.instant());
        }
        BadRecords.assertParked(bad);
        Map<String, Object> parked = ParkedRecords.of(bad.newerVersion()).get(0);
        List<Map<String, Object>> otherParked = ParkedRecords.of(bad.incomplete());
        long id = ((Number) parked.get("id")).longValue();
        Map<String, Object> rebuild = replayProgress();

        for (String role : allBut(ADMINS)) {
            for (Door door : libraryDoors(id)) {
                forbidden(role, door.method(), door.path());
            }
        }
        assertThat(ParkedRecords.of(bad.newerVersion())).as("neither re-driven nor discarded").containsExactly(parked);
        assertThat(ParkedRecords.of(bad.incomplete())).as("not re-driven").isEqualTo(otherParked);
        assertThat(replayProgress()).as("no rebuild started or abandoned").isEqualTo(rebuild);

        asAdmin().get("/admin/outbox").then().statusCode(200).body("pending", notNullValue());
        asAdmin().get("/admin/outbox/failed").then().statusCode(200);
        asAdmin().post("/admin/outbox/failed/0/retry").then().statusCode(404); // past the guard: no such row
        asAdmin().get("/admin/parked").then().statusCode(200).body("id", hasItem((int) id));
        asAdmin().get("/admin/parked/" + id).then().statusCode(200).body("key", equalTo(bad.newerVersion()));
        asAdmin().post("/admin/parked/" + id + "/retry").then().statusCode(200).body("stillParked", hasItem((int) id));
        asAdmin().queryParam("reason", "newer-version").post("/admin/parked/retry").then().statusCode(200);
        assertThat(((Number) ParkedRecords.of(bad.newerVersion()).get(0).get("attempts")).intValue())
                .as("attempts after the administrator's two re-drives")
                .isEqualTo(((Number) parked.get("attempts")).intValue() + 2);
        asAdmin().post("/admin/parked/" + id + "/discard").then().statusCode(200);
        assertThat(ParkedRecords.of(bad.newerVersion())).as("discarded by the administrator").isEmpty();

        asAdmin().post("/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get("/admin/rebuild").then()
                .statusCode(200).body("state", equalTo("DONE")));
        asAdmin().delete("/admin/rebuild").then().statusCode(200);
    }

    /** The replay's progress, as an administrator sees it, once no replay is running. */
    private static Map<String, Object> replayProgress() {
        return await().atMost(Duration.ofSeconds(60)).until(() -> asAdmin().get("/sla/replay").then()
                .statusCode(200).extract().jsonPath().getMap("$"),
                p -> "IDLE".equals(p.get("state")) || p.get("finishedAt") != null);
    }

    /** Calls {@code method path} as {@code role}, and checks the answer is a 403 problem. */
    private static void forbidden(String role, String method, String path) {
        Response response = as(role).request(method, path);
        String call = method + " " + path + " as " + role;
        assertThat(response.statusCode()).as(call).isEqualTo(403);
        assertThat(response.contentType()).as(call).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).as(call).isEqualTo(403);
    }

    private static List<String> allBut(List<String> allowed) {
        List<String> others = new ArrayList<>(ROLES);
        others.removeAll(allowed);
        return others;
    }

    /** The test caller of {@code role}; for agents, one of network-ops. */
    private static RequestSpecification as(String role) {
        return Callers.AGENT.equals(role) ? Callers.agent("network-ops") : Callers.as(role);
    }

    private static RequestSpecification asAdmin() {
        return Callers.as(Callers.ADMIN);
    }
}
