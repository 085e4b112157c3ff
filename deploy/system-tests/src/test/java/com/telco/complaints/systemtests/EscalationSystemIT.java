package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.testsupport.LogCensus;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 10, a work order left open (预警 → 催单 → 告警): an urgent complaint of a key customer goes to the
 * key-customer desk (a RETURN limit of {@link SystemUnderTest#KEY_URGENT_RETURN_LIMIT}). At the warning routing urges
 * the desk, and the order is flagged warned and first in the desk's queue sorted by deadline; the desk's agent passes
 * it to the network operations centre, which keeps it past its unchanged deadline: routing escalates it to the
 * centre's supervisor desk at the breach, to the escalation desk {@link SystemUnderTest#SECOND_LEVEL_DELAY} later,
 * and tells enterprise management once, and operations see the three escalations open. The centre returns it naming
 * the party at fault and who is accountable, the customer is satisfied, the case closes, and the escalations are
 * resolved. On the log, each of these facts once.
 */
@ExtendWith(RunningSuite.class)
@Order(10)
class EscalationSystemIT {

    private static final Duration LIMIT = SystemUnderTest.KEY_URGENT_RETURN_LIMIT;
    /** routing's shipped departments: the green channel's desk takes key customers (rule key-customer). */
    private static final String KEY_DESK = "key-customer-desk";
    /** Where the key desk passes the order: NETWORK complaints outside TZ-HL are its (rule network). */
    private static final String NETWORK = "network-ops";
    /** Level 1 of the ladder ("supervisor"): the holding department's supervisor desk, network-ops' own. */
    private static final String NETWORK_SUPERVISOR = "network-ops-supervisor";
    private static final String MANAGEMENT = "enterprise-management";
    private static final String ACCOUNTABLE = "Network operations centre, cell maintenance team TZ-North";

    private final Doors doors;

    EscalationSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void aKeyCustomersOrderIsUrgedTransferredEscalatedLevelByLevelReturnedAndItsEscalationsResolvedAtTheClose() {
        // A normal key complaint first (due in KEY_RETURN_LIMIT), then the urgent one (due in LIMIT, so sooner),
        // each of a region of its own: both wait in the key desk's queue, the urgent one dispatched last.
        String companion = doors.register(ComplaintBody.network(ComplaintBody.uniqueRegion("ESN")).keyCustomer());
        String companionOrder = (String) doors.awaitOpenWorkOrder(companion, 1).get("dispatchId");
        String region = ComplaintBody.uniqueRegion("ESC");
        String complaintId = doors.register(ComplaintBody.network(region).keyCustomer().urgent());
        Map<String, Object> dispatched = doors.awaitOpenWorkOrder(complaintId, 1);
        String dispatchId = (String) dispatched.get("dispatchId");
        assertThat(dispatched.get("department")).as("a key customer's order goes to the green channel's desk")
                .isEqualTo(KEY_DESK);

        JsonPath announced = await("return deadline announced on " + dispatchId).until(
                () -> doors.workOrder(dispatchId), w -> w.getString("returnDeadline") != null);
        Instant dispatchedAt = instant(announced.getString("dispatchedAt"));
        Instant warnAt = instant(announced.getString("warnAt"));
        Instant deadline = instant(announced.getString("returnDeadline"));
        assertThat(Duration.between(dispatchedAt, deadline)).as("the key-urgent RETURN limit").isEqualTo(LIMIT);
        assertThat(Duration.between(dispatchedAt, warnAt)).isEqualTo(LIMIT.multipliedBy(8).dividedBy(10));
        assertThat(instant(announced.getString("deadline"))).isEqualTo(deadline);
        await("return deadline announced on the companion " + companionOrder)
                .until(() -> doors.workOrder(companionOrder), w -> w.getString("returnDeadline") != null);

        // ---- warned: routing urges the desk once the SLA service raised the warning ----
        JsonPath urged = await("urge of " + dispatchId).atMost(LIMIT.plus(Duration.ofSeconds(30)))
                .until(() -> doors.workOrder(dispatchId), w -> w.getString("urgedAt") != null);
        assertThat(urged.getBoolean("warned")).as("warned, once urged").isTrue();
        assertThat(instant(urged.getString("warnedAt"))).as("warned at the clock's 80%% point").isEqualTo(warnAt);
        assertThat(urged.getBoolean("breached")).as("urged %s, due %s: not breached yet", urged.getString("urgedAt"),
                deadline).isFalse();
        assertThat(urged.getString("department")).isEqualTo(KEY_DESK);
        assertThat(urged.getList("history.action")).containsExactly("URGED");

        // The desk's open queue. No other scenario registers key customers, so it holds this test's two orders
        // only (a marker or another test's order never reaches the green channel's desk): the assertions on their
        // order are exact. Sorted by deadline the whole queue is in deadline order and the urgent order, due first
        // though dispatched last, is first, ahead of the companion; sorted by dispatch time the companion is first.
        List<Map<String, Object>> byDeadline = doors.openQueue(KEY_DESK, "deadline", null);
        assertThat(byDeadline).extracting(EscalationSystemIT::deadlineOf)
                .as("the key desk's open queue, sort=deadline").isSorted();
        assertThat(byDeadline).extracting(w -> w.get("dispatchId")).as("the key desk's open queue, sort=deadline")
                .containsExactly(dispatchId, companionOrder);
        assertThat(doors.openQueue(KEY_DESK, "dispatched", null)).extracting(w -> w.get("dispatchId"))
                .as("the key desk's open queue, sort=dispatched").containsExactly(companionOrder, dispatchId);
        assertThat(doors.openQueue(KEY_DESK, "deadline", true)).extracting(w -> w.get("dispatchId"))
                .as("the key desk's warned orders").containsExactly(dispatchId);
        assertThat(doors.openQueue(KEY_DESK, "deadline", false)).extracting(w -> w.get("dispatchId"))
                .as("the key desk's orders not warned").containsExactly(companionOrder);

        // ---- transferred: the key desk's agent passes it to the network operations centre ----
        Response transfer = doors.transfer(KEY_DESK, dispatchId, NETWORK,
                "Cell fault at the customer's address: the network operations centre must repair it");
        transfer.then().statusCode(200);
        JsonPath transferred = transfer.jsonPath();
        assertThat(transferred.getString("department")).isEqualTo(NETWORK);
        assertThat(transferred.getString("dispatchId")).isEqualTo(dispatchId);
        assertThat(transferred.getInt("attempt")).isEqualTo(1);
        assertThat(transferred.getInt("transfers")).isEqualTo(1);
        assertThat(instant(transferred.getString("returnDeadline"))).as("the deadline does not move").isEqualTo(deadline);
        assertThat(instant(transferred.getString("warnAt"))).isEqualTo(warnAt);
        assertThat(transferred.getBoolean("breached"))
                .as("transferred before the breach (deadline %s, now %s): the ladder climbed must be %s's", deadline,
                        Instant.now(), NETWORK).isFalse();
        assertThat(transferred.getList("history.action")).containsExactly("URGED", "TRANSFERRED");
        assertThat(doors.openQueue(KEY_DESK, "deadline", null)).extracting(w -> w.get("dispatchId"))
                .as("the key desk's open queue after the transfer").containsExactly(companionOrder);
        assertThat(doors.openQueue(NETWORK, "deadline", true)).extracting(w -> w.get("dispatchId"))
                .as("the network operations centre's warned orders").contains(dispatchId);
        assertThat(doors.openQueue(NETWORK, "dispatched", null)).extracting(w -> w.get("dispatchId"))
                .as("the network operations centre's open queue").contains(dispatchId);
        // The key desk no longer holds it; the centre holds it already.
        doors.transfer(KEY_DESK, dispatchId, "billing", "Passed on twice").then().statusCode(403);
        doors.transfer(NETWORK, dispatchId, NETWORK, "Already ours").then().statusCode(409);
        Map<String, Object> clock = doors.clock(complaintId, "RETURN", dispatchId).orElseThrow();
        assertThat(instant(clock.get("deadline"))).as("the SLA service's RETURN clock after the transfer")
                .isEqualTo(deadline);

        // The companion is returned long before its own warning, and closes.
        doors.returnWorkOrder(companionOrder, false);
        doors.awaitPendingSurvey(companion, companionOrder);
        doors.answerSurvey(companion, Doors.satisfied());

        // ---- breached: level 1 at the deadline, level 2 SECOND_LEVEL_DELAY after it, management told once ----
        JsonPath first = await("escalation of " + dispatchId + " at its deadline").atMost(LIMIT.plus(Duration.ofSeconds(30)))
                .until(() -> doors.workOrder(dispatchId), w -> w.getInt("escalationLevel") >= 1);
        assertThat(first.getBoolean("breached")).isTrue();
        assertThat(instant(first.getString("breachedAt"))).as("breached at the deadline").isEqualTo(deadline);
        JsonPath second = await("level 2 of " + dispatchId).atMost(SystemUnderTest.SECOND_LEVEL_DELAY.plusSeconds(40))
                .until(() -> doors.workOrder(dispatchId), w -> w.getInt("escalationLevel") == 2);
        assertThat(second.getString("escalatedTo")).isEqualTo(SystemUnderTest.SECOND_LEVEL_DESK);
        assertThat(second.getString("noticedAt")).as("management told").isNotNull();
        assertThat(second.getString("status")).isEqualTo("OPEN");
        assertThat(second.getString("department")).isEqualTo(NETWORK);
        assertThat(instant(second.getString("returnDeadline"))).isEqualTo(deadline);
        List<Map<String, Object>> history = second.getList("history");
        assertThat(history).extracting(h -> h.get("action"), h -> h.get("level"), h -> h.get("to")).containsExactly(
                tuple("URGED", null, null),
                tuple("TRANSFERRED", null, NETWORK),
                tuple("ESCALATED", 1, NETWORK_SUPERVISOR),
                tuple("NOTICE", null, MANAGEMENT),
                tuple("ESCALATED", 2, SystemUnderTest.SECOND_LEVEL_DESK));
        // Level 2 no earlier than its delay after the deadline (the history's times are the events' occurredAt).
        assertThat(instant(history.get(4).get("at"))).isAfterOrEqualTo(deadline.plus(SystemUnderTest.SECOND_LEVEL_DELAY));

        // Operations see the three open, all raised while the centre held the order; none for the key desk.
        List<Map<String, Object>> open = await("three open escalations of " + dispatchId).atMost(Duration.ofSeconds(30))
                .until(() -> escalationsOf(dispatchId, "OPEN", NETWORK), e -> e.size() == 3);
        assertThat(open).extracting(e -> e.get("kind"), e -> e.get("level"), e -> e.get("addressedTo"),
                e -> e.get("reason")).containsExactlyInAnyOrder(
                tuple("LADDER", 1, NETWORK_SUPERVISOR, null),
                tuple("LADDER", 2, SystemUnderTest.SECOND_LEVEL_DESK, null),
                tuple("NOTICE", null, MANAGEMENT, NoticeReason.KEY_CUSTOMER_OVERDUE.name()));
        assertThat(open).allSatisfy(e -> {
            assertThat(e.get("complaintId")).isEqualTo(complaintId);
            assertThat(instant(e.get("deadline"))).isEqualTo(deadline);
            assertThat(e.get("resolvedAt")).isNull();
        });
        assertThat(escalationsOf(dispatchId, null, KEY_DESK)).as("escalations raised while the key desk held it")
                .isEmpty();

        // ---- returned by the centre's agent, naming the party at fault and who is accountable ----
        JsonPath returned = doors.returnWorkOrder(dispatchId, FaultParty.DEPARTMENT.name(), ACCOUNTABLE);
        assertThat(returned.getString("status")).isEqualTo("RETURNED");
        assertThat(returned.getString("faultOf")).isEqualTo("DEPARTMENT");
        assertThat(returned.getString("accountable")).isEqualTo(ACCOUNTABLE);
        assertThat(returned.getBoolean("operatorAtFault")).as("implied by faultOf DEPARTMENT").isTrue();
        assertThat(returned.getString("returnedBy")).isEqualTo(Doors.agentOf(NETWORK));
        Instant returnedAt = instant(returned.getString("returnedAt"));

        // ---- surveyed satisfied, closed ----
        doors.awaitPendingSurvey(complaintId, dispatchId);
        doors.answerSurvey(complaintId, Doors.satisfied());
        JsonPath closed = await("case " + complaintId + " closed").atMost(Duration.ofSeconds(60))
                .until(() -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        assertThat(closed.getString("closeOutcome")).isEqualTo("SATISFIED");
        assertThat(closed.getList("workOrders.dispatchId")).containsExactly(dispatchId);

        // The escalations are resolved when the order was returned, and none of them is open any more.
        List<Map<String, Object>> resolved = await("escalations of " + dispatchId + " resolved")
                .atMost(Duration.ofSeconds(30))
                .until(() -> escalationsOf(dispatchId, "RESOLVED", NETWORK), e -> e.size() == 3);
        assertThat(resolved).extracting(e -> e.get("kind"), e -> e.get("level"))
                .containsExactlyInAnyOrder(tuple("LADDER", 1), tuple("LADDER", 2), tuple("NOTICE", null));
        assertThat(resolved).allSatisfy(e -> assertThat(instant(e.get("resolvedAt"))).isEqualTo(returnedAt));
        assertThat(escalationsOf(dispatchId, "OPEN", null)).as("open escalations of %s after the close", dispatchId)
                .isEmpty();

        // The region's KPIs: one work order, transferred (a misrouting), urged, escalated, its department at fault.
        Map<String, Object> kpis = await("KPIs of " + region).atMost(Duration.ofSeconds(30))
                .until(() -> doors.kpis("region", region),
                        g -> g.isPresent() && ((Number) g.get().get("closed")).longValue() == 1).orElseThrow();
        assertThat(kpis).containsEntry("workOrders", 1).containsEntry("transferred", 1).containsEntry("urged", 1)
                .containsEntry("escalated", 1).containsEntry("faults", Map.of("DEPARTMENT", 1));
        assertThat(((Number) kpis.get("misroutingRate")).doubleValue()).isEqualTo(1.0);

        // ---- the log itself, raw: one urge, one transfer, one escalation per level, one notice ----
        LogCensus census = doors.settled().assertOneRecordPerEventId().assertCounts(complaintId, counts(
                "Dispatched", 1, "WorkOrderUrged", 1, "WorkOrderTransferred", 1, "WorkOrderEscalated", 2,
                "EscalationNotice", 1, "Returned", 1, "SurveyPassed", 1, "ComplaintClosed", 1,
                "SlaWarningRaised", 1, "SlaBreached", 1));
        assertThat(census.events(complaintId, WorkOrderUrged.class)).singleElement().satisfies(u -> {
            assertThat(u.dispatchId()).isEqualTo(dispatchId);
            assertThat(u.department()).isEqualTo(KEY_DESK);
            assertThat(u.deadline()).isEqualTo(deadline);
        });
        assertThat(census.events(complaintId, WorkOrderTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.fromDepartment()).isEqualTo(KEY_DESK);
            assertThat(t.toDepartment()).isEqualTo(NETWORK);
            assertThat(t.actor()).isEqualTo(Doors.agentOf(KEY_DESK));
            assertThat(t.transfer()).isEqualTo(1);
        });
        assertThat(census.events(complaintId, WorkOrderEscalated.class))
                .extracting(WorkOrderEscalated::level, WorkOrderEscalated::escalatedTo, WorkOrderEscalated::department,
                        WorkOrderEscalated::deadline)
                .containsExactly(tuple(1, NETWORK_SUPERVISOR, NETWORK, deadline),
                        tuple(2, SystemUnderTest.SECOND_LEVEL_DESK, NETWORK, deadline));
        assertThat(census.events(complaintId, EscalationNotice.class)).singleElement().satisfies(n -> {
            assertThat(n.addressedTo()).isEqualTo(MANAGEMENT);
            assertThat(n.reason()).isEqualTo(NoticeReason.KEY_CUSTOMER_OVERDUE);
            assertThat(n.department()).isEqualTo(NETWORK);
        });
        assertThat(census.events(complaintId, Returned.class)).singleElement().satisfies(r -> {
            assertThat(r.department()).isEqualTo(NETWORK);
            assertThat(r.faultOf()).isEqualTo(FaultParty.DEPARTMENT);
            assertThat(r.accountable()).isEqualTo(ACCOUNTABLE);
            assertThat(r.actor()).isEqualTo(Doors.agentOf(NETWORK));
        });
        // The transfer started no clock: one RETURN clock for the order, with the deadline announced at dispatch.
        assertThat(census.events(complaintId, SlaClockStarted.class)).filteredOn(s -> s.clock() == SlaClock.RETURN)
                .extracting(SlaClockStarted::dispatchId, SlaClockStarted::deadline)
                .containsExactly(tuple(dispatchId, deadline));
        assertThat(census.events(complaintId, ComplaintClosed.class).get(0).outcome()).isEqualTo(CloseOutcome.SATISFIED);
        census.assertCounts(companion, counts("WorkOrderUrged", 0, "WorkOrderTransferred", 0, "WorkOrderEscalated", 0,
                "EscalationNotice", 0, "ComplaintClosed", 1));
    }

    /** The escalations of one work order among those GET /escalations lists for the filters. */
    private List<Map<String, Object>> escalationsOf(String dispatchId, String status, String department) {
        return doors.escalations(status, department).stream().filter(e -> dispatchId.equals(e.get("dispatchId")))
                .toList();
    }

    /** A queue entry's RETURN deadline; one not announced yet sorts last, as the queue puts it. */
    private static Instant deadlineOf(Map<String, Object> workOrder) {
        return Optional.ofNullable(workOrder.get("returnDeadline")).map(EscalationSystemIT::instant).orElse(Instant.MAX);
    }

    private static Instant instant(Object text) {
        return Instant.parse((String) text);
    }
}
