package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;

/**
 * A barrier on the deadline watch at the test clock's current time: a case dispatched 40 hours
 * before it, whose RETURN warning is due now (and nothing else of it). Once that warning is on the
 * log and sla's outbox is empty, the watch has run at this time, and whatever it would raise at it,
 * for any case, is on the log too: a check that nothing (more) was raised is then a real one.
 */
final class WatchBarrier {

    private WatchBarrier() {}

    static void atNow(EventLog log) {
        String marker = TestEvents.newComplaintId();
        Instant dispatchedAt = TestClock.NOW.instant().minus(Duration.ofHours(40));
        log.publish(TestEvents.registered(marker, dispatchedAt));
        log.publish(TestEvents.dispatched(marker, dispatchedAt.plusSeconds(1), "network-ops"));
        log.await(SlaWarningRaised.class, marker, 1, Duration.ofSeconds(30));
        Outboxes.awaitDrained();
    }
}
