package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.routing.messaging.Projection;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * An outage (seed 002) against the real broker and database: complaints registered before the declaration are linked
 * by it, superseding their orders; those registered while it is open are linked instead of dispatched; the department
 * sees one work order; the emergency group hears once; the estimate and the resolution reach every complaint; after
 * the resolution complaints are dispatched again. Each incident has a region of its own, so no other test's complaint
 * joins it.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class IncidentIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DEPARTMENT = "network-ops";

    private static EventLog log;

    @Inject
    Projection projection;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static String newRegion() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static ComplaintRegistered registered(String region, Instant at, CustomerTier tier) {
        return TestEvents.registered(TestEvents.newComplaintId(), at, Channel.HOTLINE, Category.NETWORK, region, tier,
                Urgency.NORMAL);
    }

    private static String declaration(String region, Instant from) {
        return """
                { "region": "%s", "category": "NETWORK", "title": "Power cut at base station TZ-0412",
                  "faultDescription": "基站 TZ-0412 停电 The base station lost power; a crew is on its way",
                  "estimatedRepairAt": "%s", "match": { "from": "%s" } }"""
                .formatted(region, Instant.now().plus(Duration.ofHours(6)).atOffset(java.time.ZoneOffset.ofHours(8)),
                        from);
    }

    private static JsonPath declare(String body) {
        return Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(body).post("/incidents").then()
                .statusCode(201).header("Location", matchesPattern(".*/incidents/INC-\\d{8}-\\d{4}"))
                .body("incidentId", matchesPattern("INC-\\d{8}-\\d{4}")).extract().jsonPath();
    }

    private static JsonPath incident(String incidentId) {
        return Callers.as(Callers.OPERATOR).get("/incidents/" + incidentId).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> openQueue(String region) {
        return Callers.agent(DEPARTMENT).queryParam("region", region).queryParam("status", "OPEN")
                .queryParam("size", 1000).get("/work-orders").then().statusCode(200).extract().jsonPath().getList("");
    }

    @Test
    void anOutageBurstGathersFiftyComplaintsOnOneWorkOrderTellsTheGroupOnceAndIsResolvedAtOnce() throws Exception {
        String region = newRegion();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        List<ComplaintRegistered> before = IntStream.range(0, 30)
                .mapToObj(i -> registered(region, from.plusMillis(100L * i), CustomerTier.STANDARD)).toList();
        log.publishAll(before);
        for (ComplaintRegistered r : before) {
            log.await(Dispatched.class, r.complaintId(), 1, TIMEOUT);
        }

        JsonPath declared = declare(declaration(region, from));
        String incidentId = declared.getString("incidentId");
        assertThat(declared.getString("department")).as("the rules' department for NETWORK").isEqualTo(DEPARTMENT);
        assertThat(declared.getInt("counts.linked")).as("linked by the declaration").isEqualTo(30);
        assertThat(declared.getInt("revision")).isEqualTo(1);

        List<ComplaintRegistered> after = IntStream.range(0, 20)
                .mapToObj(i -> registered(region, Instant.now().truncatedTo(ChronoUnit.MILLIS), CustomerTier.STANDARD))
                .toList();
        log.publishAll(after);
        List<ComplaintRegistered> all = new ArrayList<>(before);
        all.addAll(after);
        for (ComplaintRegistered r : all) {
            IncidentLinked link = log.await(IncidentLinked.class, r.complaintId(), 1, TIMEOUT).get(0);
            assertThat(link.incidentId()).isEqualTo(incidentId);
            assertThat(link.department()).isEqualTo(DEPARTMENT);
        }
        for (ComplaintRegistered r : before) {
            IncidentLinked link = log.events(IncidentLinked.class, r.complaintId()).get(0);
            assertThat(link.attempt()).isEqualTo(2);
            assertThat(link.previousDispatchId()).isEqualTo(TestEvents.workOrder(r.complaintId(), 1));
        }
        for (ComplaintRegistered r : after) {
            assertThat(log.events(IncidentLinked.class, r.complaintId()).get(0).attempt()).isEqualTo(1);
        }

        // The department's queue: the incident's one work order, none of the complaints' own.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<Map<String, Object>> queue = openQueue(region);
            assertThat(queue).hasSize(1);
            assertThat(queue.get(0)).containsEntry("kind", "INCIDENT").containsEntry("dispatchId", incidentId);
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) queue.get(0).get("incident");
            assertThat(summary).containsEntry("linked", 50).containsEntry("open", 50)
                    .containsEntry("title", "Power cut at base station TZ-0412");
        });
        JsonPath detail = incident(incidentId);
        assertThat(detail.getList("complaints.complaintId", String.class))
                .containsExactlyInAnyOrderElementsOf(all.stream().map(ComplaintRegistered::complaintId).toList());
        assertThat(detail.getList("complaints.status", String.class)).containsOnly("OPEN");

        // The emergency group heard once, on the 21st complaint: the declaration linked them in registration order.
        Outboxes.awaitDrained();
        List<EscalationNotice> notices = all.stream()
                .flatMap(r -> log.events(EscalationNotice.class, r.complaintId()).stream()).toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).reason()).isEqualTo(NoticeReason.INCIDENT_SIZE);
        assertThat(notices.get(0).complaintId()).isEqualTo(before.get(20).complaintId());
        assertThat(notices.get(0).incidentId()).isEqualTo(incidentId);
        assertThat(notices.get(0).addressedTo()).isEqualTo("emergency-leadership");
        assertThat(QuarkusTransaction.requiringNew().call(() -> projection.reconcile(null, LogApplier.deciding(null))))
                .as("a restart's reconcile owes nothing").isZero();

        // A new estimate reaches every linked complaint.
        Callers.agent(DEPARTMENT).contentType(ContentType.JSON)
                .body("{ \"estimatedRepairAt\": \"" + Instant.now().plus(Duration.ofHours(9)) + "\", "
                        + "\"reason\": \"备用电源故障 The backup generator failed too\" }")
                .post("/incidents/" + incidentId + "/estimate").then().statusCode(200).body("revision", equalTo(2));
        for (ComplaintRegistered r : all) {
            EstimatedRepairChanged changed = log.await(EstimatedRepairChanged.class, r.complaintId(), 1, TIMEOUT).get(0);
            assertThat(changed.revision()).isEqualTo(2);
        }

        // The resolution returns every held order; resolving again is a conflict.
        Callers.agent(DEPARTMENT).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/incidents/" + incidentId + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("counts.returned", equalTo(50));
        for (ComplaintRegistered r : all) {
            Returned returned = log.await(Returned.class, r.complaintId(), 1, TIMEOUT).get(0);
            assertThat(returned.dispatchId()).isEqualTo(log.events(IncidentLinked.class, r.complaintId()).get(0)
                    .dispatchId());
        }
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/incidents/" + incidentId + "/resolve").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(openQueue(region)).isEmpty();

        // Resolved, it gathers nothing more: a complaint of the region is dispatched as usual.
        ComplaintRegistered later = registered(region, Instant.now(), CustomerTier.STANDARD);
        log.publish(later);
        Dispatched dispatched = log.await(Dispatched.class, later.complaintId(), 1, TIMEOUT).get(0);
        assertThat(dispatched.department()).isEqualTo(DEPARTMENT);

        Outboxes.awaitDrained();
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        for (ComplaintRegistered r : before) {
            census.assertCounts(r.complaintId(), LogCensus.counts("Dispatched", 1, "IncidentLinked", 1,
                    "EstimatedRepairChanged", 1, "Returned", 1));
        }
        for (ComplaintRegistered r : after) {
            census.assertCounts(r.complaintId(), LogCensus.counts("Dispatched", 0, "IncidentLinked", 1,
                    "EstimatedRepairChanged", 1, "Returned", 1));
        }
        census.assertCounts(later.complaintId(), LogCensus.counts("Dispatched", 1, "IncidentLinked", 0));
    }

    @Test
    void complaintsRegisteredWhileTheIncidentIsDeclaredAreEachLinkedOnceAndNeverDispatchedPastIt() throws Exception {
        String region = newRegion();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        List<ComplaintRegistered> racing = IntStream.range(0, 40)
                .mapToObj(i -> registered(region, Instant.now().truncatedTo(ChronoUnit.MILLIS), CustomerTier.STANDARD))
                .toList();

        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> racing.forEach(log::publish));
        String incidentId = declare(declaration(region, from)).getString("incidentId");
        publishing.get();

        for (ComplaintRegistered r : racing) {
            log.await(IncidentLinked.class, r.complaintId(), 1, TIMEOUT);
        }
        Outboxes.awaitDrained();
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        for (ComplaintRegistered r : racing) {
            List<String> types = census.records(r.complaintId()).stream()
                    .map(e -> e.event().getClass().getSimpleName()).toList();
            assertThat(types).as("%s: linked once, dispatched (if at all) only before the link", r.complaintId())
                    .containsOnlyOnce("IncidentLinked").containsAnyOf("IncidentLinked");
            assertThat(types.lastIndexOf("Dispatched")).isLessThan(types.indexOf("IncidentLinked"));
        }
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/incidents/" + incidentId + "/resolve").then().statusCode(200);
    }

    @Test
    void aKeyCustomersComplaintTellsTheGroupOnceAndTheDoorsAnswerAsTheyShould() {
        String region = newRegion();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String incidentId = declare(declaration(region, from)).getString("incidentId");
        ComplaintRegistered key = registered(region, Instant.now(), CustomerTier.KEY);
        ComplaintRegistered keyAgain = registered(region, Instant.now(), CustomerTier.KEY);
        log.publish(key);
        log.publish(keyAgain);
        log.publish(key); // a redelivery

        EscalationNotice notice = log.await(EscalationNotice.class, key.complaintId(), 1, TIMEOUT).get(0);
        assertThat(notice.reason()).isEqualTo(NoticeReason.INCIDENT_KEY_CUSTOMER);
        assertThat(notice.deadline()).isNull();
        log.await(IncidentLinked.class, keyAgain.complaintId(), 1, TIMEOUT);
        Outboxes.awaitDrained();
        LogCensus.of(log).assertOneRecordPerEventId()
                .assertCounts(key.complaintId(), LogCensus.counts("IncidentLinked", 1, "EscalationNotice", 1))
                .assertCounts(keyAgain.complaintId(), LogCensus.counts("IncidentLinked", 1, "EscalationNotice", 0));
        assertThat(incident(incidentId).getList("noticed", String.class)).containsExactly("INCIDENT_KEY_CUSTOMER");

        Callers.agent("billing").contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/incidents/" + incidentId + "/resolve").then().statusCode(403);
        Callers.agent("billing").get("/incidents/" + incidentId).then().statusCode(200);
        Callers.as(Callers.SURVEYOR).get("/incidents").then().statusCode(403);
        Callers.agent(DEPARTMENT).contentType(ContentType.JSON).body(declaration(region, from)).post("/incidents")
                .then().statusCode(403);
        Callers.as(Callers.OPERATOR).get("/incidents/INC-19700101-9999").then().statusCode(404);
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON)
                .body("{ \"region\": \"TZ-HL\", \"category\": \"WEATHER\", \"estimatedRepairAt\": \"2020-01-01T00:00:00Z\", "
                        + "\"match\": { \"from\": \"2026-12-01T00:00:00Z\" }, \"complaintIds\": [\"a\"] }")
                .post("/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("category", "title", "faultDescription", "estimatedRepairAt",
                        "complaintIds"));
        Callers.as(Callers.OPERATOR).queryParam("status", "OPEN").get("/incidents").then().statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                .body("incidentId", org.hamcrest.Matchers.hasItem(incidentId));

        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/incidents/" + incidentId + "/resolve").then().statusCode(200);
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON)
                .body("{ \"estimatedRepairAt\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\", \"reason\": \"x\" }")
                .post("/incidents/" + incidentId + "/estimate").then().statusCode(409);
    }

    @Test
    void aRetriedDeclarationAnswersTheIncidentItDeclaredAndAnUnchangedEstimateTellsNobodyAgain() {
        String region = newRegion();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        ComplaintRegistered before = registered(region, from.plusSeconds(1), CustomerTier.STANDARD);
        log.publish(before);
        log.await(Dispatched.class, before.complaintId(), 1, TIMEOUT);
        String body = declaration(region, from);
        String key = "declare-" + UUID.randomUUID();

        String incidentId = Callers.as(Callers.OPERATOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/incidents").then().statusCode(201).extract().path("incidentId");
        Callers.as(Callers.OPERATOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/incidents").then().statusCode(200)
                .header("Location", matchesPattern(".*/incidents/" + incidentId))
                .body("incidentId", equalTo(incidentId)).body("counts.linked", equalTo(1));
        Callers.as(Callers.OPERATOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("Power cut at base station TZ-0412", "Another fault")).post("/incidents").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("idempotency-key-reused"));
        List<String> declaredForRegion = Callers.as(Callers.OPERATOR).queryParam("size", 1000).get("/incidents").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.region == '" + region + "' }.incidentId");
        assertThat(declaredForRegion).as("one incident, however often it was declared").containsExactly(incidentId);

        // The estimate it has: no revision, nobody told again.
        String estimate = incident(incidentId).getString("estimatedRepairAt");
        Callers.agent(DEPARTMENT).contentType(ContentType.JSON)
                .body("{ \"estimatedRepairAt\": \"" + estimate + "\", \"reason\": \"unchanged\" }")
                .post("/incidents/" + incidentId + "/estimate").then().statusCode(200).body("revision", equalTo(1));
        Outboxes.awaitDrained();
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(before.complaintId(),
                LogCensus.counts("IncidentLinked", 1, "EstimatedRepairChanged", 0));

        // A window longer than routing.incidents.longest-window (P31D) is refused before anything is locked.
        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON)
                .body(declaration(region, from.minus(Duration.ofDays(32)))).post("/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("match.from"));

        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/incidents/" + incidentId + "/resolve").then().statusCode(200);
    }

    @Test
    void ofTwoOpenIncidentsGatheringAComplaintTheFirstDeclaredLinksIt() {
        String region = newRegion();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String first = declare(declaration(region, from)).getString("incidentId");
        String second = declare(declaration(region, from.minusSeconds(30))).getString("incidentId");

        List<ComplaintRegistered> complaints = IntStream.range(0, 5)
                .mapToObj(i -> registered(region, Instant.now().truncatedTo(ChronoUnit.MILLIS), CustomerTier.STANDARD))
                .toList();
        log.publishAll(complaints);
        for (ComplaintRegistered r : complaints) {
            assertThat(log.await(IncidentLinked.class, r.complaintId(), 1, TIMEOUT).get(0).incidentId())
                    .isEqualTo(first);
        }
        Outboxes.awaitDrained();
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        complaints.forEach(r -> census.assertCounts(r.complaintId(), LogCensus.counts("IncidentLinked", 1)));
        assertThat(incident(second).getInt("counts.linked")).isZero();

        for (String incidentId : List.of(first, second)) {
            Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                    .post("/incidents/" + incidentId + "/resolve").then().statusCode(200);
        }
    }

    @Test
    void aKeyCustomersComplaintThatAlsoTipsTheSizeCarriesBothNotices() {
        String region = newRegion();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        // notify-above is 20: the 21st link, a key customer's, tips both reasons; no further link comes.
        List<ComplaintRegistered> complaints = new ArrayList<>(IntStream.range(0, 20)
                .mapToObj(i -> registered(region, from.plusMillis(100L * i), CustomerTier.STANDARD)).toList());
        ComplaintRegistered key = registered(region, from.plusSeconds(10), CustomerTier.KEY);
        complaints.add(key);
        log.publishAll(complaints);
        for (ComplaintRegistered r : complaints) {
            log.await(Dispatched.class, r.complaintId(), 1, TIMEOUT);
        }

        String incidentId = declare(declaration(region, from)).getString("incidentId");
        Outboxes.awaitDrained();

        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        List<EscalationNotice> notices = census.events(key.complaintId(), EscalationNotice.class);
        assertThat(notices).extracting(EscalationNotice::reason)
                .containsExactlyInAnyOrder(NoticeReason.INCIDENT_SIZE, NoticeReason.INCIDENT_KEY_CUSTOMER);
        assertThat(notices).allSatisfy(n -> assertThat(n.incidentId()).isEqualTo(incidentId));
        complaints.stream().filter(r -> r != key).forEach(r -> census.assertCounts(r.complaintId(),
                LogCensus.counts("IncidentLinked", 1, "EscalationNotice", 0)));
        assertThat(incident(incidentId).getList("noticed", String.class))
                .containsExactlyInAnyOrder("INCIDENT_SIZE", "INCIDENT_KEY_CUSTOMER");

        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/incidents/" + incidentId + "/resolve").then().statusCode(200);
    }
}
