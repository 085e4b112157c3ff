package com.telco.complaints.survey.it;

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

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Records that can never apply are parked with their reason; survey goes on opening surveys. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ParkingIT {

    @Test
    void anIncompleteRegistrationAndANewerVersionAreParkedAndTheNextReturnOpensItsSurvey() {
        try (EventLog log = EventLog.ofEvents()) {
            Instant t = Instant.parse("2026-11-25T01:00:00Z");
            BadRecords.Published bad = BadRecords.publish(log, t);
            String id = TestEvents.newComplaintId();
            log.publish(TestEvents.registered(id, t));
            log.publish(TestEvents.dispatched(id, t.plusSeconds(1), "network-ops"));
            log.publish(TestEvents.returned(id, 1, t.plusSeconds(3600), true));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    Callers.as(Callers.SURVEYOR).get("/surveys/" + id).then().statusCode(200)
                            .body("status", equalTo("PENDING")));
            BadRecords.assertParked(bad);
            Callers.as(Callers.SURVEYOR).get("/surveys/" + bad.incomplete()).then().statusCode(404);
        }
    }
}
