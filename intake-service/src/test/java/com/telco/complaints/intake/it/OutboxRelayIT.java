package com.telco.complaints.intake.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.outbox.OutboxRelay;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash window of a registration before its publish: the registration committed (the client
 * got 201) but nothing was published yet; the event waits in the outbox and goes out once the relay
 * runs again. (The window after the publish is the eventing library's own test, OutboxRelayIT.)
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class OutboxRelayIT {

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;

    @Test
    void anEventCommittedButNotPublishedIsPublishedOnceWhenTheRelayRunsAgain() {
        try (EventLog log = EventLog.ofEvents()) {
            relay.stop();
            String complaintId;
            try {
                complaintId = given().contentType(ContentType.JSON).body(Bodies.valid().toString())
                        .post("/complaints").then().statusCode(201).extract().path("complaintId");

                assertThat(outbox.pending()).isEqualTo(1);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                        .until(() -> log.events(complaintId).isEmpty());
            } finally {
                relay.start();
            }

            log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> log.events(ComplaintRegistered.class, complaintId).size() == 1);
        }
    }

    private static String register() {
        return given().contentType(ContentType.JSON).body(Bodies.valid().toString())
                .post("/complaints").then().statusCode(201).extract().path("complaintId");
    }
}
