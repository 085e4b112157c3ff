package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.awaitility.Awaitility.await;

/** Input events delivered twice (a publisher's retry after a crash) produce their outcome once. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ExactlyOnceIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @Test
    void aRegistrationDeliveredTwiceIsDispatchedOnce() {
        String complaintId = TestEvents.newComplaintId();
        ComplaintRegistered registered = TestEvents.registered(complaintId, Instant.now());

        log.publish(registered);
        log.publish(registered);
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        Barrier.after(log, complaintId, dispatched.dispatchId());

        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId,
                counts("ComplaintRegistered", 2, "Dispatched", 1, "SlaClockStarted", 1));
    }

    @Test
    void aSecondRegistrationOfTheSameComplaintUnderAnotherIdIsRejectedNotDispatched() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);

        log.publish(TestEvents.registered(complaintId, Instant.now()));
        Barrier.after(log, complaintId, dispatched.dispatchId());

        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId,
                counts("ComplaintRegistered", 2, "Dispatched", 1, "SlaClockStarted", 1));
    }

    @Test
    void aFailedSurveyDeliveredTwiceIsRedispatchedOnce() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        Dispatched first = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        Callers.agent(first.department()).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                .post("/work-orders/" + first.dispatchId() + "/return")
                .then().statusCode(200);
        log.await(Returned.class, complaintId, 1, Duration.ofSeconds(30));
        SurveyFailed failed = TestEvents.surveyFailed(complaintId, 1, Instant.now(), true, true);

        log.publish(failed);
        log.publish(failed);
        Redispatched second = log.await(Redispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        Barrier.after(log, complaintId, second.dispatchId());

        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1,
                "Dispatched", 1, "Returned", 1, "SurveyFailed", 2, "Redispatched", 1, "SlaClockStarted", 1));
    }
}
