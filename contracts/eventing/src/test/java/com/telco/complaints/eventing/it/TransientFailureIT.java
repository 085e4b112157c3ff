package com.telco.complaints.eventing.it;

import com.telco.complaints.eventing.log.LogConsumer;
import com.telco.complaints.eventing.testapp.NoteLog.Sent;
import com.telco.complaints.eventing.testapp.NoteLog;
import com.telco.complaints.eventing.testapp.TestApp;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.DatabaseOutage;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static com.telco.complaints.eventing.testapp.NoteLog.note;
import static com.telco.complaints.eventing.testapp.TestApp.eventually;
import static com.telco.complaints.eventing.testapp.TestApp.notes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A failure that passes (the database away for a while) is retried in place: nothing is parked, nothing lost. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class TransientFailureIT {

    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @Inject
    LogConsumer consumer;

    @Test
    void aDatabaseOutageIsRetriedUntilItPassesWithoutParkingAnything() throws Exception {
        long parkedBefore = TestApp.parkedTotal();
        List<String> keys = IntStream.range(0, 5).mapToObj(i -> TestApp.newKey("outage")).toList();
        List<Sent> sent;
        try (NoteLog notesLog = NoteLog.open(); DatabaseOutage outage = DatabaseOutage.begin()) {
            sent = notesLog.publish(keys.stream().map(k -> note(k, "during the outage")).toArray(NoteLog.Spec[]::new));
            // The consumer has the records and keeps failing to apply them while the database stays away.
            eventually().until(() -> consumer.failingSince() != null
                    && consumer.failingSince().isBefore(Instant.now().minus(OUTAGE)));
            assertThat(TestApp.logHealth()).as("the failure retried, in /q/health").containsKey("retrying");
        }

        eventually().until(() -> keys.stream().allMatch(k -> notes(k).size() == 1));
        eventually().until(() -> consumer.failing() == null);
        assertThat(TestApp.parkedTotal()).isEqualTo(parkedBefore);
        assertThat(sent).allSatisfy(r -> assertThat(TestApp.parkedAt(r.partition(), r.offset())).isEmpty());
    }

    @Test
    void aDoorAnswers503WithRetryAfterWhileTheDatabaseIsAwayAndWorksAgainAfter() {
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            Callers.as(Callers.ADMIN).get("/admin/parked").then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
        }
        eventually().untilAsserted(() -> Callers.as(Callers.ADMIN).get("/admin/parked").then().statusCode(200));
    }
}
