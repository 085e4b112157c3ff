package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The PROOF clock of a billing dispute (seed 004) against the real broker and database, the service's clock moved
 * by the test: announced at the registration, warned at 12 days and breached at 15 whether the case was closed or
 * not, and owing nothing once the service provider's proof came.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ProofClockIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static SlaClockStarted disputeRegistered(String complaintId, Instant at) {
        log.publish(TestEvents.disputing(TestEvents.registered(complaintId, at), TestEvents.BILLING_DISPUTE));
        return (SlaClockStarted) log.await(e -> e.event() instanceof SlaClockStarted s
                && s.complaintId().equals(complaintId) && s.clock() == SlaClock.PROOF, WAIT).event();
    }

    /** Moves time forward only: other tests' clocks share this service. */
    private static Instant later(Instant target) {
        Instant now = TestClock.NOW.instant();
        return target.isAfter(now) ? target : now;
    }

    private static <T extends ComplaintEvent> List<T> proofs(LogCensus census, String complaintId, Class<T> type) {
        return census.events(complaintId, type).stream().filter(e -> EventLog.raisedOn(e, SlaClock.PROOF, null)).toList();
    }

    /** Awaits the PROOF clock of the case standing in {@code state} as of {@code asOf}. */
    private static void awaitProofClock(String complaintId, Instant asOf, String state) {
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR)
                .get("/sla/complaints/" + complaintId + "?asOf=" + asOf).then().statusCode(200)
                .body("clocks.find { it.clock == 'PROOF' }.state", equalTo(state)));
    }

    @Test
    void aDisputeIsAnnouncedWarnedAtTwelveDaysAndBreachedAtFifteenEvenWhenTheCaseClosedBefore() {
        String id = TestEvents.newComplaintId();
        Instant registeredAt = TestClock.NOW.instant();

        SlaClockStarted proof = disputeRegistered(id, registeredAt);

        assertThat(proof.dispatchId()).isNull();
        assertThat(proof.startedAt()).isEqualTo(registeredAt);
        assertThat(proof.warnAt()).isEqualTo(registeredAt.plus(Duration.ofDays(12)));
        assertThat(proof.deadline()).isEqualTo(registeredAt.plus(Duration.ofDays(15)));
        assertThat(proof.policy().id()).isEqualTo("proof-default");
        assertThat(log.await(e -> proof.equals(e.event()), WAIT).header("ce_type"))
                .isEqualTo("complaint.sla-clock-started.v3");
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR).queryParam("state", "RUNNING")
                .queryParam("size", 1000).get("/sla/clocks").then().statusCode(200)
                .body("findAll { it.complaintId == '" + id + "' }.clock", hasItem("PROOF")));

        Instant closedAt = registeredAt.plus(Duration.ofHours(2));
        log.publish(TestEvents.closed(id, 1, closedAt, CloseOutcome.SATISFIED));
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR)
                .get("/sla/complaints/" + id + "?asOf=" + closedAt.plusSeconds(1)).then()
                .body("clocks.find { it.clock == 'CASE' }.state", equalTo("STOPPED"))
                .body("clocks.find { it.clock == 'PROOF' }.state", equalTo("RUNNING")));

        TestClock.NOW.set(later(proof.warnAt().plusSeconds(3)));
        assertThat(log.awaitRaised(SlaWarningRaised.class, id, SlaClock.PROOF, null, WAIT).occurredAt())
                .isEqualTo(proof.warnAt());
        Callers.as(Callers.OPERATOR).queryParam("state", "WARNING").queryParam("size", 1000).get("/sla/clocks").then()
                .statusCode(200).body("findAll { it.complaintId == '" + id + "' }.clock", hasItem("PROOF"));
        TestClock.NOW.set(later(proof.deadline().plusSeconds(3)));
        assertThat(log.awaitRaised(SlaBreached.class, id, SlaClock.PROOF, null, WAIT).occurredAt())
                .isEqualTo(proof.deadline());

        TestClock.NOW.advance(Duration.ofHours(1));
        WatchBarrier.atNow(log);
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(proofs(census, id, SlaWarningRaised.class)).hasSize(1);
        assertThat(proofs(census, id, SlaBreached.class)).hasSize(1);

        // Routing's refund at the breach: nothing more to watch.
        Instant refundedAt = TestClock.NOW.instant();
        log.publish(TestEvents.provisionalRefund(id, refundedAt, proof.deadline()));
        awaitProofClock(id, refundedAt, "STOPPED");
    }

    @Test
    void theServiceProvidersProofBeforeTheWarningOwesNoWarningAndNoBreach() {
        String id = TestEvents.newComplaintId();
        Instant registeredAt = TestClock.NOW.instant();
        SlaClockStarted proof = disputeRegistered(id, registeredAt);

        Instant provedAt = registeredAt.plus(Duration.ofDays(3));
        log.publish(TestEvents.spProofReceived(id, provedAt));
        awaitProofClock(id, provedAt, "STOPPED");

        TestClock.NOW.set(later(proof.deadline().plus(Duration.ofHours(1))));
        WatchBarrier.atNow(log);
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(proofs(census, id, SlaWarningRaised.class)).isEmpty();
        assertThat(proofs(census, id, SlaBreached.class)).isEmpty();
        assertThat(census.events(id, SlaClockStarted.class)).filteredOn(s -> s.clock() == SlaClock.PROOF).hasSize(1);
    }
}
