package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.returnedOn;
import static com.telco.complaints.survey.it.Cases.typesOnTheLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Answers racing for one survey: one is taken, the others are refused, and the log holds one answer. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RacingAnswersIT {

    /** Each answer that ends a survey, and the events it leaves on the log after the Returned. */
    private static final Map<String, List<EventType>> ANSWERS = Map.of(
            Cases.SATISFIED, List.of(EventType.SURVEY_PASSED, EventType.COMPLAINT_CLOSED),
            Cases.AT_FAULT, List.of(EventType.SURVEY_FAILED),
            Cases.NOT_AT_FAULT, List.of(EventType.SURVEY_FAILED, EventType.COMPLAINT_CLOSED));

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
    void racingAnswersForOneSurveyGiveOne200AndOnlyThatAnswersEvents() throws Exception {
        List<String> bodies = List.of(Cases.SATISFIED, Cases.AT_FAULT, Cases.NOT_AT_FAULT, Cases.SATISFIED);
        for (int round = 0; round < 5; round++) {
            String complaintId = returnedOn(log, 1);

            List<Integer> statuses = Cases.race(bodies.stream()
                    .map(body -> (Callable<Integer>) () -> answer(complaintId, body).extract().statusCode()).toList());

            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
            List<EventType> expected = ANSWERS.get(bodies.get(statuses.indexOf(200)));
            await().atMost(Cases.WAIT).until(() -> log.events(complaintId).size() >= 3 + expected.size());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> log.events(complaintId).size() == 3 + expected.size());
            assertThat(typesOnTheLog(log, complaintId).subList(3, 3 + expected.size()))
                    .containsExactlyElementsOf(expected);
            assertThat(log.events(complaintId).stream().map(ComplaintEvent::eventId).distinct()).hasSize(3 + expected.size());
        }
    }

    @Test
    void racingCallsThatMissTheCustomerAreEachRecordedWithTheirOwnCount() throws Exception {
        String complaintId = returnedOn(log, 1);

        List<Integer> statuses = Cases.race(List.<Callable<Integer>>of(
                () -> answer(complaintId, Cases.NOT_REACHED).extract().statusCode(),
                () -> answer(complaintId, Cases.NOT_REACHED).extract().statusCode()));

        assertThat(statuses).containsOnly(200);
        List<ComplaintEvent> events = Cases.settled(log, complaintId, 5);
        assertThat(events.subList(3, 5)).extracting(e -> ((com.telco.complaints.contracts.event.CustomerUnreachable) e)
                .unreachableCount()).containsExactly(1, 2);
    }
}
