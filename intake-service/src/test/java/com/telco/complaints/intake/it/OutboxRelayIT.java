package com.telco.complaints.intake.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.outbox.OutboxRelay;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;

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
                complaintId = register();

                // The relay, the one way to the log, has stopped (after its batch in flight) and the
                // registration still waits in the outbox: it has not been sent, so it is not on the log.
                assertThat(outbox.pending()).isEqualTo(1);
                assertThat(outbox.pendingEvents()).extracting(Outbox.Row::key).containsExactly(complaintId);
                LogCensus.of(log).assertCounts(complaintId, counts("ComplaintRegistered", 0));
            } finally {
                relay.start();
            }

            log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20));
            Outboxes.awaitDrained();
            LogCensus.of(log).assertCounts(complaintId, counts("ComplaintRegistered", 1)).assertOneRecordPerEventId();
        }
    }

    private static String register() {
        return Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).body(Bodies.valid().toString())
                .post("/complaints").then().statusCode(201).extract().path("complaintId");
    }
}
