package com.telco.complaints.analytics.it;

import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.CanonicalJson;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor proves a case unaltered; a row changed behind the archive's back is named. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class TamperingIT {

    private static Publisher publisher;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void open() {
        publisher = new Publisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    /** A returned case of four events, archived. */
    private static List<ComplaintEvent> archivedCase() {
        String id = TestEvents.newComplaintId();
        Instant t = Instant.parse("2026-07-01T08:00:00Z");
        List<ComplaintEvent> events = List.of(TestEvents.registered(id, t),
                TestEvents.dispatched(id, t.plusSeconds(60), "network-ops"),
                TestEvents.clockStarted(id, SlaClock.RETURN, id + "-W1", t.plusSeconds(60), Duration.ofHours(24)),
                TestEvents.returned(id, 1, t.plusSeconds(3600), true));
        publisher.publishAll(events);
        Api.awaitArchived(id, events.size());
        assertThat(Api.auditTrail(id).getBoolean("chainValid")).isTrue();
        return events;
    }

    private int update(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    @Test
    void changingTheDataOfOneStoredEventMakesTheChainInvalidAndNamesThatEvent() throws Exception {
        List<ComplaintEvent> events = archivedCase();
        Dispatched dispatched = (Dispatched) events.get(1);

        int changed = update("update audit_events set data = replace(data, '\"department\":\"network-ops\"', "
                + "'\"department\":\"billing\"') where event_id = ?", dispatched.eventId());
        assertThat(changed).isEqualTo(1);

        JsonPath trail = Api.auditTrail(dispatched.complaintId());
        assertThat(trail.getBoolean("chainValid")).isFalse();
        assertThat(trail.getString("firstBadEvent.eventId")).isEqualTo(dispatched.eventId().toString());
        assertThat(trail.getInt("firstBadEvent.seq")).isEqualTo(2);
        assertThat(trail.getString("firstBadEvent.reason")).contains("altered");
        assertThat(trail.getString("events[1].data.department")).isEqualTo("billing");
    }

    @Test
    void changingTheTypeOfAStoredEventIsDetected() throws Exception {
        List<ComplaintEvent> events = archivedCase();
        ComplaintEvent returned = events.get(3);

        update("update audit_events set event_type = 'complaint.survey-passed.v1' where event_id = ?",
                returned.eventId());

        JsonPath trail = Api.auditTrail(returned.complaintId());
        assertThat(trail.getBoolean("chainValid")).isFalse();
        assertThat(trail.getString("firstBadEvent.eventId")).isEqualTo(returned.eventId().toString());
    }

    @Test
    void rewritingAnEventTogetherWithItsHashBreaksTheLinkToTheNextEvent() throws Exception {
        List<ComplaintEvent> events = archivedCase();
        ComplaintEvent dispatched = events.get(1);
        JsonPath before = Api.auditTrail(dispatched.complaintId());
        String forged = "{\"eventId\":\"" + dispatched.eventId() + "\",\"complaintId\":\"" + dispatched.complaintId()
                + "\",\"department\":\"billing\"}";
        byte[] previous = HexFormat.of().parseHex(before.getString("events[1].previousHash"));
        byte[] forgedHash = new AuditChain.Hasher().hash(previous,
                AuditChain.canonicalBytes("complaint.dispatched.v1", CanonicalJson.parse(forged)));

        update("update audit_events set data = ?, hash = ? where event_id = ?", forged, forgedHash,
                dispatched.eventId());

        JsonPath trail = Api.auditTrail(dispatched.complaintId());
        assertThat(trail.getBoolean("chainValid")).isFalse();
        assertThat(trail.getInt("firstBadEvent.seq")).isEqualTo(3);
        assertThat(trail.getString("firstBadEvent.reason")).contains("previousHash");
    }

    @Test
    void removingTheLastEventIsDetectedAgainstTheRecordedHead() throws Exception {
        List<ComplaintEvent> events = archivedCase();
        ComplaintEvent last = events.get(3);

        assertThat(update("delete from audit_events where event_id = ?", last.eventId())).isEqualTo(1);

        JsonPath trail = Api.auditTrail(last.complaintId());
        assertThat(trail.getInt("length")).isEqualTo(3);
        assertThat(trail.getBoolean("chainValid")).isFalse();
        assertThat(trail.getString("chainProblem")).contains("head");
    }

    @Test
    void otherCasesStayValid() {
        List<ComplaintEvent> events = archivedCase();
        assertThat(Api.auditTrail(events.get(0).complaintId()).getBoolean("chainValid")).isTrue();
        assertThat(UUID.fromString(Api.auditTrail(events.get(0).complaintId()).getString("events[0].eventId")))
                .isEqualTo(events.get(0).eventId());
    }
}
