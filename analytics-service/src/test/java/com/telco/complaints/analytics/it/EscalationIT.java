package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Routing's urges, escalations, notices and transfers as analytics shows them: GET /escalations lists each
 * escalation of an overdue work order, open until the work order is returned, then resolved; a redelivered
 * escalation is listed once; the case view shows each work order's department after its transfer, its urge,
 * escalation level, notice and the fault its return found; GET /kpis counts transfers (against the department
 * the work order was dispatched to first), urges, escalations and the faults returns found, and a case closed as
 * RECORDED as a closed, dissatisfied one.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class EscalationIT {

    private static Publisher publisher;

    @BeforeAll
    static void open() {
        publisher = new Publisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    /** What an overdue case published: its RETURN clock, and the instants of its notice and its level 2. */
    private record Overdue(SlaClockStarted clock, Instant noticedAt, Instant level2At) {}

    /**
     * A case registered at {@code at}, dispatched to {@code from} with a RETURN clock of 10 h, transferred to
     * {@code to} after half an hour, urged at the warning point, escalated to level 1 at the deadline, management
     * told a minute later (a key customer's), escalated to level 2 two hours after the deadline; level 2 is
     * delivered twice. Waits until its 8 events are applied.
     */
    private static Overdue overdue(String id, Instant at, String from, String to) {
        SlaClockStarted clock = TestEvents.clockStarted(id, SlaClock.RETURN, TestEvents.workOrder(id, 1),
                at.plusSeconds(60), Duration.ofHours(10));
        Instant deadline = clock.deadline();
        Overdue overdue = new Overdue(clock, deadline.plusSeconds(60), deadline.plus(Duration.ofHours(2)));
        WorkOrderEscalated level2 = TestEvents.escalated(id, 1, 2, overdue.level2At(), to, to + "-head",
                deadline);
        publisher.publish(TestEvents.registered(id, at), TestEvents.dispatched(id, at.plusSeconds(60), from), clock,
                TestEvents.transferred(id, 1, 1, at.plus(Duration.ofMinutes(30)), from, to),
                TestEvents.urged(id, 1, clock.warnAt(), to, deadline),
                TestEvents.escalated(id, 1, 1, deadline, to, to + "-lead", deadline),
                level2, level2,
                TestEvents.notice(id, 1, overdue.noticedAt(), NoticeReason.KEY_CUSTOMER_OVERDUE, to, deadline));
        Api.awaitApplied(id, 8);
        return overdue;
    }

    /** GET /escalations with query parameters given as name, then value. */
    private static Response escalations(String... nameThenValue) {
        var request = as(OPERATOR);
        for (int i = 0; i < nameThenValue.length; i += 2) {
            request = request.queryParam(nameThenValue[i], nameThenValue[i + 1]);
        }
        return request.get("/escalations");
    }

    @Test
    void anOverdueWorkOrdersEscalationsAreOpenUntilItIsReturnedThenResolved() {
        String id = TestEvents.newComplaintId();
        String w1 = TestEvents.workOrder(id, 1);
        Overdue overdue = overdue(id, Instant.parse("2033-05-01T00:00:00Z"), "esc-net", "esc-desk");
        String deadline = overdue.clock().deadline().toString();

        Response open = escalations("status", "OPEN", "department", "esc-desk");
        open.then().statusCode(200).header("X-Total-Count", "3").body("total", equalTo(3));
        JsonPath page = open.jsonPath();
        assertThat(page.getList("items.complaintId")).containsOnly(id);
        assertThat(page.getList("items.dispatchId")).containsOnly(w1);
        assertThat(page.getList("items.department")).containsOnly("esc-desk");
        assertThat(page.getList("items.kind")).containsExactly("LADDER", "NOTICE", "LADDER");
        assertThat(page.getList("items.level")).containsExactly(1, null, 2);
        assertThat(page.getList("items.addressedTo"))
                .containsExactly("esc-desk-lead", TestEvents.MANAGEMENT, "esc-desk-head");
        assertThat(page.getList("items.reason")).containsExactly(null, "KEY_CUSTOMER_OVERDUE", null);
        assertThat(page.getList("items.deadline")).containsOnly(deadline);
        assertThat(page.getList("items.raisedAt"))
                .containsExactly(deadline, overdue.noticedAt().toString(), overdue.level2At().toString());
        assertThat(page.getList("items.status")).containsOnly("OPEN");
        assertThat(page.getList("items.resolvedAt")).containsOnly((Object) null);

        Instant returnedAt = overdue.level2At().plus(Duration.ofHours(1));
        publisher.publish(TestEvents.returned(id, 1, returnedAt, FaultParty.DEPARTMENT));
        Api.awaitApplied(id, 9);

        escalations("status", "OPEN", "department", "esc-desk").then().statusCode(200)
                .header("X-Total-Count", "0").body("items.size()", equalTo(0));
        JsonPath resolved = escalations("status", "RESOLVED", "department", "esc-desk").then().statusCode(200)
                .header("X-Total-Count", "3").extract().jsonPath();
        assertThat(resolved.getList("items.kind")).containsExactly("LADDER", "NOTICE", "LADDER");
        assertThat(resolved.getList("items.status")).containsOnly("RESOLVED");
        assertThat(resolved.getList("items.resolvedAt")).containsOnly(returnedAt.toString());

        JsonPath view = Api.caseView(id);
        assertThat(view.getString("department")).isEqualTo("esc-desk");
        assertThat(view.getMap("workOrders[0]")).containsEntry("dispatchId", w1).containsEntry("status", "RETURNED")
                .containsEntry("department", "esc-desk").containsEntry("transfers", 1)
                .containsEntry("urgedAt", overdue.clock().warnAt().toString()).containsEntry("escalationLevel", 2)
                .containsEntry("noticedAt", overdue.noticedAt().toString()).containsEntry("faultOf", "DEPARTMENT");
        // The audit trail names the new events, and holds the level-2 escalation delivered twice once.
        JsonPath trail = Api.auditTrail(id);
        assertThat(trail.getList("events.name")).containsExactly("ComplaintRegistered", "Dispatched",
                "SlaClockStarted", "WorkOrderTransferred", "WorkOrderUrged", "WorkOrderEscalated",
                "WorkOrderEscalated", "EscalationNotice", "Returned");
        assertThat(trail.getList("events.notApplied")).containsOnly((Object) null);
    }

    @Test
    void escalationsAreFilteredByDepartmentAndKindAndPagedOldestFirst() {
        String id = TestEvents.newComplaintId();
        overdue(id, Instant.parse("2033-07-01T00:00:00Z"), "pg-net", "pg-desk");

        escalations("department", "pg-desk", "size", "1", "page", "1").then().statusCode(200)
                .header("X-Total-Count", "3").body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.size()", equalTo(1)).body("items[0].kind", equalTo("NOTICE"));
        escalations("department", "pg-desk", "kind", "LADDER").then().statusCode(200)
                .header("X-Total-Count", "2").body("items.level", contains(1, 2));
        escalations("department", "pg-desk", "kind", "NOTICE", "status", "OPEN").then().statusCode(200)
                .header("X-Total-Count", "1").body("items[0].reason", equalTo("KEY_CUSTOMER_OVERDUE"));
        escalations("department", "pg-net").then().statusCode(200).header("X-Total-Count", "0");
    }

    /**
     * An incident grown past the emergency plan's size, reported to the emergency leadership group on the complaint
     * that tipped it: listed with its reason and incident and no deadline, open until the incident returns the
     * complaint's held work order; the ladder's escalations with their deadlines list beside it.
     */
    @Test
    void aNoticeOfAnIncidentIsListedWithItsReasonAndIncidentAndNoDeadlineUntilTheIncidentIsResolved() {
        String id = TestEvents.newComplaintId();
        String incident = "INC-ESC-" + id;
        Instant at = Instant.parse("2033-09-01T00:00:00Z");
        publisher.publish(TestEvents.registered(id, at),
                TestEvents.incidentLinked(id, incident, "ESC-R", at.minus(Duration.ofHours(1)), 1, null,
                        at.plusSeconds(60), at.plus(Duration.ofHours(4)), 1),
                TestEvents.incidentNotice(id, 1, at.plusSeconds(61), NoticeReason.INCIDENT_SIZE, incident));
        Api.awaitApplied(id, 3);

        JsonPath open = escalations("department", "network-ops", "kind", "NOTICE", "status", "OPEN").then()
                .statusCode(200).extract().jsonPath();
        int i = open.getList("items.complaintId").indexOf(id);
        assertThat(i).isNotNegative();
        assertThat(open.getMap("items[" + i + "]")).containsEntry("dispatchId", TestEvents.workOrder(id, 1))
                .containsEntry("reason", "INCIDENT_SIZE").containsEntry("incidentId", incident)
                .containsEntry("addressedTo", TestEvents.EMERGENCY_LEADERSHIP).containsEntry("deadline", null)
                .containsEntry("raisedAt", at.plusSeconds(61).toString()).containsEntry("status", "OPEN");
        // The notice concerns the incident: the held work order is not marked as noticed overdue.
        assertThat(Api.caseView(id).getMap("workOrders[0]")).containsEntry("noticedAt", null);

        Instant resolvedAt = at.plus(Duration.ofHours(3));
        publisher.publish(TestEvents.returned(id, 1, resolvedAt, FaultParty.THIRD_PARTY));
        Api.awaitApplied(id, 4);

        JsonPath resolved = escalations("department", "network-ops", "kind", "NOTICE", "status", "RESOLVED").then()
                .statusCode(200).extract().jsonPath();
        int j = resolved.getList("items.complaintId").indexOf(id);
        assertThat(resolved.getMap("items[" + j + "]")).containsEntry("incidentId", incident)
                .containsEntry("resolvedAt", resolvedAt.toString());
    }

    @Test
    void aWrongStatusKindOrPageIsA400ListingEveryOne() {
        escalations("status", "CLOSED").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        escalations("status", "open", "kind", "SMS", "size", "0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "kind", "size"));
    }

    /**
     * In [2033-06-01, 2033-06-02): T1 dispatched to kpi-esc-net, transferred to kpi-esc-desk, urged, escalated,
     * returned at the department's fault; T2 dispatched to kpi-esc-net, returned at the customer-service centre's
     * fault, surveyed dissatisfied and closed as RECORDED. Both count under kpi-esc-net: 2 work orders, 1
     * transferred → misroutingRate 0.5, 1 urged, 1 escalated, faults DEPARTMENT 1 and CUSTOMER_SERVICE_CENTRE 1;
     * 1 closed, 1 survey answered, none satisfied.
     */
    @Test
    void transfersUrgesEscalationsAndFaultsShowInTheKpisAndARecordedCloseIsADissatisfiedOne() {
        Instant day = Instant.parse("2033-06-01T00:00:00Z");
        String t1 = TestEvents.newComplaintId();
        Overdue overdue = overdue(t1, day, "kpi-esc-net", "kpi-esc-desk");
        publisher.publish(TestEvents.returned(t1, 1, overdue.level2At().plusSeconds(60), FaultParty.DEPARTMENT));
        Api.awaitApplied(t1, 9);
        String t2 = TestEvents.newComplaintId();
        Instant t2At = day.plus(Duration.ofHours(1));
        publisher.publish(TestEvents.registered(t2, t2At), TestEvents.dispatched(t2, t2At, "kpi-esc-net"),
                TestEvents.returned(t2, 1, t2At.plus(Duration.ofHours(2)), FaultParty.CUSTOMER_SERVICE_CENTRE),
                TestEvents.surveyFailed(t2, 1, t2At.plus(Duration.ofHours(3)), true, false),
                TestEvents.closed(t2, 1, t2At.plus(Duration.ofHours(3)), CloseOutcome.RECORDED));
        Api.awaitApplied(t2, 5);
        assertThat(Api.caseView(t2).getString("closeOutcome")).isEqualTo("RECORDED");

        String body = as(OPERATOR).queryParam("from", day.toString())
                .queryParam("to", day.plus(Duration.ofDays(1)).toString()).queryParam("groupBy", "department")
                .get("/kpis").then().statusCode(200).extract().asString();
        JsonPath report = new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));

        assertThat(report.getList("groups.group")).containsExactly("kpi-esc-net");
        for (String figures : new String[] {"total", "groups[0]"}) {
            Map<String, Object> f = report.getMap(figures);
            assertThat(f).as(figures).containsEntry("volume", 2).containsEntry("workOrders", 2)
                    .containsEntry("transferred", 1).containsEntry("misroutingRate", 0.5)
                    .containsEntry("urged", 1).containsEntry("escalated", 1)
                    .containsEntry("closed", 1).containsEntry("surveysAnswered", 1)
                    .containsEntry("surveysPassed", 0).containsEntry("satisfactionRate", 0.0)
                    .containsEntry("faults", Map.of("DEPARTMENT", 1, "CUSTOMER_SERVICE_CENTRE", 1));
        }
    }
}
