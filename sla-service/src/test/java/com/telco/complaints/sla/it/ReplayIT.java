package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/**
 * Replay determinism: the clocks are a pure function of the log (the service's own events
 * included), so replaying it, twice, or after an abandoned replay, gives the same clocks and
 * raises nothing new.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void replayingTheLogGivesIdenticalClocksAndEmitsNothingNew() {
        try (EventLog log = EventLog.ofEvents()) {
            List<String> cases = new ArrayList<>();
            Instant start = TestClock.NOW.instant();
            for (int i = 0; i < 8; i++) {
                String id = TestEvents.newComplaintId();
                cases.add(id);
                log.publish(TestEvents.registered(id, start));
                Dispatched dispatched = TestEvents.dispatched(id, start.plusSeconds(1), "network-ops");
                log.publish(dispatched);
                if (i % 4 == 1) {
                    log.publish(TestEvents.returned(id, 1, start.plus(Duration.ofHours(2)), true));
                } else if (i % 4 == 2) {
                    log.publish(TestEvents.returned(id, 1, start.plus(Duration.ofHours(2)), true));
                    log.publish(TestEvents.surveyFailed(id, 1, start.plus(Duration.ofHours(3)), true, true));
                    log.publish(TestEvents.redispatched(id, 2, start.plus(Duration.ofHours(3)), "supervisor"));
                }
            }
            for (String id : cases) {
                log.await(e -> e.event() instanceof SlaClockStarted s && s.complaintId().equals(id)
                        && s.clock() == SlaClock.RETURN, WAIT);
            }
            // Resolved at the first contact: surveyed and satisfied; dissatisfied, then dispatched; never surveyed
            // (its SURVEY clock, without work order, runs on and may warn and breach below).
            for (int i = 0; i < 3; i++) {
                String id = TestEvents.newComplaintId();
                log.publish(TestEvents.registeredAtFirstContact(id, start));
                if (i == 0) {
                    log.publish(TestEvents.surveyPassedAtFirstContact(id, start.plus(Duration.ofHours(1))));
                } else if (i == 1) {
                    log.publish(TestEvents.surveyFailedAtFirstContact(id, start.plus(Duration.ofHours(1)), true, false));
                    log.publish(TestEvents.dispatched(id, start.plus(Duration.ofHours(2)), "network-ops"));
                }
                SlaClock last = i == 1 ? SlaClock.RETURN : SlaClock.SURVEY;
                log.await(e -> e.event() instanceof SlaClockStarted s && s.complaintId().equals(id)
                        && s.clock() == last, WAIT);
                cases.add(id);
            }
            // Let some clocks warn and breach: 40 hours later the open work orders are past 80% of 48 h.
            TestClock.NOW.set(start.plus(Duration.ofHours(40)));
            log.await(SlaWarningRaised.class, cases.get(0), 1, WAIT);
            TestClock.NOW.set(start.plus(Duration.ofHours(49)));
            log.await(SlaBreached.class, cases.get(0), 1, WAIT);
            WatchBarrier.atNow(log); // everything raised at this time is on the log

            Map<String, Object> before = clocksOf(cases);
            Map<String, Long> slaEventsBefore = new LinkedHashMap<>();
            LogCensus censusBefore = LogCensus.of(log);
            cases.forEach(id -> slaEventsBefore.put(id,
                    censusBefore.records(id).stream().filter(e -> isSlaEvent(e.event())).count()));

            replayToTheEnd();
            assertThat(clocksOf(cases)).isEqualTo(before);
            replayToTheEnd();
            assertThat(clocksOf(cases)).isEqualTo(before);

            Callers.as(Callers.ADMIN).post("/sla/replay").then().statusCode(202);
            Callers.as(Callers.ADMIN).delete("/sla/replay").then().statusCode(200)
                    .body("state", oneOf("CANCELLED", "DONE"));
            replayToTheEnd();
            assertThat(clocksOf(cases)).isEqualTo(before);

            // Whatever a replay announces it announces in its swap, through the outbox; the watch ran at this
            // time and raised nothing more.
            WatchBarrier.atNow(log);
            LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
            for (String id : cases) {
                assertThat(census.records(id).stream().filter(e -> isSlaEvent(e.event())).count())
                        .as("SLA events of %s", id).isEqualTo(slaEventsBefore.get(id));
            }
        }
    }

    @jakarta.inject.Inject
    com.telco.complaints.eventing.outbox.OutboxRelay relay;

    @Test
    void aWarningStillInTheOutboxDuringAReplayIsKeptAndGoesOutOnce() {
        try (EventLog log = EventLog.ofEvents()) {
            String id = TestEvents.newComplaintId();
            Instant start = TestClock.NOW.instant();
            log.publish(TestEvents.registered(id, start));
            log.publish(TestEvents.dispatched(id, start.plusSeconds(1), "network-ops"));
            SlaClockStarted started = (SlaClockStarted) log.await(e -> e.event() instanceof SlaClockStarted s
                    && s.complaintId().equals(id) && s.clock() == SlaClock.RETURN, WAIT).event();
            relay.stop();
            try {
                TestClock.NOW.set(started.warnAt().plusSeconds(5));
                await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id)
                        .then().body("clocks.find { it.clock == 'RETURN' }.warningRaisedAt",
                                equalTo(started.warnAt().toString())));
                replayToTheEnd();
                Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id).then()
                        .body("clocks.find { it.clock == 'RETURN' }.warningRaisedAt", equalTo(started.warnAt().toString()));
            } finally {
                relay.start();
            }
            log.awaitRaised(SlaWarningRaised.class, id, SlaClock.RETURN, started.dispatchId(), WAIT);
            Outboxes.awaitDrained();
            // Past 38 h the customer's clocks have warned too (CONTACT also breached at 24 h): each once.
            LogCensus.of(log).assertOneRecordPerEventId().assertCounts(id, counts("SlaWarningRaised", 3, "SlaBreached", 1));
        }
    }

    /** Replays the log and waits until the replay is done. */
    static void replayToTheEnd() {
        Callers.as(Callers.ADMIN).post("/sla/replay").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Callers.as(Callers.ADMIN).get("/sla/replay").then().body("state", equalTo("DONE")));
        Callers.as(Callers.ADMIN).get("/sla/replay").then().body("percent", equalTo(100.0f));
    }

    private static Map<String, Object> clocksOf(List<String> cases) {
        Map<String, Object> clocks = new LinkedHashMap<>();
        for (String id : cases) {
            clocks.put(id, Callers.as(Callers.OPERATOR).queryParam("asOf", TestClock.NOW.instant().toString())
                    .get("/sla/complaints/" + id).then().statusCode(200).extract().jsonPath().getList("clocks"));
        }
        return clocks;
    }

    private static boolean isSlaEvent(ComplaintEvent e) {
        return e instanceof SlaClockStarted || e instanceof SlaWarningRaised || e instanceof SlaBreached;
    }
}
