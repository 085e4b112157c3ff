package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.wire.CloudEvents;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Redelivery changes nothing: an event published twice is archived and applied once; a second
 * registration under another event id is archived (it is on the log) but not applied; records
 * that are not events never stop the consumer.
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

    @Test
    void anEventDeliveredTwiceIsArchivedAndAppliedOnce() {
        String id = TestEvents.newComplaintId();
        ComplaintRegistered registered = TestEvents.registered(id, T);
        Dispatched dispatched = TestEvents.dispatched(id, T.plusSeconds(60), "network-ops");
        publisher.publish(registered, dispatched);
        Api.awaitApplied(id, 2);
        JsonPath viewBefore = Api.caseView(id);
        JsonPath trailBefore = Api.auditTrail(id);

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
    }

    @Test
    void aSecondRegistrationUnderAnotherEventIdIsArchivedButNotApplied() {
        String id = TestEvents.newComplaintId();
        publisher.publish(TestEvents.registered(id, T), TestEvents.dispatched(id, T.plusSeconds(60), "billing"));
        Api.awaitApplied(id, 2);
        JsonPath viewBefore = Api.caseView(id);

        ComplaintRegistered again = TestEvents.registered(id, T.plusSeconds(120));
        publisher.publish(again);
        Api.awaitArchived(id, 3);

        JsonPath trail = Api.auditTrail(id);
        assertThat(trail.getString("events[2].eventId")).isEqualTo(again.eventId().toString());
        assertThat(trail.getString("events[2].notApplied")).startsWith("ALREADY_REGISTERED");
        assertThat(trail.getBoolean("chainValid")).isTrue();
        assertThat(Api.caseView(id).getMap("")).isEqualTo(viewBefore.getMap(""));
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedAndTheConsumerMovesOn() {
        String id = TestEvents.newComplaintId();
        publisher.publishRaw(id, "not json {".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEvents.TYPE, "complaint.registered.v1", CloudEvents.ID, "x"));
        publisher.publishRaw(id, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        publisher.publish(TestEvents.registered(id, T));

        Api.awaitApplied(id, 1);
        assertThat(Api.auditTrail(id).getInt("length")).isEqualTo(1);
        given().get("/q/metrics").then().statusCode(200).body(containsString("events_unreadable_total"));
    }

    @Test
    void anEventOfAVersionThisCodeCannotReadIsArchivedButNotFolded() {
        String id = TestEvents.newComplaintId();
        publisher.publish(TestEvents.registered(id, T));
        Api.awaitApplied(id, 1);
        String newer = "{\"eventId\":\"6a1d0d6e-3a7c-4f5e-9a51-0c3b2d1e4f00\",\"complaintId\":\"" + id
                + "\",\"occurredAt\":\"2026-08-01T09:00:00Z\",\"schemaVersion\":2,\"department\":\"network-ops\"}";
        publisher.publishRaw(id, newer.getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEvents.TYPE, "complaint.dispatched.v2", CloudEvents.SUBJECT, id));

        Api.awaitArchived(id, 2);
        JsonPath trail = Api.auditTrail(id);
        assertThat(trail.getString("events[1].type")).isEqualTo("complaint.dispatched.v2");
        assertThat(trail.getString("events[1].name")).isNull();
        assertThat(trail.getString("events[1].notApplied")).startsWith("UNDECODABLE");
        assertThat(trail.getBoolean("chainValid")).isTrue();
        assertThat(Api.caseView(id).getString("status")).isEqualTo("REGISTERED");
        assertThat(Api.stateAsOf(id, "2026-08-02T00:00:00Z").getString("status")).isEqualTo("REGISTERED");
    }
}
