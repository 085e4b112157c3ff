package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.testsupport.Metrics;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.telco.complaints.testsupport.Callers.ADMIN;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redelivery changes nothing: an event published twice is archived and applied once; a second
 * registration under another event id is archived (it is on the log) but not applied; records
 * that are not events, or of a version this code cannot read, are parked and never stop the
 * consumer, and the later events of their case wait behind them.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RedeliveryIT {

    private static final Instant T = Instant.parse("2026-08-01T08:00:00Z");

    private static Publisher publisher;

    @BeforeAll
    static void open() {
        publisher = new Publisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    /** Waits (bounded) until the counter rose by {@code by} at least, then asserts it rose by exactly that. */
    private static void assertRose(double before, double by, String name, String... labels) {
        await(name + " rose by " + by).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Metrics.counter(name, labels)).as("%s, %s before", name, before)
                        .isGreaterThanOrEqualTo(before + by));
        assertThat(Metrics.counter(name, labels)).as("%s, %s before", name, before).isEqualTo(before + by);
    }

    @Test
    void anEventDeliveredTwiceIsArchivedAndAppliedOnceAndCountedAsADuplicate() {
        String id = TestEvents.newComplaintId();
        ComplaintRegistered registered = TestEvents.registered(id, T);
        Dispatched dispatched = TestEvents.dispatched(id, T.plusSeconds(60), "network-ops");
        publisher.publish(registered, dispatched);
        Api.awaitApplied(id, 2);
        JsonPath viewBefore = Api.caseView(id);
        JsonPath trailBefore = Api.auditTrail(id);
        double duplicates = Metrics.counter("events_duplicates_total");

        publisher.publish(dispatched, registered, dispatched);
        // Same key, same partition: once this is archived, the duplicates before it were seen.
        SlaClockStarted clock = TestEvents.clockStarted(id, SlaClock.CASE, null, T, Duration.ofDays(15));
        publisher.publish(clock);
        Api.awaitArchived(id, 3);

        JsonPath trail = Api.auditTrail(id);
        assertThat(trail.getList("events.eventId")).containsExactly(registered.eventId().toString(),
                dispatched.eventId().toString(), clock.eventId().toString());
        assertThat(trail.getList("events.offset", Long.class).subList(0, 2))
                .isEqualTo(trailBefore.getList("events.offset", Long.class));
        assertThat(trail.getList("events.hash").subList(0, 2)).isEqualTo(trailBefore.getList("events.hash"));
        assertThat(trail.getBoolean("chainValid")).isTrue();

        JsonPath view = Api.caseView(id);
        assertThat(view.getInt("eventCount")).isEqualTo(3);
        assertThat(view.getInt("attempts")).isEqualTo(1);
        assertThat(view.getString("status")).isEqualTo(viewBefore.getString("status"));
        assertThat(view.getList("workOrders")).isEqualTo(viewBefore.getList("workOrders"));
        assertRose(duplicates, 3, "events_duplicates_total");
    }

    @Test
    void aSecondRegistrationUnderAnotherEventIdIsArchivedButNotAppliedAndCountedAsRejected() {
        String id = TestEvents.newComplaintId();
        publisher.publish(TestEvents.registered(id, T), TestEvents.dispatched(id, T.plusSeconds(60), "billing"));
        Api.awaitApplied(id, 2);
        JsonPath viewBefore = Api.caseView(id);
        double rejected = Metrics.counter("events_rejected_total", "reason", "ALREADY_REGISTERED");

        ComplaintRegistered again = TestEvents.registered(id, T.plusSeconds(120));
        publisher.publish(again);
        Api.awaitArchived(id, 3);

        JsonPath trail = Api.auditTrail(id);
        assertThat(trail.getString("events[2].eventId")).isEqualTo(again.eventId().toString());
        assertThat(trail.getString("events[2].notApplied")).startsWith("ALREADY_REGISTERED");
        assertThat(trail.getBoolean("chainValid")).isTrue();
        assertThat(Api.caseView(id).getMap("")).isEqualTo(viewBefore.getMap(""));
        assertRose(rejected, 1, "events_rejected_total", "reason", "ALREADY_REGISTERED");
    }

    @Test
    void recordsThatAreNotEventsAreParkedCountedAndTheConsumerMovesOn() {
        String garbled = TestEvents.newComplaintId();
        String headerless = TestEvents.newComplaintId();
        String valid = TestEvents.newComplaintId();
        double unreadable = Metrics.counter("log_parked_total", "reason", "unreadable");
        publisher.publishRaw(garbled, "not json {".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEvents.TYPE, "complaint.registered.v1", CloudEvents.ID, "x"));
        publisher.publishRaw(headerless, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        publisher.publish(TestEvents.registered(valid, T));

        Api.awaitApplied(valid, 1);
        // Counted once each parking committed: both records are parked by now.
        assertRose(unreadable, 2, "log_parked_total", "reason", "unreadable");
        JsonPath parked = as(ADMIN).get("/admin/parked").then().statusCode(200).extract().jsonPath();
        assertThat(parked.getList("findAll { it.key == '" + garbled + "' }.reason")).containsExactly("unreadable");
        assertThat(parked.getList("findAll { it.key == '" + headerless + "' }.error")).containsExactly("no ce_type header");
    }

    @Test
    void anEventOfAVersionThisCodeCannotReadIsParkedAndItsCaseWaitsBehindIt() {
        String id = TestEvents.newComplaintId();
        publisher.publish(TestEvents.registered(id, T));
        Api.awaitApplied(id, 1);
        String newer = "{\"eventId\":\"6a1d0d6e-3a7c-4f5e-9a51-0c3b2d1e4f00\",\"complaintId\":\"" + id
                + "\",\"occurredAt\":\"2026-08-01T09:00:00Z\",\"schemaVersion\":2,\"department\":\"network-ops\"}";
        publisher.publishRaw(id, newer.getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEvents.TYPE, "complaint.dispatched.v2", CloudEvents.SUBJECT, id));
        publisher.publish(TestEvents.dispatched(id, T.plusSeconds(60), "network-ops"));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as(ADMIN).get("/admin/parked").then().extract().jsonPath()
                        .getList("findAll { it.key == '" + id + "' }.reason")).containsExactly("newer-version", "behind"));
        assertThat(Api.auditTrail(id).getInt("length")).isEqualTo(1);
        assertThat(Api.caseView(id).getString("status")).isEqualTo("REGISTERED");
    }
}
