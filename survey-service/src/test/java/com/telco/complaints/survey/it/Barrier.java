package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A same-key barrier for survey: an SlaClockStarted of the SURVEY clock of the case's latest
 * returned work order, with a deadline of its own, published after what the test delivered. Survey
 * applies a case's events in log order on its one partition, so once {@code GET /surveys/{id}} shows
 * that deadline, everything before it was applied; once the outbox is empty, everything survey
 * decided meanwhile is on the log. A work order takes one SURVEY clock: one barrier per work order.
 */
final class Barrier {

    private Barrier() {}

    static SlaClockStarted after(EventLog log, String complaintId, String dispatchId) {
        // Millisecond instants: the task keeps what PostgreSQL keeps (microseconds).
        Duration limit = Duration.ofHours(8).plusSeconds(ThreadLocalRandom.current().nextInt(1, 100_000));
        SlaClockStarted marker = TestEvents.clockStarted(complaintId, SlaClock.SURVEY, dispatchId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), limit);
        log.publish(marker);
        await("survey applied the marker of " + complaintId).atMost(Cases.WAIT).untilAsserted(() ->
                Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().statusCode(200)
                        .body("dispatchId", equalTo(dispatchId))
                        .body("surveyDeadline", equalTo(marker.deadline().toString())));
        Outboxes.awaitDrained();
        return marker;
    }
}
