package com.telco.complaints.intake.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may use intake's doors: no token, or a token that does not verify, is a 401 with a bearer
 * challenge; a role the door is not for is a 403 problem and writes nothing; the roles it is for pass.
 * Registering is a submitter's, and the token (never a header) says which submitter registered; a
 * submitter reads only its own complaints and its idempotency keys are its own; operators and
 * administrators read every complaint without the customer's personal data, auditors with it.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class AccessIT {

    private static final String SUBMITTER_A = "access-desk-a";
    private static final String SUBMITTER_B = "access-desk-b";
    private static final String UNKNOWN_COMPLAINT = "20991231-99999998";
    private static final List<String> EVERY_ROLE = List.of(Callers.SUBMITTER, Callers.AGENT, Callers.SURVEYOR,
            Callers.OPERATOR, Callers.AUDITOR, Callers.ADMIN);

    /** A door of intake, as it is called in these tests. */
    private record Door(String method, String path, String body, List<String> allowed) {
        Response call(RequestSpecification request) {
            if (body != null) {
                request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method, path);
        }

        List<String> forbidden() {
            return EVERY_ROLE.stream().filter(role -> !allowed.contains(role)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "complaints.topics.submissions-dlq")
    String deadLetters;

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** Every door of intake; {@code registration} the body POST /complaints is sent. */
    private static List<Door> doors(String complaintId, ObjectNode registration) {
        List<String> admin = List.of(Callers.ADMIN);
        return List.of(
                new Door("POST", "/complaints", registration.toString(), List.of(Callers.SUBMITTER)),
                new Door("GET", "/complaints/" + complaintId, null,
                        List.of(Callers.SUBMITTER, Callers.OPERATOR, Callers.ADMIN, Callers.AUDITOR)),
                new Door("GET", "/admin/outbox", null, admin),
                new Door("GET", "/admin/outbox/failed", null, admin),
                new Door("POST", "/admin/outbox/failed/1/retry", null, admin));
    }

    /** A request of the test caller of {@code role} (an agent of a department, as every agent is). */
    private static RequestSpecification as(String role) {
        return Callers.AGENT.equals(role) ? Callers.agent("network-ops") : Callers.as(role);
    }

    /** A request of {@code submitter} with an Idempotency-Key. */
    private static RequestSpecification withKey(String submitter, String key) {
        return Callers.as(submitter, Callers.SUBMITTER).header("Idempotency-Key", key);
    }

    private static Response register(RequestSpecification request, ObjectNode body) {
        return request.contentType(ContentType.JSON).body(body.toString()).post("/complaints");
    }

    @Test
    void withoutAValidTokenEveryDoorIs401WithABearerChallengeAndRegistersNothing() {
        String complaintId = register(Callers.as(Callers.SUBMITTER), Bodies.valid()).then().statusCode(201)
                .extract().path("complaintId");
        String ref = Bodies.uniqueId();

        for (Door door : doors(complaintId, Bodies.withExternalRef(ref))) {
            String role = door.allowed().get(0);
            door.call(Callers.anonymous()).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .contentType(containsString("application/problem+json")).body("status", equalTo(401));
            door.call(given().auth().oauth2(Callers.forged(role))).then().statusCode(401);
            door.call(given().auth().oauth2(Callers.expired(role))).then().statusCode(401);
        }

        assertRegisteredOnceNow(ref);
    }

    @Test
    void aRoleADoorIsNotForIsForbiddenAndRegistersNothing() {
        String complaintId = register(Callers.as(Callers.SUBMITTER), Bodies.valid()).then().statusCode(201)
                .extract().path("complaintId");
        String ref = Bodies.uniqueId();

        for (Door door : doors(complaintId, Bodies.withExternalRef(ref))) {
            assertThat(door.forbidden()).as("roles refused at %s", door).isNotEmpty();
            for (String role : door.forbidden()) {
                door.call(as(role)).then().statusCode(403)
                        .contentType(containsString("application/problem+json")).body("status", equalTo(403));
            }
        }

        assertRegisteredOnceNow(ref);
    }

    @Test
    void theRolesADoorIsForPass() {
        String complaintId = register(Callers.as(Callers.SUBMITTER), Bodies.valid()).then().statusCode(201)
                .extract().path("complaintId");

        for (String role : List.of(Callers.SUBMITTER, Callers.OPERATOR, Callers.ADMIN, Callers.AUDITOR)) {
            as(role).get("/complaints/" + complaintId).then().statusCode(200)
                    .body("complaintId", equalTo(complaintId));
        }
        Callers.as(Callers.ADMIN).get("/admin/outbox").then().statusCode(200);
        Callers.as(Callers.ADMIN).get("/admin/outbox/failed").then().statusCode(200);
    }

    @Test
    void onlyAnAdministratorPutsARefusedOutboxRowBack() throws SQLException {
        long row = refusedOutboxRow();

        for (String role : List.of(Callers.SUBMITTER, Callers.AGENT, Callers.SURVEYOR, Callers.OPERATOR,
                Callers.AUDITOR)) {
            as(role).post("/admin/outbox/failed/" + row + "/retry").then().statusCode(403);
        }
        assertThat(refusedRows(row)).as("the refused row, after the forbidden retries").isEqualTo(1);

        Callers.as(Callers.ADMIN).post("/admin/outbox/failed/" + row + "/retry").then().statusCode(204);
        assertThat(refusedRows(row)).as("the refused row, after the administrator's retry").isZero();
        Outboxes.awaitDrained();
    }

    @Test
    void theTokenSaysWhoRegisteredAndAHeaderNamingTheSameSubmitterIsAccepted() {
        String complaintId = register(Callers.as(SUBMITTER_A, Callers.SUBMITTER), Bodies.valid()).then()
                .statusCode(201).extract().path("complaintId");
        String declared = register(Callers.as(SUBMITTER_A, Callers.SUBMITTER).header("X-Submitted-By", SUBMITTER_A),
                Bodies.valid()).then().statusCode(201).extract().path("complaintId");

        for (String id : List.of(complaintId, declared)) {
            ComplaintRegistered event = log.await(ComplaintRegistered.class, id, 1, Duration.ofSeconds(20)).get(0);
            assertThat(event.actor()).as("the actor of %s", id).isEqualTo(SUBMITTER_A);
            Callers.as(SUBMITTER_A, Callers.SUBMITTER).get("/complaints/" + id).then().statusCode(200)
                    .body("registeredBy", equalTo(SUBMITTER_A));
        }
    }

    @Test
    void anXSubmittedByNamingSomeoneElseIs400AndClaimsAndRegistersNothing() {
        String ref = Bodies.uniqueId();
        String key = Bodies.uniqueId();

        register(withKey(SUBMITTER_A, key).header("X-Submitted-By", SUBMITTER_B), Bodies.withExternalRef(ref))
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("X-Submitted-By"));

        String complaintId = register(withKey(SUBMITTER_A, key), Bodies.withExternalRef(ref)).then().statusCode(201)
                .extract().path("complaintId");
        assertThat(registeredOnLog(ref)).as("registrations of %s", ref).containsExactly(complaintId);
    }

    @Test
    void aSubmitterReadsItsOwnComplaintAndAnotherSubmittersIsAnsweredAsAnUnknownOne() {
        String complaintId = register(Callers.as(SUBMITTER_B, Callers.SUBMITTER), Bodies.valid()).then()
                .statusCode(201).extract().path("complaintId");

        Callers.as(SUBMITTER_B, Callers.SUBMITTER).get("/complaints/" + complaintId).then().statusCode(200)
                .body("registeredBy", equalTo(SUBMITTER_B));
        Response others = Callers.as(SUBMITTER_A, Callers.SUBMITTER).get("/complaints/" + complaintId);
        Response unknown = Callers.as(SUBMITTER_A, Callers.SUBMITTER).get("/complaints/" + UNKNOWN_COMPLAINT);

        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(others.contentType()).isEqualTo(unknown.contentType());
        assertThat(others.asString().replace(complaintId, "<id>"))
                .isEqualTo(unknown.asString().replace(UNKNOWN_COMPLAINT, "<id>"));
    }

    @Test
    void operatorsAndAdministratorsReadTheCaseWithoutThePersonAndAuditorsReadItAll() {
        ObjectNode body = Bodies.valid();
        body.putObject("customer").put("name", "王五").put("phone", "13812341234").put("tier", "STANDARD")
                .put("contact", "li.si@example.com");
        String complaintId = register(Callers.as(Callers.SUBMITTER), body).then().statusCode(201)
                .extract().path("complaintId");

        for (String role : List.of(Callers.OPERATOR, Callers.ADMIN)) {
            Callers.as(role).get("/complaints/" + complaintId).then().statusCode(200)
                    .body("customer.name", equalTo("王*"))
                    .body("customer.phone", equalTo("138****1234"))
                    .body("customer.contact", equalTo("l****@example.com"))
                    .body("customer.tier", equalTo("STANDARD"))
                    .body("description", equalTo(body.get("description").asText()))
                    .body("demand", equalTo(body.get("demand").asText()));
        }
        Callers.as(Callers.AUDITOR).get("/complaints/" + complaintId).then().statusCode(200)
                .body("customer.name", equalTo("王五"))
                .body("customer.phone", equalTo("13812341234"))
                .body("customer.contact", equalTo("li.si@example.com"))
                .body("description", equalTo(body.get("description").asText()));
    }

    @Test
    void theSameIdempotencyKeyFromTwoSubmittersRegistersTwoComplaintsAndEachRetryGetsItsOwn() {
        String key = Bodies.uniqueId();
        ObjectNode body = Bodies.valid();
        Map<String, String> firstAnswers = new HashMap<>();

        for (String submitter : List.of(SUBMITTER_A, SUBMITTER_B)) {
            firstAnswers.put(submitter, register(withKey(submitter, key), body).then().statusCode(201)
                    .extract().path("complaintId"));
        }
        assertThat(firstAnswers.get(SUBMITTER_A)).isNotEqualTo(firstAnswers.get(SUBMITTER_B));

        for (String submitter : List.of(SUBMITTER_A, SUBMITTER_B)) {
            register(withKey(submitter, key), body).then().statusCode(200)
                    .body("complaintId", equalTo(firstAnswers.get(submitter)));
            assertThat(log.await(ComplaintRegistered.class, firstAnswers.get(submitter), 1, Duration.ofSeconds(20))
                    .get(0).actor()).isEqualTo(submitter);
        }
    }

    @Test
    void theDocumentNamesTheRolesOfEachDoor() {
        var document = Callers.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        assertThat(document.getList("paths.'/complaints'.post.security.bearer.flatten()", String.class))
                .containsExactly(Callers.SUBMITTER);
        assertThat(document.getList("paths.'/complaints/{complaintId}'.get.security.bearer.flatten()", String.class))
                .containsExactlyInAnyOrder(Callers.SUBMITTER, Callers.OPERATOR, Callers.ADMIN, Callers.AUDITOR);
    }

    /**
     * Registers {@code ref} as a submitter: 201, so no earlier request claimed it; once intake's outbox is
     * empty, the log holds this one registration of it and no other.
     */
    private void assertRegisteredOnceNow(String ref) {
        String complaintId = register(Callers.as(Callers.SUBMITTER), Bodies.withExternalRef(ref)).then()
                .statusCode(201).extract().path("complaintId");
        assertThat(registeredOnLog(ref)).as("registrations of %s", ref).containsExactly(complaintId);
    }

    /** The complaints registered with external reference {@code ref}, once intake's outbox is empty. */
    private static List<String> registeredOnLog(String ref) {
        log.await(e -> e.event() instanceof ComplaintRegistered r && r.externalRef() != null
                && ref.equals(r.externalRef().id()), Duration.ofSeconds(20));
        Outboxes.awaitDrained();
        return log.settledEntries(Duration.ofSeconds(10)).stream().map(EventLog.Entry::event)
                .filter(e -> e instanceof ComplaintRegistered r && r.externalRef() != null
                        && ref.equals(r.externalRef().id()))
                .map(e -> e.complaintId()).toList();
    }

    /** A row as the relay moves it aside when the broker refuses it for good: a dead letter nobody needs. */
    private long refusedOutboxRow() throws SQLException {
        long id = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into outbox_failed "
                     + "(id, topic, message_key, headers, payload, created_at, reason) "
                     + "values (?, ?, ?, '{}', ?, now(), 'refused in AccessIT')")) {
            s.setLong(1, id);
            s.setString(2, deadLetters);
            s.setString(3, "access-it-" + id);
            s.setBytes(4, "not needed".getBytes(StandardCharsets.UTF_8));
            s.executeUpdate();
        }
        return id;
    }

    private long refusedRows(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from outbox_failed where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
