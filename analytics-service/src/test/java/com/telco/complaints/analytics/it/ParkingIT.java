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

import static io.restassured.RestAssured.given;
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
                    given().get("/cases/" + id).then().statusCode(200).body("status", equalTo("REGISTERED")));
            BadRecords.assertParked(bad);
            given().get("/cases/" + bad.incomplete()).then().statusCode(404);
            given().get("/audit/complaints/" + bad.newerVersion() + "/events").then().statusCode(404);
        }
    }
}
