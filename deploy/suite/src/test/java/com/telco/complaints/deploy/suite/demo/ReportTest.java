package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static JsonNode json(String text) throws Exception {
        return Rest.JSON.readTree(text);
    }

    @Test
    void theReportShowsWhatWasSimulatedTheKpisOfAnalyticsAndTheLargestHotspotsFirst() throws Exception {
        DemoCounters counters = new DemoCounters();
        counters.registered.set(250);
        counters.refused.set(3);
        counters.returned.set(180);
        counters.transferred.set(11);
        counters.satisfied.set(120);
        counters.redispatched.set(14);
        counters.recorded.set(3);
        counters.handedOver.set(2);
        counters.contacts.set(310);
        counters.triaged.set(12);
        JsonNode kpis = json("""
                {"total": {"group": "ALL", "volume": 250, "closed": 140, "onTimeReturnRate": 0.8021, "returnsOnTime": 150,
                           "returnsJudged": 187, "warnings": 40, "breaches": 15, "meanHandlingSeconds": 70.2,
                           "p90HandlingSeconds": 125.0, "satisfactionRate": 0.78, "surveysPassed": 120,
                           "surveysAnswered": 154, "redispatchRate": 0.06, "recurrenceRate": null,
                           "replyRate": 0.95, "replied": 133, "repliesDue": 140, "contactTimeliness": 0.92,
                           "contactsOnTime": 207, "contactsJudged": 225, "answerTimeliness": 0.8, "answersOnTime": 112,
                           "answersJudged": 140, "progressCompliance": null, "progressMet": 0, "progressJudged": 0,
                           "belowTarget": ["replyRate", "answerTimeliness"], "workOrders": 230, "transferred": 12,
                           "misroutingRate": 0.0522, "urged": 41, "escalated": 17,
                           "faults": {"NONE": 40, "DEPARTMENT": 90, "CUSTOMER_SERVICE_CENTRE": 9, "CUSTOMER": 20}},
                 "groups": [{"group": "network-ops", "volume": 60, "closed": 30, "onTimeReturnRate": 0.8,
                             "warnings": 9, "breaches": 3, "satisfactionRate": 0.75, "misroutingRate": 0.05}]}
                """);
        JsonNode hotspots = json("""
                {"window": "PT3M", "hotspots": [
                  {"region": "TZ-HL", "category": "BUSINESS", "count": 6, "usual": 0.0},
                  {"region": "TZ-HL", "category": "NETWORK", "count": 95, "usual": 0.0},
                  {"region": "TZ-JJ", "category": "NETWORK", "count": 7, "usual": 0.0},
                  {"region": "TZ-WL", "category": "SERVICE", "count": 5, "usual": 0.0}]}
                """);
        JsonNode ladder = json("""
                {"page": 0, "size": 500, "total": 20, "items": [{"level": 1}, {"level": 2}, {"level": 1}, {"level": 1}]}
                """);
        Report.Escalations escalations = new Report.Escalations(Report.Escalations.levelsOf(List.of(ladder)), 6, 5);

        String report = Report.render(Duration.ofSeconds(125), counters, kpis, "now", escalations, hotspots);

        assertThat(report).contains("after 02:05 of traffic")
                .contains("250 complaints registered (3 refused")
                .contains("180 work orders returned, 11 passed to another department")
                .contains("120 satisfied, 14 redispatched (dissatisfied at fault), 3 recorded (the centre's own fault,"
                        + " closed RECORDED), 0 explained, 2 handed to the manager hotline")
                .contains("230 dispatched: 41 urged at the warning, 17 escalated past the deadline; 12 transferred,"
                        + " misrouting 5.2% (12/230)")
                .contains("who the returns found at fault: DEPARTMENT 90, CUSTOMER_SERVICE_CENTRE 9, CUSTOMER 20, NONE 40")
                .contains("4 raised on the ladder (level 1: 3, level 2: 1), 6 notices to management; 5 open at the end")
                .contains("customer desk: 310 contacts recorded; 12 complaints dispatched from triage")
                .contains("reply 95.0% (133/140) (target 100%), contact in time 92.0% (207/225), answer in time 80.0%"
                        + " (112/140), progress kept - (0/0) (targets 90%); below target: replyRate, answerTimeliness")
                .contains("volume 250, closed 140, on-time returns 80.2% (150/187), warnings 40, breaches 15")
                .contains("handling time mean 1m 10s, p90 2m 5s; satisfaction 78.0% (120/154); redispatch 6.0%;"
                        + " recurrence -")
                .containsPattern("network-ops +60 +30 +80.0% +9 +3 +75.0% +5.0%")
                .containsSubsequence("in the last PT3M (GET /hotspots), largest first:", "TZ-HL NETWORK: 95 complaints",
                        "TZ-JJ NETWORK: 7 complaints", "TZ-HL BUSINESS: 6 complaints", "and 1 more");
    }

    @Test
    void withoutAnswersFromAnalyticsTheReportSaysSo() {
        String report = Report.render(Duration.ofSeconds(5), new DemoCounters(), null, "now", null, null);

        assertThat(report).contains("analytics did not answer GET /kpis").contains("analytics did not answer GET /hotspots")
                .contains("analytics did not answer GET /escalations");
    }
}
