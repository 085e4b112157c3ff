package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.Metrics;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.surveys;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Input events delivered twice (a publisher's retry after a crash) open one survey, and answers stay answered. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RedeliveryIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static List<Map<String, Object>> tasksOf(String complaintId) {
        return surveys(null).stream().filter(s -> complaintId.equals(s.get("complaintId"))).toList();
    }

    /** Waits (bounded) until the counter rose by {@code by} at least, then asserts it rose by exactly that. */
    private static void assertRose(double before, double by, String name, String... labels) {
        await(name + " rose by " + by).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Metrics.counter(name, labels)).as("%s, %s before", name, before)
                        .isGreaterThanOrEqualTo(before + by));
        assertThat(Metrics.counter(name, labels)).as("%s, %s before", name, before).isEqualTo(before + by);
    }

    @Test
    void aReturnDeliveredTwiceOpensOneSurveyAndCountsTheDuplicate() {
        String complaintId = TestEvents.newComplaintId();
        Instant t = Instant.now();
        Returned returned = TestEvents.returned(complaintId, 1, t, true);
        log.publish(TestEvents.registered(complaintId, t));
        log.publish(TestEvents.dispatched(complaintId, t, "network-ops"));
        double duplicates = Metrics.counter("events_duplicates_total");

        log.publish(returned);
        log.publish(returned);
        Barrier.after(log, complaintId, returned.dispatchId());

        assertThat(tasksOf(complaintId)).hasSize(1).allSatisfy(task -> assertThat(task)
                .containsEntry("status", "PENDING").containsEntry("dispatchId", returned.dispatchId()));
        assertRose(duplicates, 1, "events_duplicates_total");
        Cases.census(log, complaintId, counts("ComplaintRegistered", 1, "Dispatched", 1, "Returned", 2,
                "SlaClockStarted", 1, "SurveyPassed", 0, "SurveyFailed", 0, "CustomerUnreachable", 0,
                "ComplaintClosed", 0));
    }

    @Test
    void aSecondReturnOfTheSameWorkOrderUnderAnotherIdIsRejectedCountedAndOpensNothing() {
        String complaintId = TestEvents.newComplaintId();
        Instant t = Instant.now();
        log.publish(TestEvents.registered(complaintId, t));
        log.publish(TestEvents.dispatched(complaintId, t, "network-ops"));
        log.publish(TestEvents.returned(complaintId, 1, t, true));
        double rejected = Metrics.counter("events_rejected_total", "reason", "ALREADY_RETURNED");

        log.publish(TestEvents.returned(complaintId, 1, t.plusSeconds(60), false));
        Barrier.after(log, complaintId, complaintId + "-W1");

        assertThat(tasksOf(complaintId)).hasSize(1).allSatisfy(task -> assertThat(task)
                .containsEntry("operatorAtFault", true));
        assertRose(rejected, 1, "events_rejected_total", "reason", "ALREADY_RETURNED");
        Cases.census(log, complaintId, counts("ComplaintRegistered", 1, "Dispatched", 1, "Returned", 2,
                "SlaClockStarted", 1, "SurveyPassed", 0, "SurveyFailed", 0, "CustomerUnreachable", 0,
                "ComplaintClosed", 0));
    }

    @Test
    void anAnswerComingBackFromTheLogAgainChangesNothingAndIsCountedAsDuplicates() {
        String complaintId = Cases.returnedOn(log, 1);
        double duplicates = Metrics.counter("events_duplicates_total");
        double echoes = Metrics.counter("log_own_echoes_skipped_total");
        answer(complaintId, Cases.SATISFIED).statusCode(200);
        List<ComplaintEvent> decided = Cases.afterAnswers(log, complaintId, counts("CustomerContacted", 1,
                "SurveyPassed", 1, "ComplaintClosed", 1)).subList(3, 6);

        // As if the relay had crashed after sending but before deleting: the same events again.
        decided.forEach(log::publish);
        Barrier.after(log, complaintId, complaintId + "-W1");

        assertThat(tasksOf(complaintId)).hasSize(1).allSatisfy(task -> assertThat(task)
                .containsEntry("status", "CLOSED").containsEntry("outcome", "SATISFIED"));
        answer(complaintId, Cases.SATISFIED).statusCode(409);
        // Survey leaves its own three events (the answer given, the survey, the close) out when they come back
        // from the log (it applied them when it decided them); the three sent again by another source are
        // applied and found to be duplicates.
        assertRose(echoes, 3, "log_own_echoes_skipped_total");
        assertRose(duplicates, 3, "events_duplicates_total");
        Cases.afterAnswers(log, complaintId, counts("ComplaintRegistered", 1, "Dispatched", 1, "Returned", 1,
                "CustomerContacted", 2, "SurveyPassed", 2, "ComplaintClosed", 2, "SurveyFailed", 0, "CustomerUnreachable", 0,
                "SlaClockStarted", 1));
    }
}
