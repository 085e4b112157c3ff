package com.telco.complaints.analytics.it;

import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.CanonicalJson;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /audit/verify over an archive only this test writes (a start of its own, so a fresh database):
 * valid as archived; a case deleted whole (events and head, as a superuser would) breaks its
 * partition's digest; an event rewritten with its chain and head in another case (without the key) is
 * named as the first bad case; a rebuild restores both from the log and reports the two cases.
 */
@QuarkusTest
@TestProfile(ArchiveVerifyIT.OwnArchive.class)
@QuarkusTestResource(SuiteTestResource.class)
class ArchiveVerifyIT {

    /** An application start of its own: its own topics and database, so the archive is this test's alone. */
    public static class OwnArchive implements QuarkusTestProfile {}

    @Inject
    AgroalDataSource dataSource;

    private static JsonPath verify() {
        return Callers.as(Callers.AUDITOR).get("/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    private int update(String sql, Object... params) throws Exception {
        return BehindTheArchive.write(dataSource, sql, params);
    }

    @Test
    void aDeletedCaseBreaksItsPartitionsDigestAndARewrittenEventIsNamed() throws Exception {
        List<List<ComplaintEvent>> cases = new ArrayList<>();
        try (Publisher publisher = new Publisher()) {
            Instant t = Instant.parse("2026-07-01T08:00:00Z");
            for (int i = 0; i < 6; i++) {
                String id = TestEvents.newComplaintId();
                List<ComplaintEvent> events = List.of(TestEvents.registered(id, t),
                        TestEvents.dispatched(id, t.plusSeconds(60), "network-ops"));
                publisher.publishAll(events);
                cases.add(events);
            }
        }
        cases.forEach(events -> Api.awaitArchived(events.get(0).complaintId(), 2));

        JsonPath clean = verify();
        assertThat(clean.getBoolean("valid")).isTrue();
        assertThat(clean.getLong("cases")).isEqualTo(6);
        assertThat(clean.getLong("events")).isEqualTo(12);
        assertThat(clean.getList("partitions.digestHolds", Boolean.class)).isNotEmpty().containsOnly(true);
        assertThat(clean.getString("firstBadCase")).isNull();

        // A superuser deletes one case whole: its events and its head.
        String deleted = cases.get(2).get(0).complaintId();
        assertThat(update("delete from audit_events where complaint_id = ?", deleted)).isEqualTo(2);
        assertThat(update("delete from audit_heads where complaint_id = ?", deleted)).isEqualTo(1);

        JsonPath afterDelete = verify();
        assertThat(afterDelete.getBoolean("valid")).isFalse();
        assertThat(afterDelete.getLong("cases")).isEqualTo(5);
        List<Map<String, Object>> broken = afterDelete.getList("partitions.findAll { !it.digestHolds }");
        assertThat(broken).hasSize(1);
        assertThat(((Number) broken.get(0).get("casesRecorded")).longValue())
                .isEqualTo(((Number) broken.get(0).get("casesFound")).longValue() + 1);
        assertThat(afterDelete.getString("firstBadCase")).as("every chain left holds").isNull();

        // And an event of another case rewritten together with its whole chain and head, by the published
        // definition but without the key, as a superuser would.
        Dispatched dispatched = (Dispatched) cases.get(4).get(1);
        String forged = "{\"eventId\":\"" + dispatched.eventId() + "\",\"complaintId\":\"" + dispatched.complaintId()
                + "\",\"department\":\"billing\"}";
        byte[] previous = HexFormat.of().parseHex(Api.auditTrail(dispatched.complaintId()).getString("events[1].previousHash"));
        byte[] hash = AuditChain.Hasher.unkeyed().hash(previous,
                AuditChain.canonicalBytes("complaint.dispatched.v1", CanonicalJson.parse(forged)));
        update("update audit_events set data = ?, hash = ? where event_id = ?", forged, hash, dispatched.eventId());
        update("update audit_heads set head = ? where complaint_id = ?", hash, dispatched.complaintId());
        JsonPath afterRewrite = verify();
        assertThat(afterRewrite.getBoolean("valid")).isFalse();
        assertThat(afterRewrite.getString("firstBadCase.complaintId")).isEqualTo(dispatched.complaintId());
        assertThat(afterRewrite.getInt("firstBadCase.seq")).isEqualTo(2);
        assertThat(afterRewrite.getString("firstBadCase.eventId")).isEqualTo(dispatched.eventId().toString());
        assertThat(afterRewrite.getString("firstBadCase.reason")).contains("altered");

        // A rebuild archives every case anew from the log, and says which ones it found changed instead
        // of replacing them silently: the deleted case and the rewritten one.
        Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
        JsonPath rebuilt = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200).extract().jsonPath(),
                p -> p.getString("finishedAt") != null);
        assertThat(rebuilt.getString("state")).isEqualTo("DONE");
        assertThat(rebuilt.getList("findings", String.class)).singleElement().asString()
                .startsWith("2 archived cases differ").contains(deleted + " (absent before, 2 events rebuilt)")
                .contains(dispatched.complaintId() + " (2 events before, 2 events rebuilt)");
        JsonPath restored = verify();
        assertThat(restored.getBoolean("valid")).isTrue();
        assertThat(restored.getLong("cases")).isEqualTo(6);

        // Each check is an audit read of its own.
        assertThat(Callers.as(Callers.AUDITOR).queryParam("complaintId", "*").get("/audit/reads").then().statusCode(200)
                .extract().jsonPath().getInt("total")).isEqualTo(4);
    }
}
