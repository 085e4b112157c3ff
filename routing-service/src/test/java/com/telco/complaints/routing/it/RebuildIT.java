package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The work orders are a projection of the log: wiping routing's tables and replaying the topic
 * from offset 0 gives the same queues, and the replay decides nothing a second time.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RebuildIT {

    @Inject
    AgroalDataSource dataSource;

    private static List<Map<String, Object>> allWorkOrders() {
        return Callers.as(Callers.OPERATOR).queryParam("size", 1000).get("/work-orders").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    @Test
    void rebuildingFromTheLogGivesIdenticalQueuesAndDecidesNothingTwice() throws Exception {
        try (EventLog log = EventLog.ofEvents()) {
            // A mix of cases: open, returned, redispatched, with announced deadlines.
            List<String> announced = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String complaintId = TestEvents.newComplaintId();
                log.publish(TestEvents.registered(complaintId, Instant.now()));
                Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
                log.publish(TestEvents.clockStarted(complaintId, SlaClock.RETURN, dispatched.dispatchId(),
                        dispatched.occurredAt(), Duration.ofHours(24)));
                announced.add(dispatched.dispatchId());
                if (i % 3 == 0) {
                    continue;
                }
                Callers.agent(dispatched.department()).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                        .post("/work-orders/" + dispatched.dispatchId() + "/return").then().statusCode(200);
                log.await(Returned.class, complaintId, 1, Duration.ofSeconds(30));
                if (i % 3 == 2) {
                    log.publish(TestEvents.surveyFailed(complaintId, 1, Instant.now(), true, true));
                    log.await(Redispatched.class, complaintId, 1, Duration.ofSeconds(30));
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> allWorkOrders().stream()
                    .filter(w -> announced.contains(w.get("dispatchId"))).allMatch(w -> w.get("warnAt") != null));
            List<Map<String, Object>> before = allWorkOrders();
            long decisionsBefore = decisions(LogCensus.of(log));

            // Lose the projection, as if the schema had been dropped.
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("delete from work_orders");
                s.execute("delete from cases");
            }
            // Outage incidents are routing's own record, not the projection's: their work orders stay listed.
            assertThat(allWorkOrders()).allMatch(w -> "INCIDENT".equals(w.get("kind")));

            Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("state", equalTo("DONE")));

            assertThat(allWorkOrders()).isEqualTo(before);
            Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("percent", equalTo(100.0f));
            // A rebuild decides what is owed in its swap, through the outbox: once it is empty, it is all out.
            Outboxes.awaitDrained();
            assertThat(decisions(LogCensus.of(log).assertOneRecordPerEventId())).isEqualTo(decisionsBefore);
        }
    }

    @Inject
    com.telco.complaints.eventing.outbox.OutboxRelay relay;

    @Test
    void aReturnStillInTheOutboxDuringARebuildIsKeptAndGoesOutOnce() {
        try (EventLog log = EventLog.ofEvents()) {
            String complaintId = TestEvents.newComplaintId();
            log.publish(TestEvents.registered(complaintId, Instant.now()));
            Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
            relay.stop();
            try {
                Callers.agent(dispatched.department()).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                        .post("/work-orders/" + dispatched.dispatchId() + "/return").then().statusCode(200);

                Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("state", equalTo("DONE")));

                Callers.as(Callers.OPERATOR).get("/work-orders/" + dispatched.dispatchId()).then()
                        .body("status", equalTo("RETURNED"));
                Callers.agent(dispatched.department()).contentType(ContentType.JSON).body(ReturnIT.RETURN)
                        .post("/work-orders/" + dispatched.dispatchId() + "/return").then().statusCode(409);
            } finally {
                relay.start();
            }
            log.await(Returned.class, complaintId, 1, Duration.ofSeconds(30));
            Outboxes.awaitDrained();
            LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("Returned", 1));
        }
    }

    /** Dispatched and Redispatched records on the log, duplicates included. */
    private static long decisions(LogCensus census) {
        return census.records().stream().map(EventLog.Entry::event)
                .filter(e -> e instanceof Dispatched || e instanceof Redispatched).count();
    }
}
