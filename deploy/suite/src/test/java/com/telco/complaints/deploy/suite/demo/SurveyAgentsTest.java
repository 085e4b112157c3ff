package com.telco.complaints.deploy.suite.demo;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyAgentsTest {

    @Test
    void anAnswerIsCountedByWhatSurveyServiceSaysItLedToNotByWhatTheAgentMeant() {
        DemoCounters counters = new DemoCounters();

        SurveyAgents.counted(counters, SurveyAgents.Outcome.DISSATISFIED_AT_FAULT, "RECORDED").incrementAndGet();
        SurveyAgents.counted(counters, SurveyAgents.Outcome.DISSATISFIED_AT_FAULT, "REDISPATCHED").incrementAndGet();
        SurveyAgents.counted(counters, SurveyAgents.Outcome.DISSATISFIED_AT_FAULT, "HANDED_OVER").incrementAndGet();
        SurveyAgents.counted(counters, SurveyAgents.Outcome.EXPLAINED, "HANDED_OVER").incrementAndGet();
        SurveyAgents.counted(counters, SurveyAgents.Outcome.DISSATISFIED_AT_FAULT, "ESCALATED").incrementAndGet();
        SurveyAgents.counted(counters, SurveyAgents.Outcome.SATISFIED, "SATISFIED").incrementAndGet();
        // A missed call leaves the survey pending (no outcome), or closes it as unreachable at the limit.
        SurveyAgents.counted(counters, SurveyAgents.Outcome.UNREACHABLE, null).incrementAndGet();
        SurveyAgents.counted(counters, SurveyAgents.Outcome.UNREACHABLE, "UNREACHABLE").incrementAndGet();

        assertThat(counters.recorded).hasValue(1);
        assertThat(counters.redispatched).hasValue(1);
        assertThat(counters.handedOver).hasValue(2);
        assertThat(counters.closedAfterHotline).hasValue(1);
        assertThat(counters.satisfied).hasValue(1);
        assertThat(counters.unreachable).hasValue(2);
        assertThat(counters.explained).hasValue(0);
    }

    @Test
    void aDissatisfiedCustomerIsMostlyFoundWrongedWhereTheReturnFoundTheOperatorAtFault() {
        Random random = new Random(23);

        long atFaultAfterTheCentresFault = IntStream.range(0, 10_000)
                .mapToObj(i -> SurveyAgents.answered(random, 1, "CUSTOMER_SERVICE_CENTRE"))
                .filter(o -> o == SurveyAgents.Outcome.DISSATISFIED_AT_FAULT).count();
        long atFaultAfterNobodysFault = IntStream.range(0, 10_000)
                .mapToObj(i -> SurveyAgents.answered(random, 1, "NONE"))
                .filter(o -> o == SurveyAgents.Outcome.DISSATISFIED_AT_FAULT).count();

        assertThat(atFaultAfterTheCentresFault).isBetween(3900L, 4600L);
        assertThat(atFaultAfterNobodysFault).isBetween(700L, 1200L);
    }
}
