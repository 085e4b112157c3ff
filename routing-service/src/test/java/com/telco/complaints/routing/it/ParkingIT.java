package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.testsupport.BadRecords;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Records that can never apply are parked with their reason; routing goes on dispatching. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ParkingIT {

    @Test
    void anIncompleteRegistrationAndANewerVersionAreParkedAndTheNextRegistrationIsDispatched() {
        try (EventLog log = EventLog.ofEvents()) {
            BadRecords.Published bad = BadRecords.publish(log, Instant.now());
            String id = TestEvents.newComplaintId();
            log.publish(TestEvents.registered(id, Instant.now()));

            assertThat(log.await(Dispatched.class, id, 1, Duration.ofSeconds(10))).hasSize(1);
            BadRecords.assertParked(bad);
            assertThat(log.events(bad.incomplete())).as("nothing dispatched for what was parked").isEmpty();
            assertThat(log.events(bad.newerVersion())).isEmpty();
        }
    }
}
