package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.Dispatched;
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
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A complaint linked to an outage incident (seed 002), against the real broker and database: the superseded work
 * order's RETURN clock stops at the link, the held work order gets none (routing urges no linked complaint), and
 * the incident's return of it is surveyed on a SURVEY clock as usual.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class IncidentClockIT {

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

    private static SlaClockStarted announced(String complaintId, SlaClock clock, String dispatchId) {
        return (SlaClockStarted) log.await(e -> e.event() instanceof SlaClockStarted s && s.complaintId().equals(complaintId)
                && s.clock() == clock && Objects.equals(s.dispatchId(), dispatchId), WAIT).event();
    }

    @Test
    void theLinkSupersedesTheReturnClockAndTheIncidentsReturnIsSurveyed() {
        String id = TestEvents.newComplaintId();
        String w1 = TestEvents.workOrder(id, 1);
        String w2 = TestEvents.workOrder(id, 2);
        Instant now = TestClock.NOW.instant();
        log.publish(TestEvents.registered(id, now));
        Dispatched dispatched = TestEvents.dispatched(id, now.plusSeconds(1), "network-ops");
        log.publish(dispatched);
        SlaClockStarted returnClock = announced(id, SlaClock.RETURN, w1);

        Instant linkedAt = now.plus(Duration.ofMinutes(30));
        log.publish(TestEvents.incidentLinked(id, 2, w1, linkedAt, now.plus(Duration.ofHours(72))));
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR)
                .get("/sla/complaints/" + id + "?asOf=" + linkedAt).then()
                .statusCode(200)
                .body("clocks.find { it.clock == 'RETURN' && it.dispatchId == '" + w1 + "' }.stoppedAt",
                        equalTo(linkedAt.toString())));

        Instant returnedAt = now.plus(Duration.ofHours(60));
        log.publish(TestEvents.returned(id, 2, returnedAt, false));
        SlaClockStarted survey = announced(id, SlaClock.SURVEY, w2);
        assertThat(survey.startedAt()).isEqualTo(returnedAt);

        // Past the superseded order's deadline: no warning or breach of it, and no RETURN clock of the held one.
        TestClock.NOW.set(later(returnClock.deadline().plus(Duration.ofHours(1))));
        WatchBarrier.atNow(log);
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(census.events(id, SlaWarningRaised.class)).noneMatch(w -> w.clock() == SlaClock.RETURN);
        assertThat(census.events(id, SlaBreached.class)).noneMatch(b -> b.clock() == SlaClock.RETURN);
        assertThat(census.events(id, SlaClockStarted.class)).filteredOn(s -> s.clock() == SlaClock.RETURN)
                .extracting(SlaClockStarted::dispatchId).containsExactly(w1);
    }

    private static Instant later(Instant target) {
        Instant now = TestClock.NOW.instant();
        return target.isAfter(now) ? target : now;
    }
}
