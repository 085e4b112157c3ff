package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ReturnIT {

    /** A complete return; who returned it is the token's subject. */
    static final String RETURN = """
            { "reconstruction": "基站 TZ-0412 周一断电", "customerDemand": "Stable signal at home",
              "problemFound": "Backup battery failed", "measures": "Battery replaced; signal restored",
              "resolution": "RESOLVED", "operatorAtFault": true }""";

    /** The same return naming its returner in the body, as clients did before tokens said who acts. */
    static String returnNaming(String returnedBy) {
        return RETURN.replace("\"operatorAtFault\": true", "\"operatorAtFault\": true, \"returnedBy\": \""
                + returnedBy + "\"");
    }

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static Dispatched dispatchedWorkOrder() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        return log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
    }

    @Test
    void aReturnIsAcceptedOnceAndExactlyOneReturnedGoesOnTheLog() {
        Dispatched dispatched = dispatchedWorkOrder();
        String dispatchId = dispatched.dispatchId();
        String complaintId = dispatched.complaintId();
        String agent = Callers.agentSubject(dispatched.department());

        Callers.agent(dispatched.department()).contentType(ContentType.JSON).body(returnNaming(agent))
                .post("/work-orders/" + dispatchId + "/return")
                .then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("returnedBy", equalTo(agent))
                .body("result.reconstruction", equalTo("基站 TZ-0412 周一断电"));

        Returned returned = log.await(Returned.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        assertThat(returned.dispatchId()).isEqualTo(dispatchId);
        assertThat(returned.actor()).isEqualTo(agent);
        assertThat(returned.operatorAtFault()).isTrue();
        assertThat(returned.measures()).isEqualTo("Battery replaced; signal restored");

        Callers.agent(dispatched.department()).contentType(ContentType.JSON).body(RETURN)
                .post("/work-orders/" + dispatchId + "/return")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already returned"));
        Outboxes.awaitDrained(); // the 409 wrote nothing; whatever the 200 wrote is on the log now
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("Returned", 1));
    }

    @Test
    void twoRacingReturnsGiveOne200AndOne409() throws Exception {
        for (int round = 0; round < 5; round++) {
            Dispatched dispatched = dispatchedWorkOrder();
            String complaintId = dispatched.complaintId();

            List<Integer> statuses = race(4, () -> Callers.agent(dispatched.department()).contentType(ContentType.JSON)
                    .body(RETURN).post("/work-orders/" + dispatched.dispatchId() + "/return").statusCode());

            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
            log.await(Returned.class, complaintId, 1, Duration.ofSeconds(30));
            Outboxes.awaitDrained();
            LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("Returned", 1));
        }
    }

    @Test
    void anUnknownWorkOrderIs404() {
        Callers.agent("network-ops").contentType(ContentType.JSON).body(RETURN).post("/work-orders/NOPE-W1/return")
                .then().statusCode(404).contentType("application/problem+json");
        Callers.as(Callers.OPERATOR).get("/work-orders/NOPE-W1").then().statusCode(404);
    }

    @Test
    void anIncompleteReturnIs400ListingEveryWrongField() {
        Dispatched dispatched = dispatchedWorkOrder();
        String dispatchId = dispatched.dispatchId();

        Callers.agent(dispatched.department()).contentType(ContentType.JSON)
                .body("{ \"reconstruction\": \"x\", \"problemFound\": 7, \"resolution\": \"FIXED\" }")
                .post("/work-orders/" + dispatchId + "/return")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("problemFound", "resolution"));
        Callers.agent(dispatched.department()).contentType(ContentType.JSON)
                .body("{ \"reconstruction\": \"x\" }")
                .post("/work-orders/" + dispatchId + "/return")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("customerDemand", "problemFound", "measures", "resolution",
                        "operatorAtFault"));
        Callers.agent(dispatched.department()).contentType(ContentType.JSON).body("{ broken")
                .post("/work-orders/" + dispatchId + "/return")
                .then().statusCode(400).body("title", equalTo("Malformed JSON"));
    }

    static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
