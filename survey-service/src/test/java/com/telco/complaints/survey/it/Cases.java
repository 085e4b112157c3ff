package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.TestEvents;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Cases on the log as intake and routing would leave them, and survey answers as agents give them:
 * by default as the test surveyor, whose token names who surveyed (the bodies leave surveyedBy out).
 */
final class Cases {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Who surveyed, when the test surveyor answers. */
    static final String SURVEYOR = Callers.subject(Callers.SURVEYOR);

    static final String SATISFIED = """
            { "reachable": true, "satisfied": true }""";
    static final String AT_FAULT = """
            { "reachable": true, "satisfied": false, "reason": "Still no signal", "operatorAtFault": true,
              "explanation": null }""";
    static final String NOT_AT_FAULT = """
            { "reachable": true, "satisfied": false, "reason": "Wants unlimited data for free",
              "operatorAtFault": false, "explanation": "Explained the coverage plan; offered 1 GB extra" }""";
    static final String NOT_REACHED = """
            { "reachable": false }""";

    private Cases() {}

    /**
     * A case whose {@code attempts}th work order was just returned: earlier work orders failed their
     * survey with redispatch; every return names the department at fault (and crew 4 accountable).
     * Waits until survey shows the pending survey.
     */
    static String returnedOn(EventLog log, int attempts) {
        return returnedOn(log, attempts, FaultParty.DEPARTMENT, "crew 4");
    }

    /** As {@link #returnedOn(EventLog, int)}, the last return naming {@code faultOf} and {@code accountable}. */
    static String returnedOn(EventLog log, int attempts, FaultParty faultOf, String accountable) {
        String complaintId = TestEvents.newComplaintId();
        Instant t = Instant.now();
        log.publish(TestEvents.registered(complaintId, t));
        log.publish(TestEvents.dispatched(complaintId, t, "network-ops"));
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                log.publish(TestEvents.surveyFailed(complaintId, attempt - 1, t, true, true));
                log.publish(TestEvents.redispatched(complaintId, attempt, t, "network-ops-supervisor"));
            }
            log.publish(attempt < attempts ? TestEvents.returned(complaintId, attempt, t, true)
                    : returned(complaintId, attempt, t, faultOf, accountable));
        }
        awaitSurvey(complaintId, "PENDING", attempts);
        return complaintId;
    }

    /** The test return of the {@code attempt}th work order, naming {@code faultOf} and {@code accountable}. */
    static Returned returned(String complaintId, int attempt, Instant at, FaultParty faultOf, String accountable) {
        Returned r = TestEvents.returned(complaintId, attempt, at, faultOf);
        return new Returned(r.eventId(), r.complaintId(), r.occurredAt(), r.schemaVersion(), r.causationId(),
                r.actor(), r.dispatchId(), r.attempt(), r.department(), r.reconstruction(), r.customerDemand(),
                r.problemFound(), r.measures(), r.resolution(), r.operatorAtFault(), r.faultOf(), accountable);
    }

    static void awaitSurvey(String complaintId, String status, int attempt) {
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then()
                .statusCode(200).body("status", equalTo(status)).body("attempt", equalTo(attempt)));
    }

    /** An answer of the test surveyor. */
    static ValidatableResponse answer(String complaintId, String body) {
        return answer(Callers.as(Callers.SURVEYOR), complaintId, body);
    }

    /** An answer of {@code caller} (e.g. {@code Callers.as("sv-4", Callers.SURVEYOR)}). */
    static ValidatableResponse answer(RequestSpecification caller, String complaintId, String body) {
        return caller.contentType(ContentType.JSON).body(body).post("/surveys/" + complaintId + "/answers").then();
    }

    /** The types of the case's events on the log, in log order. */
    static List<EventType> typesOnTheLog(EventLog log, String complaintId) {
        return log.events(complaintId).stream().map(EventType::of).toList();
    }

    /**
     * The barrier after answers given over REST, then the census: once survey's outbox is empty,
     * everything it decided in those answers is on the log. Asserts that no record survey wrote
     * repeats an event id and that the case holds exactly {@code expected} records of each type named
     * there (e.g. {@code counts("SurveyPassed", 1, "ComplaintClosed", 1)}); returns the case's events
     * in log order.
     */
    static List<ComplaintEvent> afterAnswers(EventLog log, String complaintId, Map<String, Integer> expected) {
        Outboxes.awaitDrained();
        census(log, complaintId, expected);
        return log.events(complaintId);
    }

    /**
     * The census of the log after a barrier. A Kafka transaction the relay committed becomes visible
     * to a read-committed reader once its markers are written, a moment after the commit: this waits
     * (bounded) until the named records are there at least, then counts them exactly.
     */
    static LogCensus census(EventLog log, String complaintId, Map<String, Integer> expected) {
        await("the records of " + complaintId + " on the log").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Map<String, Integer> counts = LogCensus.of(log).counts(complaintId);
                    return expected.entrySet().stream().allMatch(e -> counts.getOrDefault(e.getKey(), 0) >= e.getValue());
                });
        // The case's own counts first, so that a test fails on its own complaint; then the whole log.
        return LogCensus.of(log).assertCounts(complaintId, expected).assertOneRecordPerEventId();
    }

    /** Survey tasks of one status (all when null), as the REST API lists them to a surveyor. */
    static List<Map<String, Object>> surveys(String status) {
        var request = Callers.as(Callers.SURVEYOR).queryParam("size", 1000);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return request.get("/surveys").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** Runs the tasks at the same moment, one thread each; results in the order of the tasks. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new java.util.ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
