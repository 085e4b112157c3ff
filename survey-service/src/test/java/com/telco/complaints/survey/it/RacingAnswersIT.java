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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static com.telco.complaints.survey.it.Cases.answer;
import static com.telco.complaints.survey.it.Cases.returnedOn;
import static com.telco.complaints.survey.it.Cases.typesOnTheLog;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;

/** Answers racing for one survey: one is taken, the others are refused, and the log holds one answer. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RacingAnswersIT {

    /** Each answer that ends a survey, and the events it leaves on the log after the Returned. */
    /** What each answer puts on the log: the customer, reached and never answered, is given the final answer first. */
    private static final Map<String, List<EventType>> ANSWERS = Map.of(
            Cases.SATISFIED, List.of(EventType.CUSTOMER_CONTACTED, EventType.SURVEY_PASSED, EventType.COMPLAINT_CLOSED),
            Cases.AT_FAULT, List.of(EventType.CUSTOMER_CONTACTED, EventType.SURVEY_FAILED),
            Cases.NOT_AT_FAULT, List.of(EventType.CUSTOMER_CONTACTED, EventType.SURVEY_FAILED,
                    EventType.COMPLAINT_CLOSED));

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
            Map<String, Integer> counts = new LinkedHashMap<>(counts("ComplaintRegistered", 1, "Dispatched", 1,
                    "Returned", 1, "SurveyPassed", 0, "SurveyFailed", 0, "CustomerUnreachable", 0, "ComplaintClosed", 0,
                    "CustomerContacted", 0));
            expected.forEach(type -> counts.merge(type.eventName(), 1, Integer::sum));
            Cases.afterAnswers(log, complaintId, counts);
            assertThat(typesOnTheLog(log, complaintId)).hasSize(3 + expected.size())
                    .endsWith(expected.toArray(EventType[]::new));
        }
    }

    @Test
    void racingCallsThatMissTheCustomerAreEachRecordedWithTheirOwnCount() throws Exception {
        String complaintId = returnedOn(log, 1);

        List<Integer> statuses = Cases.race(List.<Callable<Integer>>of(
                () -> answer(complaintId, Cases.NOT_REACHED).extract().statusCode(),
                () -> answer(complaintId, Cases.NOT_REACHED).extract().statusCode()));

        assertThat(statuses).containsOnly(200);
        List<ComplaintEvent> events = Cases.afterAnswers(log, complaintId, counts("ComplaintRegistered", 1,
                "Dispatched", 1, "Returned", 1, "CustomerUnreachable", 2, "SurveyPassed", 0, "SurveyFailed", 0,
                "ComplaintClosed", 0));
        assertThat(events.subList(3, 5)).extracting(e -> ((com.telco.complaints.contracts.event.CustomerUnreachable) e)
                .unreachableCount()).containsExactly(1, 2);
    }
}
