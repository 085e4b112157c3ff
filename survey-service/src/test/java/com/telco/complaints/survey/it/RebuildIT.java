package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.eventing.outbox.OutboxRelay;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.survey.it.Cases.WAIT;
import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.returnedOn;
import static com.telco.complaints.survey.it.Cases.surveys;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The survey tasks are a projection of the log: wiping survey's tables and replaying the topic
 * from offset 0 gives the same tasks, and what was answered stays answered.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RebuildIT {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @Test
    void rebuildingFromTheLogGivesIdenticalSurveyTasksAndAnsweredSurveysStayAnswered() throws Exception {
        try (EventLog log = EventLog.ofEvents()) {
            // A mix of surveys: pending (with a deadline, with missed calls), closed every way, redispatched.
            String pending = returnedOn(log, 1);
            String announced = returnedOn(log, 1);
            Instant returnedAt = Instant.parse(Callers.as(Callers.SURVEYOR).get("/surveys/" + announced).then()
                    .extract().path("returnedAt"));
            log.publish(TestEvents.clockStarted(announced, SlaClock.SURVEY, announced + "-W1", returnedAt,
                    Duration.ofHours(8)));
            String missed = returnedOn(log, 1);
            answer(missed, Cases.NOT_REACHED).statusCode(200);
            String satisfied = returnedOn(log, 1);
            answer(satisfied, Cases.SATISFIED).statusCode(200);
            String explained = returnedOn(log, 1);
            answer(explained, Cases.NOT_AT_FAULT).statusCode(200);
            String escalated = returnedOn(log, 3);
            answer(escalated, Cases.AT_FAULT).statusCode(200);
            // The customer-service centre's own fault: the task shows who is accountable, as the return named them.
            String recorded = returnedOn(log, 1, FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3");
            answer(recorded, Cases.AT_FAULT).statusCode(200).body("outcome", equalTo("RECORDED"));
            String unreachable = returnedOn(log, 1);
            for (int i = 0; i < 3; i++) {
                answer(unreachable, Cases.NOT_REACHED).statusCode(200);
            }
            String redispatched = returnedOn(log, 1);
            answer(redispatched, Cases.AT_FAULT).statusCode(200);
            // As routing does: it redispatches only once it has read the SurveyFailed from the log.
            log.await(SurveyFailed.class, redispatched, 1, WAIT);
            log.publish(TestEvents.redispatched(redispatched, 2, Instant.now(), "network-ops-supervisor"));
            log.publish(TestEvents.returned(redispatched, 2, Instant.now(), true));
            Cases.awaitSurvey(redispatched, "PENDING", 2);
            await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.SURVEYOR).get("/surveys/" + announced).then()
                    .body("surveyDeadline", org.hamcrest.Matchers.notNullValue()));
            awaitQuiet(log);
            List<Map<String, Object>> before = surveys(null);
            List<Map<String, Object>> pendingBefore = surveys("PENDING");
            assertThat(before).extracting(s -> s.get("complaintId")).contains(pending, announced, missed, satisfied,
                    explained, escalated, recorded, unreachable, redispatched);
            assertThat(before).filteredOn(s -> recorded.equals(s.get("complaintId"))).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("outcome", "RECORDED")
                            .containsEntry("faultOf", "CUSTOMER_SERVICE_CENTRE").containsEntry("accountable", "desk 3"));
            assertThat(before).extracting(s -> s.get("status")).contains("PENDING", "ANSWERED", "CLOSED");

            // Lose the projection, as if the schema had been dropped.
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("delete from survey_tasks");
                s.execute("delete from cases");
            }
            assertThat(surveys(null)).isEmpty();

            Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("state", equalTo("DONE")));

            assertThat(surveys(null)).isEqualTo(before);
            assertThat(surveys("PENDING")).isEqualTo(pendingBefore);
            Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("percent", equalTo(100.0f));

            // The rebuilt state decides as the old one did: answered surveys stay answered, pending ones can be.
            answer(satisfied, Cases.SATISFIED).statusCode(409);
            answer(redispatched, Cases.SATISFIED).statusCode(200).body("outcome", equalTo("SATISFIED"));
            answer(missed, Cases.NOT_REACHED).statusCode(200).body("unreachableCount", equalTo(2));
        }
    }

    @Test
    void anAnswerNotYetOnTheLogSurvivesARebuildAndGoesOutOnce() throws Exception {
        try (EventLog log = EventLog.ofEvents()) {
            String complaintId = returnedOn(log, 1);
            awaitQuiet(log);
            relay.stop();
            try {
                answer(complaintId, Cases.SATISFIED).statusCode(200);

                Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("state", equalTo("DONE")));

                Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().body("status", equalTo("CLOSED"))
                        .body("outcome", equalTo("SATISFIED")).body("answer.surveyedBy", equalTo(Cases.SURVEYOR));
                answer(complaintId, Cases.NOT_AT_FAULT).statusCode(409);
                assertThat(log.events(complaintId)).hasSize(3);
            } finally {
                relay.start();
            }
            assertThat(Cases.afterAnswers(log, complaintId, counts("CustomerContacted", 1, "SurveyPassed", 1,
                    "ComplaintClosed", 1)))
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("ComplaintRegistered", "Dispatched", "Returned", "CustomerContacted", "SurveyPassed",
                            "ComplaintClosed");
            awaitQuiet(log);
            Callers.as(Callers.SURVEYOR).get("/surveys/" + complaintId).then().body("status", equalTo("CLOSED"));
        }
    }

    /** Waits until every answer left the outbox and survey applied everything on the log. */
    private void awaitQuiet(EventLog log) {
        await().atMost(WAIT).until(() -> {
            Map<Integer, Long> end = new HashMap<>();
            log.entries().forEach(e -> end.merge(e.partition(), e.offset() + 1, Math::max));
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*) from outbox")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
                Map<Integer, Long> applied = new HashMap<>();
                try (ResultSet rs = s.executeQuery("select partition, next_offset from consumer_offsets")) {
                    while (rs.next()) {
                        applied.put(rs.getInt(1), rs.getLong(2));
                    }
                }
                return applied.equals(end);
            }
        });
    }
}
