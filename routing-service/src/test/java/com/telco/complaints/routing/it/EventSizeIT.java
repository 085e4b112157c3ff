package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * A return whose Returned event would be larger than the log takes is refused before anything is
 * committed, naming the field that makes it so large (the limit is lowered here so that a valid
 * body can reach it; in production it sits just below the broker's 1 MB).
 */
@QuarkusTest
@TestProfile(EventSizeIT.SmallRecords.class)
@QuarkusTestResource(SuiteTestResource.class)
class EventSizeIT {

    public static class SmallRecords implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("complaints.eventing.outbox.max-record-bytes", "6000");
        }
    }

    @Test
    void aReturnThatWouldMakeAnEventLargerThanTheLogTakesIsRefusedNamingTheField() {
        try (EventLog log = EventLog.ofEvents()) {
            String complaintId = TestEvents.newComplaintId();
            log.publish(TestEvents.registered(complaintId, Instant.now()));
            Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
            String dispatchId = dispatched.dispatchId();
            String body = ReturnIT.RETURN.replace("Battery replaced; signal restored", "更换了备用电池。".repeat(400));

            Callers.agent(dispatched.department()).contentType(ContentType.JSON).body(body)
                    .post("/work-orders/" + dispatchId + "/return")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://complaints.telco.example/problems/event-too-large"))
                    .body("errors[0].field", equalTo("measures"));
            Callers.as(Callers.OPERATOR).get("/work-orders/" + dispatchId).then().statusCode(200)
                    .body("status", equalTo("OPEN"));
        }
    }
}
