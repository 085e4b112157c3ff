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
        return BehindTheArchive.write(dataSource, sql, params);
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
    void rewritingAnEventAndItsWholeChainAsADatabaseWriterWouldIsReported() throws Exception {
        List<ComplaintEvent> events = archivedCase();
        ComplaintEvent dispatched = events.get(1);
        String complaintId = dispatched.complaintId();
        JsonPath before = Api.auditTrail(complaintId);
        assertThat(before.getBoolean("keyed")).isTrue();

        // A superuser rewrites the Dispatched, then every hash after it and the head, by the published
        // definition: all it lacks is the key, which is not in the database.
        String forged = "{\"eventId\":\"" + dispatched.eventId() + "\",\"complaintId\":\"" + complaintId
                + "\",\"department\":\"billing\"}";
        AuditChain.Hasher withoutKey = AuditChain.Hasher.unkeyed();
        byte[] previous = HexFormat.of().parseHex(before.getString("events[1].previousHash"));
        for (int i = 1; i < events.size(); i++) {
            String data = i == 1 ? forged : storedData(events.get(i).eventId());
            byte[] hash = withoutKey.hash(previous, AuditChain.canonicalBytes(before.getString("events[" + i + "].type"),
                    CanonicalJson.parse(data)));
            update("update audit_events set data = ?, previous_hash = ?, hash = ? where event_id = ?", data, previous,
                    hash, events.get(i).eventId());
            previous = hash;
        }
        update("update audit_heads set head = ? where complaint_id = ?", previous, complaintId);

        JsonPath trail = Api.auditTrail(complaintId);
        assertThat(trail.getBoolean("chainValid")).isFalse();
        assertThat(trail.getInt("firstBadEvent.seq")).isEqualTo(2);
        assertThat(trail.getString("firstBadEvent.eventId")).isEqualTo(dispatched.eventId().toString());
        assertThat(trail.getString("firstBadEvent.reason")).contains("altered");
    }

    @Test
    void aCaseArchivedBeforeTheChainWasKeyedIsShownUnkeyedAndStillVerified() throws Exception {
        List<ComplaintEvent> events = archivedCase();
        String complaintId = events.get(0).complaintId();
        JsonPath before = Api.auditTrail(complaintId);
        // What an archive of an older version holds: the plain SHA-256 chain, and a head not marked keyed.
        AuditChain.Hasher sha256 = AuditChain.Hasher.unkeyed();
        byte[] previous = AuditChain.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            byte[] hash = sha256.hash(previous, AuditChain.canonicalBytes(before.getString("events[" + i + "].type"),
                    CanonicalJson.parse(storedData(events.get(i).eventId()))));
            update("update audit_events set previous_hash = ?, hash = ? where event_id = ?", previous, hash,
                    events.get(i).eventId());
            previous = hash;
        }
        update("update audit_heads set head = ?, keyed = false where complaint_id = ?", previous, complaintId);

        JsonPath trail = Api.auditTrail(complaintId);
        assertThat(trail.getBoolean("keyed")).isFalse();
        assertThat(trail.getBoolean("chainValid")).isTrue();
    }

    private String storedData(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select data from audit_events where event_id = ?")) {
            s.setObject(1, eventId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
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
