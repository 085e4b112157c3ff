package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A log of 125,000 events (12,500 closed cases: 62,500 lifecycle events published here and the
 * 62,500 clock announcements the service makes for them) replays completely, with its rate
 * reported. Speed itself is measured by the benchmark in deploy/, not asserted here. The replay
 * writes closed cases as it goes (5,000 at a time per lane), so the first case is written long before
 * the warning that comes for it after all the others; it must still be applied.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class LargeReplayIT {

    private static final Logger LOG = Logger.getLogger(LargeReplayIT.class);
    private static final int CASES = 12_500;

    @Test
    void aLogOfAHundredThousandEventsReplaysWithItsRateReported() {
        try (EventLog log = EventLog.ofEvents()) {
            Instant t = TestClock.NOW.instant();
            List<ComplaintEvent> lifecycle = new ArrayList<>(CASES * 5);
            Set<String> ids = new HashSet<>();
            List<String> order = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                String id = TestEvents.newComplaintId();
                ids.add(id);
                order.add(id);
                lifecycle.add(TestEvents.registered(id, t));
                lifecycle.add(TestEvents.dispatched(id, t.plusSeconds(1), "network-ops"));
                lifecycle.add(TestEvents.returned(id, 1, t.plusSeconds(60), true));
                lifecycle.add(TestEvents.surveyPassed(id, 1, t.plusSeconds(120)));
                lifecycle.add(TestEvents.closed(id, 1, t.plusSeconds(120), CloseOutcome.SATISFIED));
            }
            log.publishAll(lifecycle);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    log.events().stream().filter(e -> e instanceof SlaClockStarted && ids.contains(e.complaintId()))
                            .count() == CASES * 5L);
            // A warning for the first case's work order, after the whole log (a watch that raised it just as the
            // case closed): the live service takes it, and so must the replay, from the case it wrote already.
            String first = order.get(0);
            String last = order.get(CASES - 1);
            SlaClockStarted returnClock = (SlaClockStarted) log.events().stream()
                    .filter(e -> e instanceof SlaClockStarted s && s.complaintId().equals(first) && s.clock() == SlaClock.RETURN)
                    .findFirst().orElseThrow();
            log.publish(TestEvents.warning(returnClock));
            String asOf = returnClock.deadline().plus(Duration.ofDays(1)).toString();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Callers.as(Callers.OPERATOR)
                    .queryParam("asOf", asOf).get("/sla/complaints/" + first).then()
                    .body("clocks.find { it.clock == 'RETURN' }.warningRaisedAt", equalTo(returnClock.warnAt().toString())));
            Map<String, Object> before = new LinkedHashMap<>();
            for (String id : List.of(first, last)) {
                before.put(id, Callers.as(Callers.OPERATOR).queryParam("asOf", asOf)
                        .get("/sla/complaints/" + id).then().statusCode(200).extract().jsonPath().getList("clocks"));
            }

            Callers.as(Callers.ADMIN).post("/sla/replay").then().statusCode(202);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    Callers.as(Callers.ADMIN).get("/sla/replay").then().body("state", equalTo("DONE")));

            JsonPath progress = Callers.as(Callers.ADMIN).get("/sla/replay").then().extract().jsonPath();
            LOG.infof("replayed %d events at %.0f events/s (fold %.2f s, write %.2f s)", progress.getLong("eventsRead"),
                    progress.getDouble("eventsPerSecond"), progress.getDouble("readSeconds"),
                    progress.getDouble("writeSeconds"));
            assertThat(progress.getLong("eventsRead")).isGreaterThanOrEqualTo(CASES * 8L);
            assertThat(progress.getDouble("eventsPerSecond")).isPositive();
            assertThat(progress.getLong("units")).as("cases folded in memory").isGreaterThanOrEqualTo(CASES);
            for (String id : List.of(first, last)) {
                assertThat(Callers.as(Callers.OPERATOR).queryParam("asOf", asOf)
                        .get("/sla/complaints/" + id).then().statusCode(200).extract().jsonPath().getList("clocks"))
                        .as("clocks of %s after the replay", id).isEqualTo(before.get(id));
            }
        }
    }
}
