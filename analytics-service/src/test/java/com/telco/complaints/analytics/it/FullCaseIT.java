package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A full case, as the other services would publish it: registered, dispatched, SLA clocks started,
 * warning, returned, survey failed, redispatched, returned, survey passed, closed. It appears in
 * the case view, in the audit archive with a valid chain, and as of any instant of its history.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class FullCaseIT {

    private static final Instant T0 = Instant.parse("2026-05-06T01:00:00Z");

    private static Publisher publisher;
    private static String complaintId;
    private static String region;
    private static List<ComplaintEvent> events;

    /** Once, before the first test: REST Assured knows the test port only from the first test on. */
    @BeforeEach
    void publishTheCase() {
        if (complaintId != null) {
            return;
        }
        publisher = new Publisher();
        complaintId = TestEvents.newComplaintId();
        region = "FC-" + UUID.randomUUID().toString().substring(0, 6);
        String w1 = TestEvents.workOrder(complaintId, 1);
        String w2 = TestEvents.workOrder(complaintId, 2);
        SlaClockStarted returnW1 = TestEvents.clockStarted(complaintId, SlaClock.RETURN, w1, at("01:05"),
                Duration.ofHours(10)); // warn 09:05, deadline 11:05
        events = List.of(
                TestEvents.registered(complaintId, T0, Channel.HOTLINE, Category.NETWORK, region, CustomerTier.STANDARD,
                        Urgency.URGENT),
                TestEvents.dispatched(complaintId, at("01:05"), "network-ops"),
                returnW1,
                TestEvents.clockStarted(complaintId, SlaClock.CASE, null, T0, Duration.ofDays(15)),
                TestEvents.warning(returnW1),
                TestEvents.returned(complaintId, 1, at("10:00"), true),
                TestEvents.surveyFailed(complaintId, 1, at("12:00"), true, true),
                TestEvents.redispatched(complaintId, 2, at("12:05"), "network-ops-supervisor"),
                TestEvents.clockStarted(complaintId, SlaClock.RETURN, w2, at("12:05"), Duration.ofHours(24)),
                TestEvents.returned(complaintId, 2, Instant.parse("2026-05-07T09:00:00Z"), true),
                TestEvents.surveyPassed(complaintId, 2, Instant.parse("2026-05-07T10:00:00Z")),
                TestEvents.closed(complaintId, 2, Instant.parse("2026-05-07T10:00:00Z"), CloseOutcome.SATISFIED));
        publisher.publishAll(events);
        Api.awaitApplied(complaintId, events.size());
    }

    @AfterAll
    static void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    /** An instant on the case's first day, 2026-05-06. */
    private static Instant at(String time) {
        return Instant.parse("2026-05-06T" + time + ":00Z");
    }

    @Test
    void theCaseViewShowsTheWholeCase() {
        JsonPath view = Api.caseView(complaintId);

        assertThat(view.getString("status")).isEqualTo("CLOSED");
        assertThat(view.getString("category")).isEqualTo("NETWORK");
        assertThat(view.getString("channel")).isEqualTo("HOTLINE");
        assertThat(view.getString("urgency")).isEqualTo("URGENT");
        assertThat(view.getString("tier")).isEqualTo("STANDARD");
        assertThat(view.getString("region")).isEqualTo(region);
        assertThat(view.getString("department")).isEqualTo("network-ops-supervisor");
        assertThat(view.getInt("attempts")).isEqualTo(2);
        assertThat(view.getString("currentWorkOrder.dispatchId")).isEqualTo(complaintId + "-W2");
        assertThat(view.getString("currentWorkOrder.returnDeadline")).isEqualTo("2026-05-07T12:05:00Z");
        assertThat(view.getList("workOrders.status")).containsExactly("SUPERSEDED", "RETURNED");
        assertThat(view.getString("workOrders[0].returnDeadline")).isEqualTo("2026-05-06T11:05:00Z");
        assertThat(view.getString("workOrders[0].warnAt")).isEqualTo("2026-05-06T09:05:00Z");
        assertThat(view.getList("deadlines.clock")).containsExactly("RETURN", "CASE", "RETURN");
        assertThat(view.getString("deadlines[1].deadline")).isEqualTo("2026-05-21T01:00:00Z");
        assertThat(view.getString("deadlines[1].stoppedAt")).isEqualTo("2026-05-07T10:00:00Z");
        assertThat(view.getInt("warningCount")).isEqualTo(1);
        assertThat(view.getString("warnings[0].clock")).isEqualTo("RETURN");
        assertThat(view.getString("warnings[0].dispatchId")).isEqualTo(complaintId + "-W1");
        assertThat(view.getString("warnings[0].at")).isEqualTo("2026-05-06T09:05:00Z");
        assertThat(view.getInt("breachCount")).isZero();
        assertThat(view.getList("breaches")).isEmpty();
        assertThat(view.getString("surveyOutcome")).isEqualTo("PASSED");
        assertThat(view.getInt("surveysFailed")).isEqualTo(1);
        assertThat(view.getInt("surveysPassed")).isEqualTo(1);
        assertThat(view.getString("closeOutcome")).isEqualTo("SATISFIED");
        assertThat(view.getString("registeredAt")).isEqualTo("2026-05-06T01:00:00Z");
        assertThat(view.getString("closedAt")).isEqualTo("2026-05-07T10:00:00Z");
        assertThat(view.getInt("eventCount")).isEqualTo(events.size());
    }

    @Test
    void theCaseIsListedUnderItsRegionAndStatus() {
        as(OPERATOR).queryParam("region", region).queryParam("status", "CLOSED").get("/cases").then().statusCode(200)
                .header("X-Total-Count", "1").body("total", equalTo(1))
                .body("items[0].complaintId", equalTo(complaintId))
                .body("items[0].department", equalTo("network-ops-supervisor"));
    }

    @Test
    void theArchiveHoldsEveryEventInLogOrderWithAValidChain() {
        JsonPath trail = Api.auditTrail(complaintId);

        assertThat(trail.getBoolean("chainValid")).isTrue();
        assertThat(trail.getString("firstBadEvent")).isNull();
        assertThat(trail.getInt("length")).isEqualTo(events.size());
        assertThat(trail.getList("events.eventId"))
                .containsExactlyElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        assertThat(trail.getList("events.type"))
                .containsExactlyElementsOf(events.stream().map(e -> EventType.of(e).ceType()).toList());
        assertThat(trail.getList("events.name")).startsWith("ComplaintRegistered", "Dispatched", "SlaClockStarted");
        assertThat(trail.getList("events.seq", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        List<Long> offsets = trail.getList("events.offset", Long.class);
        assertThat(offsets).isSorted().doesNotHaveDuplicates();
        assertThat(trail.getList("events.partition", Integer.class).stream().distinct()).hasSize(1);
        assertThat(trail.getString("events[0].previousHash")).isEqualTo("0".repeat(64));
        List<String> hashes = trail.getList("events.hash");
        List<String> previous = trail.getList("events.previousHash");
        for (int i = 1; i < hashes.size(); i++) {
            assertThat(previous.get(i)).isEqualTo(hashes.get(i - 1));
        }
        assertThat(trail.getString("head")).isEqualTo(hashes.get(hashes.size() - 1));
        assertThat(trail.getString("events[1].data.department")).isEqualTo("network-ops");
        assertThat(trail.getString("events[1].occurredAt")).isEqualTo("2026-05-06T01:05:00Z");
        assertThat(trail.getString("events[1].headers.ce_type")).isEqualTo("complaint.dispatched.v1");
        assertThat(trail.getString("events[1].headers.ce_subject")).isEqualTo(complaintId);
        assertThat(trail.getList("events.notApplied").stream().allMatch(r -> r == null)).isTrue();
    }

    @Test
    void theStateAsOfThreeInstantsIsWhatWasKnownThen() {
        // Dispatched, clocks running, the warning point not reached yet.
        JsonPath morning = Api.stateAsOf(complaintId, "2026-05-06T09:00:00Z");
        assertThat(morning.getString("status")).isEqualTo("DISPATCHED");
        assertThat(morning.getString("department")).isEqualTo("network-ops");
        assertThat(morning.getInt("attempts")).isEqualTo(1);
        assertThat(morning.getList("deadlines.clock")).containsExactly("RETURN", "CASE");
        assertThat(morning.getString("deadlines[0].deadline")).isEqualTo("2026-05-06T11:05:00Z");
        assertThat(morning.getInt("warningCount")).isZero();
        assertThat(morning.getString("surveyOutcome")).isNull();
        assertThat(morning.getString("asOf")).isEqualTo("2026-05-06T09:00:00Z");

        // Warned, returned, survey failed, redispatched to the supervisor desk with a new deadline.
        JsonPath afternoon = Api.stateAsOf(complaintId, "2026-05-06T12:30:00Z");
        assertThat(afternoon.getString("status")).isEqualTo("DISPATCHED");
        assertThat(afternoon.getString("department")).isEqualTo("network-ops-supervisor");
        assertThat(afternoon.getInt("attempts")).isEqualTo(2);
        assertThat(afternoon.getInt("warningCount")).isEqualTo(1);
        assertThat(afternoon.getString("warnings[0].at")).isEqualTo("2026-05-06T09:05:00Z");
        assertThat(afternoon.getString("surveyOutcome")).isEqualTo("FAILED");
        assertThat(afternoon.getList("deadlines.dispatchId"))
                .containsExactly(complaintId + "-W1", null, complaintId + "-W2");
        assertThat(afternoon.getString("currentWorkOrder.returnDeadline")).isEqualTo("2026-05-07T12:05:00Z");

        // Next morning: the second work order returned, the survey not answered yet.
        JsonPath nextDay = Api.stateAsOf(complaintId, "2026-05-07T09:30:00Z");
        assertThat(nextDay.getString("status")).isEqualTo("RETURNED");
        assertThat(nextDay.getString("currentWorkOrder.status")).isEqualTo("RETURNED");
        assertThat(nextDay.getInt("eventCount")).isEqualTo(10);
        assertThat(nextDay.getString("closedAt")).isNull();
    }

    @Test
    void theStateDefaultsToNowOnTheServiceClock() {
        TestClock.CLOCK.set(Instant.parse("2026-05-06T10:30:00Z"));
        assertThat(as(AUDITOR).get("/audit/complaints/{id}/state", complaintId).then().statusCode(200).extract()
                .jsonPath().getString("status")).isEqualTo("RETURNED");
        TestClock.CLOCK.set(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(as(AUDITOR).get("/audit/complaints/{id}/state", complaintId).then().statusCode(200).extract()
                .jsonPath().getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void beforeItsRegistrationNothingIsKnown() {
        JsonPath before = Api.stateAsOf(complaintId, "2026-05-06T00:59:59Z");
        assertThat(before.getString("status")).isNull();
        assertThat(before.getInt("eventCount")).isZero();
    }

    /**
     * A complaint resolved during the first contact (即时处理): registered without a work order, its customer reached
     * and answered at registration, it waits for its survey as RESOLVED_AT_FIRST_CONTACT, in the view and in its
     * queue, and shows what was done and explained; surveyed, it is satisfied and closes, still without a work order.
     */
    @Test
    void aComplaintResolvedAtTheFirstContactWaitsForItsSurveyAndClosesWithoutAWorkOrder() {
        String id = TestEvents.newComplaintId();
        String fcRegion = "FC-" + UUID.randomUUID().toString().substring(0, 6);
        Instant at = Instant.parse("2026-05-08T02:00:00Z");
        SlaClockStarted contact = TestEvents.clockStarted(id, SlaClock.CONTACT, null, at, Duration.ofHours(24));
        SlaClockStarted answer = TestEvents.clockStarted(id, SlaClock.ANSWER, null, at, Duration.ofHours(48));
        publisher.publish(TestEvents.resolvedAtFirstContact(TestEvents.registered(id, at, Channel.HOTLINE, Category.NETWORK,
                        fcRegion, CustomerTier.STANDARD, Urgency.NORMAL)), contact, answer,
                TestEvents.unreachableAtFirstContact(id, 1, at.plus(Duration.ofHours(2))));
        Api.awaitApplied(id, 4);

        JsonPath pending = Api.caseView(id);
        assertThat(pending.getString("status")).isEqualTo("RESOLVED_AT_FIRST_CONTACT");
        assertThat(pending.getString("resolvedAtFirstContact.measures"))
                .isEqualTo("Reset the customer's network settings on the call");
        assertThat(pending.getString("resolvedAtFirstContact.explanation"))
                .isEqualTo("A stale APN setting after the phone's update; reset, signal back");
        assertThat(pending.getString("firstReachedAt")).isEqualTo("2026-05-08T02:00:00Z");
        assertThat(pending.getString("answeredAt")).isEqualTo("2026-05-08T02:00:00Z");
        assertThat(pending.getList("deadlines.clock")).containsExactly("CONTACT", "ANSWER");
        assertThat(pending.getList("deadlines.stoppedAt")).containsOnly("2026-05-08T02:00:00Z");
        assertThat(pending.getInt("attempts")).isZero();
        assertThat(pending.getList("workOrders")).isEmpty();
        assertThat(pending.getString("currentWorkOrder")).isNull();
        assertThat(pending.getString("department")).isNull();
        assertThat(pending.getString("surveyOutcome")).isNull();
        as(OPERATOR).queryParam("region", fcRegion).queryParam("status", "RESOLVED_AT_FIRST_CONTACT").get("/cases")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].complaintId", equalTo(id))
                .body("items[0].attempts", equalTo(0));

        Instant surveyed = at.plus(Duration.ofHours(3));
        publisher.publish(TestEvents.surveyPassedAtFirstContact(id, surveyed),
                TestEvents.closedAtFirstContact(id, surveyed, CloseOutcome.SATISFIED));
        Api.awaitApplied(id, 6);

        JsonPath closed = Api.caseView(id);
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("closeOutcome")).isEqualTo("SATISFIED");
        assertThat(closed.getString("surveyOutcome")).isEqualTo("PASSED");
        assertThat(closed.getInt("surveysPassed")).isEqualTo(1);
        assertThat(closed.getInt("attempts")).isZero();
        assertThat(closed.getString("resolvedAtFirstContact.measures"))
                .isEqualTo("Reset the customer's network settings on the call");
        // As of the moment before the survey answer it waited for it.
        assertThat(Api.stateAsOf(id, "2026-05-08T04:59:59Z").getString("status")).isEqualTo("RESOLVED_AT_FIRST_CONTACT");
        // A complaint registered to be dispatched shows no resolution at the first contact.
        assertThat(Api.caseView(complaintId).getString("resolvedAtFirstContact")).isNull();
    }

    @Test
    void unknownCasesAndWrongParametersAreProblems() {
        as(OPERATOR).get("/cases/{id}", "NO-SUCH-CASE").then().statusCode(404).contentType("application/problem+json");
        as(AUDITOR).get("/audit/complaints/{id}/events", "NO-SUCH-CASE").then().statusCode(404);
        as(AUDITOR).get("/audit/complaints/{id}/state", "NO-SUCH-CASE").then().statusCode(404);
        as(AUDITOR).queryParam("asOf", "yesterday").get("/audit/complaints/{id}/state", complaintId).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        as(OPERATOR).queryParam("status", "LOST").queryParam("size", 0).get("/cases").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("status", "size"));
    }
}
