package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.routing.messaging.Projection;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Work orders a department can act on, against the real broker and database: the urge at the RETURN clock's
 * warning, the escalation ladder at its deadline (level 2 falls due four hours after it, by the injected clock), the
 * notice to management for a key customer, the transfer, the fault on a return, and the complaint on the order.
 * Each urge and each level is one fact on the log, whatever is redelivered, reconciled or rebuilt.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class WorkOrderActionsIT {

    private static final Duration LIMIT = Duration.ofHours(48);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static EventLog log;

    @Inject
    Projection projection;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @AfterEach
    void backToTheWallClock() {
        TestClock.NOW.reset();
    }

    /** A work order dispatched for a new complaint, with its RETURN clock announced as the SLA service does. */
    private record Open(String complaintId, Dispatched dispatched, SlaClockStarted returnClock) {
        String dispatchId() {
            return dispatched.dispatchId();
        }
    }

    private static Open dispatched(CustomerTier tier, Duration limit) {
        return dispatched(tier, limit, Category.NETWORK, "TZ-HL");
    }

    private static Open dispatched(CustomerTier tier, Duration limit, Category category, String region) {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now(), Channel.HOTLINE, category, region, tier,
                Urgency.NORMAL));
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, TIMEOUT).get(0);
        SlaClockStarted clock = TestEvents.clockStarted(complaintId, SlaClock.RETURN, dispatched.dispatchId(),
                dispatched.occurredAt(), limit);
        log.publish(clock);
        await().atMost(TIMEOUT).until(() -> order(dispatched.dispatchId(), Callers.OPERATOR)
                .getString("returnDeadline") != null);
        return new Open(complaintId, dispatched, clock);
    }

    private static JsonPath order(String dispatchId, String role) {
        return Callers.as(role).get("/work-orders/" + dispatchId).then().statusCode(200).extract().jsonPath();
    }

    private static int count(Class<?> type, String complaintId) {
        return LogCensus.of(log).counts(complaintId).getOrDefault(type.getSimpleName(), 0);
    }

    @Test
    void anOrderLeftOpenIsUrgedOnceAndEscalatedOncePerLevelWhateverIsRedeliveredReconciledOrRebuilt() throws Exception {
        Open open = dispatched(CustomerTier.STANDARD, LIMIT);
        String department = open.dispatched().department();

        SlaWarningRaised warning = TestEvents.warning(open.returnClock());
        log.publish(warning);
        WorkOrderUrged urged = log.await(WorkOrderUrged.class, open.complaintId(), 1, TIMEOUT).get(0);
        assertThat(urged.dispatchId()).isEqualTo(open.dispatchId());
        assertThat(urged.department()).isEqualTo(department);
        assertThat(urged.causationId()).isEqualTo(warning.eventId().toString());
        await().atMost(TIMEOUT).until(() -> order(open.dispatchId(), Callers.OPERATOR).getString("urgedAt") != null);
        JsonPath warned = order(open.dispatchId(), Callers.OPERATOR);
        assertThat(warned.getBoolean("warned")).isTrue();
        assertThat(warned.getBoolean("breached")).isFalse();
        assertThat(warned.getList("history.action", String.class)).containsExactly("URGED");
        assertThat(Callers.agent(department).queryParam("warned", "true").queryParam("size", 1000)
                .get("/work-orders").then().statusCode(200).extract().jsonPath().getList("dispatchId", String.class))
                .contains(open.dispatchId());

        // The same warning again (a redelivery) and a second one of its own (an SLA service that raised it twice).
        log.publish(warning);
        log.publish(new SlaWarningRaised(UUID.randomUUID(), warning.complaintId(), warning.occurredAt(),
                warning.schemaVersion(), warning.causationId(), warning.actor(), warning.clock(), warning.dispatchId(),
                warning.warnAt(), warning.deadline(), warning.sequence()));
        SlaBreached breach = TestEvents.breach(open.returnClock());
        log.publish(breach);
        WorkOrderEscalated level1 = log.await(WorkOrderEscalated.class, open.complaintId(), 1, TIMEOUT).get(0);
        assertThat(level1.level()).isEqualTo(1);
        assertThat(level1.escalatedTo()).isEqualTo("network-ops-supervisor");
        assertThat(level1.causationId()).isEqualTo(breach.eventId().toString());
        await().atMost(TIMEOUT).until(() -> order(open.dispatchId(), Callers.OPERATOR).getInt("escalationLevel") == 1);
        assertThat(Callers.as(Callers.OPERATOR).queryParam("department", department).queryParam("breached", "true")
                .queryParam("size", 1000).get("/work-orders").then().statusCode(200).extract().jsonPath()
                .getList("dispatchId", String.class)).contains(open.dispatchId());

        // Level 2 falls due four hours after the deadline: not a moment before, and then by the watch alone.
        Instant level2Due = open.returnClock().deadline().plus(Duration.ofHours(4));
        assertThat(owed(open.complaintId())).isEqualTo(new Owed(null, level2Due));
        TestClock.NOW.advanceTo(level2Due.minusSeconds(60));
        assertThat(QuarkusTransaction.requiringNew().call(() -> projection.decideFor(List.of(open.complaintId()))))
                .as("a minute before level 2 is due, nothing is owed").isZero();
        TestClock.NOW.advance(Duration.ofSeconds(61));
        WorkOrderEscalated level2 = log.await(WorkOrderEscalated.class, open.complaintId(), 2, TIMEOUT).get(1);
        assertThat(level2.level()).isEqualTo(2);
        assertThat(level2.escalatedTo()).isEqualTo("escalation-desk");
        assertThat(level2.causationId()).isEqualTo(level1.eventId().toString());
        await().atMost(TIMEOUT).until(() -> order(open.dispatchId(), Callers.OPERATOR).getInt("escalationLevel") == 2);
        JsonPath escalated = order(open.dispatchId(), Callers.OPERATOR);
        assertThat(escalated.getString("escalatedTo")).isEqualTo("escalation-desk");
        assertThat(escalated.getList("history.action", String.class)).containsExactly("URGED", "ESCALATED", "ESCALATED");

        // Past the ladder's top nothing is owed, now or later; a restart's reconcile and the watch find nothing.
        assertThat(owed(open.complaintId())).isEqualTo(new Owed(null, null));
        TestClock.NOW.advance(Duration.ofDays(3));
        assertThat(QuarkusTransaction.requiringNew().call(() -> projection.reconcile(null, LogApplier.deciding(null))
                + projection.decideFor(List.of(open.complaintId())))).isZero();

        // A replay of the whole log into empty tables: the same order, and nothing decided a second time.
        Outboxes.awaitDrained();
        Map<String, Object> before = Callers.as(Callers.AUDITOR).get("/work-orders/" + open.dispatchId()).then()
                .extract().jsonPath().getMap("");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from work_orders");
            s.execute("delete from cases");
        }
        Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("state", equalTo("DONE")));
        assertThat(Callers.as(Callers.AUDITOR).get("/work-orders/" + open.dispatchId()).then().statusCode(200)
                .extract().jsonPath().getMap("")).isEqualTo(before);
        Outboxes.awaitDrained();
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(open.complaintId(), counts(
                "ComplaintRegistered", 1, "Dispatched", 1, "SlaClockStarted", 1, "SlaWarningRaised", 3,
                "SlaBreached", 1, "WorkOrderUrged", 1, "WorkOrderEscalated", 2));
    }

    /** What routing's case row says is owed: a decision now, and when the next escalation falls due. */
    private record Owed(String pending, Instant escalationDue) {}

    private Owed owed(String complaintId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select pending, escalation_due from cases where complaint_id = ?")) {
            s.setString(1, complaintId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("routing has case %s", complaintId).isTrue();
                Timestamp due = rs.getTimestamp(2);
                return new Owed(rs.getString(1), due == null ? null : due.toInstant());
            }
        }
    }

    @Test
    void anOrderTransferredAfterItsDeadlineClimbsTheNewDepartmentsLadderAtOnceWhenItsNextLevelIsDue() {
        Open open = dispatched(CustomerTier.STANDARD, LIMIT);
        log.publish(TestEvents.breach(open.returnClock()));
        log.await(WorkOrderEscalated.class, open.complaintId(), 1, TIMEOUT);
        // Two hours past the deadline: the standard ladder's level 2 waits two more hours, billing's is due already.
        TestClock.NOW.advanceTo(open.returnClock().deadline().plus(Duration.ofHours(2)));

        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON)
                .body("{ \"department\": \"billing\", \"reason\": \"a billing dispute\" }")
                .post("/work-orders/" + open.dispatchId() + "/transfer").then().statusCode(200);

        WorkOrderEscalated level2 = log.await(WorkOrderEscalated.class, open.complaintId(), 2, TIMEOUT).get(1);
        assertThat(level2.department()).isEqualTo("billing");
        assertThat(level2.level()).isEqualTo(2);
        assertThat(level2.escalatedTo()).isEqualTo("escalation-desk");
        Outboxes.awaitDrained();
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(open.complaintId(), counts(
                "ComplaintRegistered", 1, "Dispatched", 1, "SlaClockStarted", 1, "SlaBreached", 1,
                "WorkOrderEscalated", 2, "WorkOrderTransferred", 1));
    }

    @Test
    void theSameTransferAskedAgainTransfersNothing() {
        Open open = dispatched(CustomerTier.STANDARD, LIMIT);
        String from = open.dispatched().department();
        String transfer = "/work-orders/" + open.dispatchId() + "/transfer";
        String toBilling = "{ \"department\": \"billing\", \"reason\": \"a billing dispute\" }";

        Callers.as(Callers.OPERATOR).header("Idempotency-Key", "tr-1").contentType(ContentType.JSON).body(toBilling)
                .post(transfer).then().statusCode(200).body("department", equalTo("billing"));
        Callers.agent("billing").contentType(ContentType.JSON)
                .body("{ \"department\": \"" + from + "\", \"reason\": \"a fault after all\" }")
                .post(transfer).then().statusCode(200).body("transfers", equalTo(2));
        // The operator, who lost the first answer, asks again: the order stays where billing sent it.
        Callers.as(Callers.OPERATOR).header("Idempotency-Key", "tr-1").contentType(ContentType.JSON).body(toBilling)
                .post(transfer).then().statusCode(200).body("department", equalTo(from)).body("transfers", equalTo(2));

        Outboxes.awaitDrained();
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(open.complaintId(), counts(
                "ComplaintRegistered", 1, "Dispatched", 1, "SlaClockStarted", 1, "WorkOrderTransferred", 2));
    }

    @Test
    void aKeyCustomersBreachIsReportedOnceToEnterpriseManagement() {
        Open open = dispatched(CustomerTier.KEY, LIMIT);
        assertThat(open.dispatched().department()).isEqualTo("key-customer-desk");

        SlaBreached breach = TestEvents.breach(open.returnClock());
        log.publish(breach);
        EscalationNotice notice = log.await(EscalationNotice.class, open.complaintId(), 1, TIMEOUT).get(0);

        assertThat(notice.addressedTo()).isEqualTo("enterprise-management");
        assertThat(notice.reason()).isEqualTo(NoticeReason.KEY_CUSTOMER_OVERDUE);
        assertThat(notice.department()).isEqualTo("key-customer-desk");
        assertThat(notice.deadline()).isEqualTo(open.returnClock().deadline());
        log.publish(breach);
        Outboxes.awaitDrained();
        await().atMost(TIMEOUT).until(() -> order(open.dispatchId(), Callers.OPERATOR).getString("noticedAt") != null);
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(open.complaintId(), counts(
                "ComplaintRegistered", 1, "Dispatched", 1, "SlaClockStarted", 1, "SlaBreached", 2,
                "WorkOrderEscalated", 1, "EscalationNotice", 1));
        assertThat(log.events(WorkOrderEscalated.class, open.complaintId()).get(0).escalatedTo())
                .as("the key-customer desk's supervisor").isEqualTo("escalation-desk");
    }

    @Test
    void aTransferKeepsTheOrderAndItsDeadlineAndTheNewDepartmentWorksIt() {
        Open open = dispatched(CustomerTier.STANDARD, LIMIT);
        String from = open.dispatched().department();
        String transfer = "/work-orders/" + open.dispatchId() + "/transfer";
        String body = "{ \"department\": \"billing\", \"reason\": \"资费问题 A tariff question, not a fault\" }";

        Callers.agent("billing").contentType(ContentType.JSON).body(body).post(transfer).then().statusCode(403);
        Callers.agent(from).contentType(ContentType.JSON).body("{ \"department\": \"atlantis\" }").post(transfer)
                .then().statusCode(400).body("errors.field", hasItems("department", "reason"));
        Callers.agent(from).contentType(ContentType.JSON).body(body.replace("billing", from)).post(transfer)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already"));
        Callers.agent(from).contentType(ContentType.JSON).body(body).post(transfer).then().statusCode(200)
                .body("department", equalTo("billing")).body("transfers", equalTo(1))
                .body("returnDeadline", equalTo(open.returnClock().deadline().toString()))
                .body("history[0].action", equalTo("TRANSFERRED")).body("history[0].from", equalTo(from))
                .body("history[0].by", equalTo(Callers.agentSubject(from)));

        WorkOrderTransferred transferred = log.await(WorkOrderTransferred.class, open.complaintId(), 1, TIMEOUT).get(0);
        assertThat(transferred.dispatchId()).isEqualTo(open.dispatchId());
        assertThat(transferred.fromDepartment()).isEqualTo(from);
        assertThat(transferred.toDepartment()).isEqualTo("billing");
        Callers.agent(from).get("/work-orders/" + open.dispatchId()).then().statusCode(403);
        assertThat(Callers.agent("billing").queryParam("size", 1000).get("/work-orders").then().statusCode(200)
                .extract().jsonPath().getList("dispatchId", String.class)).contains(open.dispatchId());

        Callers.agent("billing").contentType(ContentType.JSON).body(ReturnIT.RETURN.replace("\"operatorAtFault\": true",
                        "\"faultOf\": \"CUSTOMER_SERVICE_CENTRE\", \"accountable\": \"Front desk, shift 3\""))
                .post("/work-orders/" + open.dispatchId() + "/return").then().statusCode(200)
                .body("faultOf", equalTo("CUSTOMER_SERVICE_CENTRE")).body("accountable", equalTo("Front desk, shift 3"))
                .body("operatorAtFault", equalTo(true)).body("department", equalTo("billing"));
        Returned returned = log.await(Returned.class, open.complaintId(), 1, TIMEOUT).get(0);
        assertThat(returned.department()).isEqualTo("billing");
        assertThat(returned.faultOf()).isEqualTo(FaultParty.CUSTOMER_SERVICE_CENTRE);
        assertThat(returned.accountable()).isEqualTo("Front desk, shift 3");
        assertThat(returned.operatorAtFault()).isTrue();

        Callers.as(Callers.OPERATOR).contentType(ContentType.JSON).body(body.replace("billing", from)).post(transfer)
                .then().statusCode(409).body("detail", containsString("returned"));
        Outboxes.awaitDrained();
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(open.complaintId(), counts(
                "ComplaintRegistered", 1, "Dispatched", 1, "SlaClockStarted", 1, "WorkOrderTransferred", 1,
                "Returned", 1));
    }

    @Test
    void theOrderCarriesTheComplaintAndARedispatchTheDissatisfactionAndThePreviousReturn() {
        Open open = dispatched(CustomerTier.STANDARD, LIMIT);
        String department = open.dispatched().department();

        JsonPath forAuditor = order(open.dispatchId(), Callers.AUDITOR);
        assertThat(forAuditor.getString("complaint.reconstruction")).isEqualTo("No signal at home 家里没有信号");
        assertThat(forAuditor.getString("complaint.customerDemand")).isEqualTo("Fix it");
        assertThat(forAuditor.getString("complaint.customer.phone")).isEqualTo("13812345678");
        assertThat(forAuditor.getString("complaint.category")).isEqualTo("NETWORK");
        assertThat(forAuditor.getString("complaint.channel")).isEqualTo("HOTLINE");
        assertThat(forAuditor.getString("complaint.customer.tier")).isEqualTo("STANDARD");
        Callers.agent(department).get("/work-orders/" + open.dispatchId()).then().statusCode(200)
                .body("complaint.customer.phone", equalTo("13812345678"));
        Callers.as(Callers.OPERATOR).get("/work-orders/" + open.dispatchId()).then().statusCode(200)
                .body("complaint.customer.phone", equalTo("138****5678"))
                .body("complaint.customer.name", equalTo("王*********"));

        Callers.agent(department).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/work-orders/" + open.dispatchId() + "/return").then().statusCode(200);
        log.await(Returned.class, open.complaintId(), 1, TIMEOUT);
        log.publish(TestEvents.surveyFailed(open.complaintId(), 1, Instant.now(), true, true));
        Redispatched redispatched = log.await(Redispatched.class, open.complaintId(), 1, TIMEOUT).get(0);

        JsonPath second = order(redispatched.dispatchId(), Callers.AUDITOR);
        assertThat(second.getString("complaint.dissatisfaction")).isEqualTo("Still no signal");
        assertThat(second.getString("complaint.problemFound")).isEqualTo("Backup battery failed");
        assertThat(second.getString("complaint.measures")).isEqualTo("Battery replaced; signal restored");
        assertThat(second.getString("previousReturn.dispatchId")).isEqualTo(open.dispatchId());
        assertThat(second.getString("previousReturn.department")).isEqualTo(department);
        assertThat(second.getString("previousReturn.result.reconstruction")).isEqualTo("基站 TZ-0412 周一断电");
    }

    @Test
    void theQueuePutsTheNearestDeadlineFirstAndFiltersWarnedAndBreached() {
        Open later = dispatched(CustomerTier.STANDARD, Duration.ofHours(30));
        Open soonest = dispatched(CustomerTier.STANDARD, Duration.ofHours(10));
        Open middle = dispatched(CustomerTier.STANDARD, Duration.ofHours(20));
        String department = soonest.dispatched().department();
        log.publish(TestEvents.warning(middle.returnClock()));
        log.publish(TestEvents.breach(later.returnClock()));
        await().atMost(TIMEOUT).until(() -> order(later.dispatchId(), Callers.OPERATOR).getBoolean("breached")
                && order(middle.dispatchId(), Callers.OPERATOR).getBoolean("warned"));

        List<Map<String, Object>> queue = Callers.agent(department).queryParam("status", "OPEN").queryParam("size", 1000)
                .get("/work-orders").then().statusCode(200).extract().jsonPath().getList("");
        List<String> ids = queue.stream().map(w -> (String) w.get("dispatchId")).toList();
        assertThat(ids).containsSubsequence(soonest.dispatchId(), middle.dispatchId(), later.dispatchId());
        List<Instant> deadlines = queue.stream().map(w -> w.get("returnDeadline")).filter(d -> d != null)
                .map(d -> Instant.parse((String) d)).toList();
        assertThat(deadlines).as("the whole queue, nearest deadline first").isSorted();
        List<String> byDispatch = Callers.agent(department).queryParam("status", "OPEN").queryParam("sort", "dispatched")
                .queryParam("size", 1000).get("/work-orders").then().statusCode(200).extract().jsonPath()
                .getList("dispatchId", String.class);
        assertThat(byDispatch).containsSubsequence(later.dispatchId(), soonest.dispatchId(), middle.dispatchId());

        List<String> warnedOnly = Callers.agent(department).queryParam("warned", "true").queryParam("size", 1000)
                .get("/work-orders").then().statusCode(200).extract().jsonPath().getList("dispatchId", String.class);
        assertThat(warnedOnly).contains(middle.dispatchId()).doesNotContain(soonest.dispatchId(), later.dispatchId());
        List<String> notBreached = Callers.agent(department).queryParam("breached", "false").queryParam("size", 1000)
                .get("/work-orders").then().statusCode(200).extract().jsonPath().getList("dispatchId", String.class);
        assertThat(notBreached).contains(soonest.dispatchId(), middle.dispatchId()).doesNotContain(later.dispatchId());
        List<Boolean> breachedOnly = Callers.agent(department).queryParam("breached", "true").queryParam("size", 1000)
                .get("/work-orders").then().statusCode(200).extract().jsonPath().getList("breached", Boolean.class);
        assertThat(breachedOnly).isNotEmpty().containsOnly(true);
        Callers.agent(department).queryParam("breached", "true").get("/work-orders").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(breachedOnly.size()));

        Callers.agent(department).queryParam("sort", "nearest").queryParam("warned", "yes").get("/work-orders")
                .then().statusCode(400).body("errors.field", hasItems("sort", "warned"));
    }

    @Test
    void theQueueFiltersByTheComplaintsCategoryAndRegionAloneAndWithTheOtherFilters() {
        // Regions of this test alone (the database is shared by the run's tests); with the shipped rules network-ops
        // takes NETWORK complaints outside TZ-HL, billing BUSINESS ones. Dispatched in this order, with the RETURN
        // deadlines in another: the nearest is north's second order, then its third, then its first.
        String north = "IT-N-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String south = "IT-S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Open northNetwork = dispatched(CustomerTier.STANDARD, Duration.ofHours(30), Category.NETWORK, north);
        Open northBusiness = dispatched(CustomerTier.STANDARD, Duration.ofHours(10), Category.BUSINESS, north);
        Open northBusinessToo = dispatched(CustomerTier.STANDARD, Duration.ofHours(20), Category.BUSINESS, north);
        Open southNetwork = dispatched(CustomerTier.STANDARD, Duration.ofHours(20), Category.NETWORK, south);
        Open southBusiness = dispatched(CustomerTier.STANDARD, Duration.ofHours(10), Category.BUSINESS, south);
        assertThat(List.of(northNetwork.dispatched().department(), southNetwork.dispatched().department()))
                .containsOnly("network-ops");
        assertThat(List.of(northBusiness.dispatched().department(), northBusinessToo.dispatched().department(),
                southBusiness.dispatched().department())).containsOnly("billing");

        // Each filter alone: the region exactly, a blank one no filter; the category checked on the orders shown.
        assertThat(queue(Callers.as(Callers.OPERATOR), 3, "region", north)).containsExactly(
                northBusiness.dispatchId(), northBusinessToo.dispatchId(), northNetwork.dispatchId());
        assertThat(queue(Callers.as(Callers.OPERATOR), 2, "region", south)).containsExactly(
                southBusiness.dispatchId(), southNetwork.dispatchId());
        assertThat(queue(Callers.as(Callers.OPERATOR), 0, "region", north.toLowerCase())).isEmpty();
        assertThat(queue(Callers.as(Callers.OPERATOR), 0, "region", north + " ")).isEmpty();
        assertThat(queue(Callers.as(Callers.OPERATOR), null, "category", "BUSINESS"))
                .contains(northBusiness.dispatchId(), northBusinessToo.dispatchId(), southBusiness.dispatchId())
                .doesNotContain(northNetwork.dispatchId(), southNetwork.dispatchId());
        assertThat(queue(Callers.as(Callers.OPERATOR), null, "category", "NETWORK", "region", " "))
                .contains(northNetwork.dispatchId(), southNetwork.dispatchId())
                .doesNotContain(northBusiness.dispatchId(), northBusinessToo.dispatchId(), southBusiness.dispatchId());
        var business = Callers.as(Callers.AUDITOR).queryParam("category", "BUSINESS").queryParam("size", 1000)
                .get("/work-orders").then().statusCode(200);
        List<String> categories = business.extract().jsonPath().getList("complaint.category", String.class);
        assertThat(categories).isNotEmpty().containsOnly("BUSINESS");
        business.header("X-Total-Count", String.valueOf(categories.size()));

        // Combined with each other, with the department (named, or an agent's own) and with paging.
        assertThat(queue(Callers.as(Callers.OPERATOR), 1, "category", "NETWORK", "region", north))
                .containsExactly(northNetwork.dispatchId());
        assertThat(queue(Callers.as(Callers.OPERATOR), 2, "category", "BUSINESS", "region", north))
                .containsExactly(northBusiness.dispatchId(), northBusinessToo.dispatchId());
        assertThat(queue(Callers.as(Callers.OPERATOR), 1, "category", "BUSINESS", "region", south))
                .containsExactly(southBusiness.dispatchId());
        assertThat(queue(Callers.as(Callers.OPERATOR), 0, "category", "BUSINESS", "region", north,
                "department", "network-ops")).isEmpty();
        assertThat(queue(Callers.as(Callers.OPERATOR), 1, "region", south, "department", "network-ops"))
                .containsExactly(southNetwork.dispatchId());
        assertThat(queue(Callers.agent("billing"), 2, "region", north)).containsExactly(northBusiness.dispatchId(),
                northBusinessToo.dispatchId());
        assertThat(queue(Callers.agent("network-ops"), 0, "category", "BUSINESS", "region", north)).isEmpty();
        assertThat(queue(Callers.as(Callers.OPERATOR), 3, "region", north, "size", "1", "page", "1"))
                .containsExactly(northBusinessToo.dispatchId());

        // Combined with sort, breached and status.
        assertThat(queue(Callers.as(Callers.OPERATOR), 3, "region", north, "sort", "dispatched")).containsExactly(
                northNetwork.dispatchId(), northBusiness.dispatchId(), northBusinessToo.dispatchId());
        log.publish(TestEvents.breach(northBusinessToo.returnClock()));
        await().atMost(TIMEOUT).until(() -> order(northBusinessToo.dispatchId(), Callers.OPERATOR)
                .getBoolean("breached"));
        assertThat(queue(Callers.as(Callers.OPERATOR), 1, "category", "BUSINESS", "region", north, "breached", "true"))
                .containsExactly(northBusinessToo.dispatchId());
        assertThat(queue(Callers.as(Callers.OPERATOR), 2, "region", north, "breached", "false"))
                .containsExactly(northBusiness.dispatchId(), northNetwork.dispatchId());
        Callers.agent("billing").contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/work-orders/" + northBusiness.dispatchId() + "/return").then().statusCode(200);
        assertThat(queue(Callers.as(Callers.OPERATOR), 1, "category", "BUSINESS", "region", north, "status", "OPEN"))
                .containsExactly(northBusinessToo.dispatchId());
        assertThat(queue(Callers.agent("billing"), 1, "category", "BUSINESS", "region", north, "status", "RETURNED"))
                .containsExactly(northBusiness.dispatchId());

        // An unknown category is a 400 naming it, with every other wrong parameter.
        Callers.as(Callers.OPERATOR).queryParam("category", "ROAMING").queryParam("region", north).get("/work-orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("category"))
                .body("errors.find { it.field == 'category' }.message", containsString("NETWORK, BUSINESS, SERVICE"));
        Callers.agent("billing").queryParam("category", "business").queryParam("sort", "nearest").get("/work-orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("category", "sort"));
    }

    /**
     * The dispatch ids on a page of the queue asked by {@code request} with the query parameters {@code params}
     * (name, value, ...; size 1000 unless they give one); when {@code total} is given, X-Total-Count must say it.
     */
    private static List<String> queue(RequestSpecification request, Integer total, String... params) {
        boolean sized = false;
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
            sized |= params[i].equals("size");
        }
        if (!sized) {
            request = request.queryParam("size", 1000);
        }
        ValidatableResponse response = request.get("/work-orders").then().statusCode(200);
        if (total != null) {
            response.header("X-Total-Count", String.valueOf(total));
        }
        return response.extract().jsonPath().getList("dispatchId", String.class);
    }
}
