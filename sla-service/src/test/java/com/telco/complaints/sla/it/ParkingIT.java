package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.testsupport.BadRecords;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Records that can never apply are parked with their reason; sla goes on starting and announcing clocks. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ParkingIT {

    @Test
    void anIncompleteRegistrationAndANewerVersionAreParkedAndTheNextCaseGetsItsClocks() {
        try (EventLog log = EventLog.ofEvents()) {
            Instant t = TestClock.NOW.instant();
            BadRecords.Published bad = BadRecords.publish(log, t);
            String id = TestEvents.newComplaintId();
            log.publish(TestEvents.registered(id, t));
            log.publish(TestEvents.dispatched(id, t.plusSeconds(1), "network-ops"));

            assertThat(log.await(e -> e.event() instanceof SlaClockStarted s && s.complaintId().equals(id)
                    && s.clock() == SlaClock.RETURN, Duration.ofSeconds(10))).isNotNull();
            BadRecords.assertParked(bad);
            Callers.as(Callers.OPERATOR).get("/sla/complaints/" + bad.incomplete()).then().statusCode(404);
            Callers.as(Callers.OPERATOR).get("/sla/complaints/" + bad.newerVersion()).then().statusCode(404);
        }
    }
}
