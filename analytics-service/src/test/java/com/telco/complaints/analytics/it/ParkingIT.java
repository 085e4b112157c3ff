package com.telco.complaints.analytics.it;

import com.telco.complaints.testsupport.BadRecords;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Records that can never apply are parked with their reason; analytics goes on archiving and projecting. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ParkingIT {

    @Test
    void anIncompleteRegistrationAndANewerVersionAreParkedAndTheNextCaseIsShown() {
        try (EventLog log = EventLog.ofEvents()) {
            Instant t = Instant.parse("2026-08-01T08:00:00Z");
            BadRecords.Published bad = BadRecords.publish(log, t);
            String id = TestEvents.newComplaintId();
            log.publish(TestEvents.registered(id, t));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    as(OPERATOR).get("/cases/" + id).then().statusCode(200).body("status", equalTo("REGISTERED")));
            BadRecords.assertParked(bad);
            as(OPERATOR).get("/cases/" + bad.incomplete()).then().statusCode(404);
            as(AUDITOR).get("/audit/complaints/" + bad.newerVersion() + "/events").then().statusCode(404);
        }
    }
}
