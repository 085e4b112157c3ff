package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.eventing.rest.PersonalData;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.ParkedRecords;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.telco.complaints.testsupport.Callers.ADMIN;
import static com.telco.complaints.testsupport.Callers.AGENT;
import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.SUBMITTER;
import static com.telco.complaints.testsupport.Callers.SURVEYOR;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may call which door of analytics, per the verified bearer token: operators, administrators
 * and auditors read cases, escalations, KPIs and hotspots; only auditors read the audit archive and the record
 * of its reads; only administrators use the library's /admin doors. Every door answers 401 without
 * a valid token and 403 (problem+json) to any other role, and a refused write changes nothing. Case
 * views carry no customer's personal data, whoever reads them; the audit archive shows it in full
 * to auditors. Every successful audit read is recorded, survives a rebuild, and a refused one is
 * not recorded.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class AccessIT {

    private static final List<String> ROLES = List.of(SUBMITTER, AGENT, SURVEYOR, OPERATOR, AUDITOR, ADMIN);
    private static final Set<String> READERS = Set.of(OPERATOR, ADMIN, AUDITOR);
    private static final String REFUSED_TOPIC = "access-it-refused";
    private static final Instant T = Instant.parse("2026-09-01T08:00:00Z");

    private static final String NAME = "王五";
    private static final String PHONE = "13812341234";
    private static final String CONTACT = "wang.wu@example.com";

    private static Publisher publisher;
    /** A registered and dispatched case of customer {@link #NAME}. */
    private static String complaintId;
    private static String region;

    @Inject
    AgroalDataSource dataSource;

    /**
     * A door as called: the roles that may pass and the status they get. Writes come last, in the
     * order the success check can take them: the parked record is discarded after its retries, the
     * rebuild cancelled (none runs) before one is started, and starting a rebuild last of all.
     */
    private record Door(String method, String path, Set<String> allowed, int success) {

        Response call(RequestSpecification caller) {
            return caller.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every door of analytics; {@code parkedId} a parked record's, {@code refusedId} a refused outbox row's. */
    private static List<Door> doors(long parkedId, long refusedId) {
        return List.of(
                new Door("GET", "/cases?region=" + region, READERS, 200),
                new Door("GET", "/cases/" + complaintId, READERS, 200),
                new Door("GET", "/kpis", READERS, 200),
                new Door("GET", "/kpis/sp", READERS, 200),
                new Door("GET", "/dashboard", READERS, 200),
                new Door("GET", "/hotspots", READERS, 200),
                new Door("GET", "/reports/monthly?month=2026-09", READERS, 200),
                new Door("GET", "/escalations", READERS, 200),
                new Door("GET", "/audit/complaints/" + complaintId + "/events", Set.of(AUDITOR), 200),
                new Door("GET", "/audit/complaints/" + complaintId + "/state", Set.of(AUDITOR), 200),
                new Door("GET", "/audit/reads", Set.of(AUDITOR), 200),
                new Door("GET", "/audit/verify", Set.of(AUDITOR), 200),
                new Door("GET", "/admin/outbox", Set.of(ADMIN), 200),
                new Door("GET", "/admin/outbox/failed", Set.of(ADMIN), 200),
                new Door("GET", "/admin/parked", Set.of(ADMIN), 200),
                new Door("GET", "/admin/parked/" + parkedId, Set.of(ADMIN), 200),
                new Door("GET", "/admin/rebuild", Set.of(ADMIN), 200),
                new Door("POST", "/admin/parked/" + parkedId + "/retry", Set.of(ADMIN), 200),
                new Door("POST", "/admin/parked/retry?reason=unreadable", Set.of(ADMIN), 200),
                new Door("POST", "/admin/parked/" + parkedId + "/discard", Set.of(ADMIN), 200),
                new Door("POST", "/admin/outbox/failed/" + refusedId + "/retry", Set.of(ADMIN), 204),
                new Door("DELETE", "/admin/rebuild", Set.of(ADMIN), 200),
                new Door("POST", "/admin/rebuild", Set.of(ADMIN), 202));
    }

    private static RequestSpecification as(String role) {
        return role.equals(AGENT) ? Callers.agent("network-ops") : Callers.as(role);
    }

    /** Once, before the first test: REST Assured knows the test port only from the first test on. */
    @BeforeEach
    void publishTheCase() {
        if (complaintId != null) {
            return;
        }
        publisher = new Publisher();
        complaintId = TestEvents.newComplaintId();
        region = "AC-" + UUID.randomUUID().toString().substring(0, 6);
        publisher.publish(new ComplaintRegistered(UUID.randomUUID(), complaintId, T,
                        EventType.COMPLAINT_REGISTERED.currentVersion(), "test", "test-publisher",
                        Channel.HOTLINE, Category.NETWORK, "no-signal", Urgency.NORMAL, region,
                        new Customer(NAME, PHONE, CustomerTier.STANDARD, CONTACT), "家里没有信号", "Fix it", null,
                        T.plus(Duration.ofHours(48)), null, null),
                TestEvents.dispatched(complaintId, T.plusSeconds(60), "network-ops"));
        Api.awaitApplied(complaintId, 2);
    }

    @AfterAll
    static void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    /** A record that can never apply, parked under a key of its own; returns its id. */
    private static long parkedRecord() {
        String key = TestEvents.newComplaintId();
        publisher.publishRaw(key, "not json {".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEvents.TYPE, "complaint.registered.v1", CloudEvents.ID, key));
        return ((Number) ParkedRecords.await(key, 1, Api.PROJECTED).get(0).get("id")).longValue();
    }

    /** A row the broker refused for good, as the relay leaves it; returns its id. */
    private long refusedOutboxRow() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        sql("insert into outbox_failed (id, topic, headers, created_at, reason) values (?, ?, '{}', now(), "
                + "'refused in AccessIT')", id, REFUSED_TOPIC);
        return id;
    }

    private void removeRefusedRows() throws Exception {
        sql("delete from outbox where topic = ?", REFUSED_TOPIC);
        sql("delete from outbox_failed where topic = ?", REFUSED_TOPIC);
    }

    private void sql(String statement, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    /** How many reads of the case's audit archive are recorded. */
    private static int recordedReads(String complaintId) {
        return Callers.as(AUDITOR).queryParam("complaintId", complaintId).get("/audit/reads").then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }

    /** What the admin doors show: the parked record, the outbox, the last rebuild. */
    private static Map<String, Object> adminState(long parkedId) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("parked", Callers.as(ADMIN).get("/admin/parked/" + parkedId).then().statusCode(200).extract()
                .asString());
        state.put("outbox", Callers.as(ADMIN).get("/admin/outbox").then().statusCode(200).extract().asString());
        state.put("refused", Callers.as(ADMIN).get("/admin/outbox/failed").then().statusCode(200).extract().asString());
        state.put("rebuild", Callers.as(ADMIN).get("/admin/rebuild").then().statusCode(200).extract().asString());
        return state;
    }

    /** Starts a rebuild as an administrator and waits until that rebuild is done. */
    private static void rebuilt(Response started) {
        String startedAt = started.then().statusCode(202).extract().path("startedAt");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Callers.as(ADMIN).get("/admin/rebuild").then().body("startedAt", equalTo(startedAt))
                        .body("state", equalTo("DONE")));
    }

    @Test
    void withoutAValidTokenEveryDoorAnswers401AndNoReadIsRecorded() {
        int reads = recordedReads(complaintId);
        for (Door door : doors(1, 1)) {
            String role = door.allowed().iterator().next();
            assertThat(door.call(Callers.anonymous()).then().extract().statusCode()).as("%s without a token", door)
                    .isEqualTo(401);
            door.call(Callers.anonymous()).then().header("WWW-Authenticate", containsString("Bearer"));
            assertThat(door.call(given().auth().oauth2(Callers.forged(role))).then().extract().statusCode())
                    .as("%s with a forged token", door).isEqualTo(401);
            assertThat(door.call(given().auth().oauth2(Callers.expired(role))).then().extract().statusCode())
                    .as("%s with an expired token", door).isEqualTo(401);
        }
        assertThat(recordedReads(complaintId)).isEqualTo(reads);
    }

    @Test
    void everyOtherRoleIsForbiddenAndItsWritesAndAuditReadsLeaveNoTrace() throws Exception {
        long parked = parkedRecord();
        long refused = refusedOutboxRow();
        try {
            int reads = recordedReads(complaintId);
            Map<String, Object> before = adminState(parked);
            for (Door door : doors(parked, refused)) {
                for (String role : ROLES) {
                    if (!door.allowed().contains(role)) {
                        door.call(as(role)).then().statusCode(403)
                                .contentType(containsString("application/problem+json")).body("status", equalTo(403));
                    }
                }
            }
            assertThat(adminState(parked)).isEqualTo(before);
            assertThat(recordedReads(complaintId)).as("refused audit reads are not recorded").isEqualTo(reads);
        } finally {
            removeRefusedRows();
        }
    }

    @Test
    void theAllowedRolesPassOnEveryDoor() throws Exception {
        long parked = parkedRecord();
        long refused = refusedOutboxRow();
        try {
            List<Door> doors = doors(parked, refused);
            Door startRebuild = doors.get(doors.size() - 1);
            for (Door door : doors.subList(0, doors.size() - 1)) {
                for (String role : door.allowed()) {
                    assertThat(door.call(as(role)).then().extract().statusCode()).as("%s as %s", door, role)
                            .isEqualTo(door.success());
                }
            }
            Callers.as(ADMIN).get("/admin/parked/" + parked).then().statusCode(404); // discarded
            Callers.as(ADMIN).get("/admin/outbox").then().body("pending", equalTo(1)); // the retried row is back

            rebuilt(startRebuild.call(as(ADMIN)));
        } finally {
            removeRefusedRows();
        }
    }

    @Test
    void caseViewsCarryNoPersonalDataAndTheArchiveShowsItInFullToAuditors() {
        List<String> personal = List.of(NAME, PHONE, CONTACT, PersonalData.maskName(NAME),
                PersonalData.maskPhone(PHONE), PersonalData.maskContact(CONTACT));

        String operatorView = Callers.as(OPERATOR).get("/cases/{id}", complaintId).then().statusCode(200).extract()
                .asString();
        String operatorList = Callers.as(OPERATOR).queryParam("region", region).get("/cases").then().statusCode(200)
                .body("items[0].complaintId", equalTo(complaintId)).extract().asString();
        assertThat(operatorView).contains(complaintId, "no-signal");
        for (String data : personal) {
            assertThat(operatorView).doesNotContain(data);
            assertThat(operatorList).doesNotContain(data);
        }
        assertThat(Callers.as(AUDITOR).get("/cases/{id}", complaintId).then().statusCode(200).extract().asString())
                .isEqualTo(operatorView);
        assertThat(Callers.as(ADMIN).get("/cases/{id}", complaintId).then().statusCode(200).extract().asString())
                .isEqualTo(operatorView);

        JsonPath trail = Api.auditTrail(complaintId);
        assertThat(trail.getString("events[0].data.customer.name")).isEqualTo(NAME);
        assertThat(trail.getString("events[0].data.customer.phone")).isEqualTo(PHONE);
        assertThat(trail.getString("events[0].data.customer.contact")).isEqualTo(CONTACT);
    }

    @Test
    void anAuditReadIsRecordedWithTheAuditorTheDoorTheCaseTheQueryAndTheTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Callers.as(AUDITOR).queryParam("asOf", "2026-09-01T09:00:00Z")
                .get("/audit/complaints/{id}/state", complaintId).then().statusCode(200);
        Callers.as(AUDITOR).get("/audit/complaints/{id}/events", complaintId).then().statusCode(200);
        Instant after = Instant.now();

        Response reads = Callers.as(AUDITOR).queryParam("complaintId", complaintId).queryParam("size", 2)
                .get("/audit/reads");
        reads.then().statusCode(200).header("X-Total-Count", String.valueOf(reads.jsonPath().getInt("total")));
        JsonPath page = reads.jsonPath();
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(2);
        assertThat(page.getList("items.complaintId")).containsOnly(complaintId);
        assertThat(page.getList("items.subject")).containsOnly(Callers.subject(AUDITOR));
        assertThat(page.getList("items.name")).containsOnly("IT auditor");
        assertThat(page.getList("items.door")).containsExactly("GET /audit/complaints/{complaintId}/events",
                "GET /audit/complaints/{complaintId}/state");
        assertThat(page.getString("items[0].query")).isNull();
        assertThat(page.getString("items[1].query")).isEqualTo("asOf=2026-09-01T09:00:00Z");
        for (String readAt : page.getList("items.readAt", String.class)) {
            assertThat(Instant.parse(readAt)).isBetween(before, after);
        }
        assertThat(Callers.as(AUDITOR).queryParam("size", 1).get("/audit/reads").then().statusCode(200).extract()
                .jsonPath().getString("items[0].door")).isEqualTo("GET /audit/complaints/{complaintId}/events");
        Callers.as(AUDITOR).queryParam("complaintId", complaintId).queryParam("size", 1).queryParam("page", 1)
                .get("/audit/reads").then().statusCode(200)
                .body("items[0].door", equalTo("GET /audit/complaints/{complaintId}/state"));
    }

    @Test
    void aReadThatFailedIsNotRecorded() {
        int reads = recordedReads(complaintId);
        Callers.as(AUDITOR).get("/audit/complaints/{id}/events", "NO-SUCH-CASE").then().statusCode(404);
        Callers.as(AUDITOR).queryParam("asOf", "yesterday").get("/audit/complaints/{id}/state", complaintId).then()
                .statusCode(400);

        assertThat(recordedReads("NO-SUCH-CASE")).isZero();
        assertThat(recordedReads(complaintId)).isEqualTo(reads);
        Callers.as(AUDITOR).queryParam("size", 0).get("/audit/reads").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void anOperatorCannotReadTheAuditDoorsAndItsAttemptIsNotRecorded() {
        int reads = recordedReads(complaintId);
        Callers.as(OPERATOR).get("/audit/complaints/{id}/events", complaintId).then().statusCode(403);
        Callers.as(OPERATOR).queryParam("asOf", "2026-09-01T09:00:00Z")
                .get("/audit/complaints/{id}/state", complaintId).then().statusCode(403);
        Callers.as(OPERATOR).get("/audit/reads").then().statusCode(403);

        assertThat(recordedReads(complaintId)).isEqualTo(reads);
    }

    @Test
    void aRebuildKeepsTheRecordOfAuditReads() {
        Callers.as(AUDITOR).get("/audit/complaints/{id}/events", complaintId).then().statusCode(200);
        String recorded = Callers.as(AUDITOR).queryParam("complaintId", complaintId).get("/audit/reads").then()
                .statusCode(200).extract().asString();
        int reads = recordedReads(complaintId);
        assertThat(reads).isPositive();

        rebuilt(Callers.as(ADMIN).post("/admin/rebuild"));

        assertThat(Callers.as(AUDITOR).queryParam("complaintId", complaintId).get("/audit/reads").then()
                .statusCode(200).extract().asString()).isEqualTo(recorded);
        Callers.as(AUDITOR).get("/audit/complaints/{id}/events", complaintId).then().statusCode(200);
        assertThat(recordedReads(complaintId)).isEqualTo(reads + 1);
    }
}
