package com.telco.complaints.routing.it;

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
 * A same-key barrier for routing: an SlaClockStarted of the case's work order, with a deadline of
 * its own, published after what the test delivered. Routing applies a case's events in log order
 * on its one partition, so once the work order shows that deadline, everything before it was
 * applied; once the outbox is empty, everything routing decided meanwhile is on the log.
 */
final class Barrier {

    private Barrier() {}

    static void after(EventLog log, String complaintId, String dispatchId) {
        Duration limit = Duration.ofHours(48).plusSeconds(ThreadLocalRandom.current().nextInt(1, 100_000));
        SlaClockStarted marker = TestEvents.clockStarted(complaintId, SlaClock.RETURN, dispatchId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), limit);
        log.publish(marker);
        await("routing applied the marker of " + complaintId).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Callers.as(Callers.OPERATOR).get("/work-orders/" + dispatchId).then().statusCode(200)
                        .body("returnDeadline", equalTo(marker.deadline().toString())));
        Outboxes.awaitDrained();
    }
}
