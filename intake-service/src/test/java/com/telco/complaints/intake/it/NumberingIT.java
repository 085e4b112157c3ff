package com.telco.complaints.intake.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class NumberingIT {

    @Test
    void eightThreadsTimesTwoHundredRegistrationsGetDistinctNumbersAndAllTheirEvents() throws Exception {
        String body = Bodies.valid().toString();

        List<List<String>> perThread = Concurrently.run(8, () -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(Callers.as(Callers.SUBMITTER).contentType(ContentType.JSON).body(body).post("/complaints")
                        .then().statusCode(201).extract().<String>path("complaintId"));
            }
            return ids;
        });

        List<String> all = perThread.stream().flatMap(List::stream).toList();
        Set<String> distinct = new HashSet<>(all);
        assertThat(all).hasSize(1600);
        assertThat(distinct).hasSize(1600);
        assertThat(all).allMatch(id -> id.matches("\\d{8}-\\d{8}"));
        perThread.forEach(ids -> assertThat(ids).as("each client sees its numbers grow").isSorted());
        try (EventLog log = EventLog.ofEvents()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> log.events().stream()
                    .filter(e -> e instanceof ComplaintRegistered).map(e -> e.complaintId())
                    .filter(distinct::contains).distinct().count() == 1600);
            Outboxes.awaitDrained();
            LogCensus census = LogCensus.of(log);
            distinct.forEach(id -> census.assertCounts(id, counts("ComplaintRegistered", 1)));
            census.assertOneRecordPerEventId();
            assertThat(distinct.stream().mapToLong(id -> census.records(id).size()).sum())
                    .as("one record per complaint, none twice, nothing else").isEqualTo(1600);
        }
    }
}
