package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import com.telco.complaints.analytics.store.IncidentStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.telco.complaints.testsupport.Callers.ADMIN;
import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every table of analytics' schema is a projection of the log (the incidents and disputes too): losing them all and
 * replaying the topic from offset 0 gives the same answers, byte for byte, and the live consumer carries on
 * afterwards. (The record of audit reads is not a projection and survives a rebuild: AccessIT.)
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RebuildIT {

    private static final Instant T = Instant.parse("2032-01-10T08:00:00Z");

    private static Publisher publisher;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IncidentStore incidents;

    @BeforeAll
    static void open() {
        publisher = new Publisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    /**
     * Cases in every state, some events delivered twice, two escalated (one of them returned since), one
     * transferred, one resolved at the first contact; returns complaint id → events applied.
     */
    private static Map<String, Integer> publishCases(String region) {
        Map<String, Integer> cases = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            String id = TestEvents.newComplaintId();
            Instant t = T.plus(Duration.ofMinutes(17L * i));
            List<ComplaintEvent> events = new ArrayList<>();
            events.add(TestEvents.registered(id, t, i % 2 == 0 ? Channel.HOTLINE : Channel.ONLINE,
                    i % 3 == 0 ? Category.BUSINESS : Category.NETWORK, region, CustomerTier.STANDARD, Urgency.NORMAL));
            if (i > 0) {
                events.add(TestEvents.dispatched(id, t.plusSeconds(60), i % 3 == 0 ? "billing" : "network-ops"));
                SlaClockStarted clock = TestEvents.clockStarted(id, SlaClock.RETURN, id + "-W1", t.plusSeconds(60),
                        Duration.ofHours(2));
                events.add(clock);
                if (i % 4 == 1) {
                    events.add(TestEvents.warning(clock));
                    events.add(TestEvents.breach(clock));
                    // Escalated: case 1 stays open, case 5 is returned after.
                    events.add(TestEvents.escalated(id, 1, 1, clock.deadline(), "network-ops",
                            "network-ops-lead", clock.deadline()));
                    events.add(TestEvents.notice(id, 1, clock.deadline(), NoticeReason.REGULATOR_OVERDUE,
                            "network-ops", clock.deadline()));
                }
                if (i == 3) {
                    events.add(TestEvents.transferred(id, 1, 1, t.plus(Duration.ofMinutes(30)), "billing",
                            "network-ops"));
                }
            }
            if (i > 2) {
                events.add(TestEvents.returned(id, 1, t.plus(Duration.ofHours(3)), true));
            }
            if (i > 4) {
                events.add(TestEvents.surveyFailed(id, 1, t.plus(Duration.ofHours(4)), true, true));
                events.add(TestEvents.redispatched(id, 2, t.plus(Duration.ofHours(4)), "network-ops-supervisor"));
                events.add(TestEvents.returned(id, 2, t.plus(Duration.ofHours(5)), true));
                events.add(TestEvents.surveyPassed(id, 2, t.plus(Duration.ofHours(6))));
                events.add(TestEvents.closed(id, 2, t.plus(Duration.ofHours(6)), CloseOutcome.SATISFIED));
            }
            publisher.publishAll(events);
            publisher.publish(events.get(events.size() - 1)); // a redelivery
            cases.put(id, events.size());
        }
        // Resolved at the first contact, surveyed without a work order: a KPI of its own and no department.
        String atFirstContact = TestEvents.newComplaintId();
        publisher.publish(TestEvents.resolvedAtFirstContact(TestEvents.registered(atFirstContact, T.plus(Duration.ofMinutes(150)),
                        Channel.HOTLINE, Category.NETWORK, region, CustomerTier.STANDARD, Urgency.NORMAL)),
                TestEvents.surveyPassedAtFirstContact(atFirstContact, T.plus(Duration.ofMinutes(180))));
        cases.put(atFirstContact, 2);
        // Two complaints of one outage incident (the estimate moved, one held work order returned, a link delivered
        // twice), and a billing dispute refunded provisionally.
        String incident = "INC-" + region;
        for (int i = 0; i < 2; i++) {
            String id = TestEvents.newComplaintId();
            Instant t = T.plus(Duration.ofMinutes(160 + i));
            var link = TestEvents.incidentLinked(id, incident, region, T, 1, null, t.plusSeconds(30),
                    T.plus(Duration.ofHours(6)), 1);
            List<ComplaintEvent> events = new ArrayList<>(List.of(TestEvents.registered(id, t), link,
                    TestEvents.estimatedRepairChanged(id, incident, 1, 2, t.plusSeconds(90), T.plus(Duration.ofHours(6)),
                            T.plus(Duration.ofHours(8)))));
            if (i == 0) {
                events.add(TestEvents.returned(id, 1, T.plus(Duration.ofHours(7)), true));
            }
            publisher.publishAll(events);
            publisher.publish(link); // a redelivery
            cases.put(id, events.size());
        }
        String disputing = TestEvents.newComplaintId();
        publisher.publish(TestEvents.disputing(TestEvents.registered(disputing, T.plus(Duration.ofMinutes(170))),
                        TestEvents.BILLING_DISPUTE),
                TestEvents.provisionalRefund(disputing, T.plus(Duration.ofMinutes(200)), T.plus(Duration.ofMinutes(199))));
        cases.put(disputing, 2);
        cases.forEach(Api::awaitApplied);
        return cases;
    }

    /** Everything the API says about the cases. */
    private static Map<String, Object> answers(String region, Iterable<String> ids) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("list", as(OPERATOR).queryParam("region", region).queryParam("size", 500).get("/cases").then()
                .statusCode(200).extract().asString());
        answers.put("escalations", as(OPERATOR).queryParam("size", 500).get("/escalations").then().statusCode(200)
                .extract().asString());
        answers.put("kpis per sp", as(OPERATOR).queryParam("from", "2032-01-10T00:00:00Z")
                .queryParam("to", "2032-01-11T00:00:00Z").get("/kpis/sp").then().statusCode(200).extract().asString());
        answers.put("kpis", as(OPERATOR).queryParam("from", "2032-01-10T00:00:00Z").queryParam("to", "2032-01-11T00:00:00Z")
                .queryParam("groupBy", "department").get("/kpis").then().statusCode(200).extract().asString());
        for (String id : ids) {
            answers.put("case " + id, as(OPERATOR).get("/cases/{id}", id).then().statusCode(200).extract().asString());
            answers.put("audit " + id, as(AUDITOR).get("/audit/complaints/{id}/events", id).then().statusCode(200)
                    .extract().asString());
            answers.put("state " + id, as(AUDITOR).queryParam("asOf", "2032-01-10T11:00:00Z")
                    .get("/audit/complaints/{id}/state", id).then().statusCode(200).extract().asString());
        }
        return answers;
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static void rebuild() {
        as(ADMIN).post("/admin/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(ADMIN).get("/admin/rebuild").then().body("state", equalTo("DONE")));
    }

    @Test
    void rebuildingFromTheLogGivesIdenticalAnswers() throws Exception {
        String region = "RB-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Integer> cases = publishCases(region);
        Map<String, Object> before = answers(region, cases.keySet());
        before.put("incidents", incidents.incidentsDeclaredBetween(T, T.plusSeconds(1)));
        assertThat(before.get("list").toString()).contains("\"total\":9");
        assertThat(before.get("incidents").toString()).contains("linked=2, returned=1");
        assertThat(before.get("kpis per sp").toString()).contains("\"refundedFen\":");
        assertThat(before.get("kpis").toString()).contains("\"group\":\"FIRST_CONTACT\"");
        assertThat(before.get("escalations").toString()).contains("\"status\":\"OPEN\"", "\"status\":\"RESOLVED\"");

        // Lose every table's rows, as if the schema had been dropped.
        sql("delete from cases", "delete from audit_events", "delete from audit_heads", "delete from escalations",
                "delete from incidents", "delete from disputes");
        as(OPERATOR).queryParam("region", region).get("/cases").then().body("total", equalTo(0));

        rebuild();

        Map<String, Object> after = answers(region, cases.keySet());
        after.put("incidents", incidents.incidentsDeclaredBetween(T, T.plusSeconds(1)));
        assertThat(after).isEqualTo(before);
        as(ADMIN).get("/admin/rebuild").then().body("percent", equalTo(100.0f))
                .body("eventsRead", org.hamcrest.Matchers.greaterThanOrEqualTo(
                        cases.values().stream().mapToInt(Integer::intValue).sum()));

        // The live consumer carries on with the swapped-in tables.
        String id = cases.keySet().iterator().next();
        publisher.publish(TestEvents.dispatched(id, T.plus(Duration.ofHours(1)), "billing"));
        Api.awaitApplied(id, cases.get(id) + 1);
        assertThat(Api.caseView(id).getString("status")).isEqualTo("DISPATCHED");
    }

    @Test
    void rebuildingRepairsATamperedArchiveFromTheLog() throws Exception {
        String region = "RB-" + UUID.randomUUID().toString().substring(0, 6);
        String id = publishCases(region).keySet().iterator().next();
        String original = as(AUDITOR).get("/audit/complaints/{id}/events", id).then().extract().asString();
        sql("update audit_events set data = replace(data, '\"region\":\"" + region + "\"', '\"region\":\"XX\"') "
                + "where complaint_id = '" + id + "'");
        assertThat(Api.auditTrail(id).getBoolean("chainValid")).isFalse();

        rebuild();

        assertThat(Api.auditTrail(id).getBoolean("chainValid")).isTrue();
        assertThat(as(AUDITOR).get("/audit/complaints/{id}/events", id).then().extract().asString()).isEqualTo(original);
    }
}
