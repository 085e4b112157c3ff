package com.telco.complaints.survey.domain;

/** What a survey answer led to. */
public enum AnswerOutcome {
    /** Satisfied: SurveyPassed and closed. */
    SATISFIED,
    /** Dissatisfied, operator at fault, under the attempt limit: routing redispatches. */
    REDISPATCHED,
    /** Dissatisfied, operator not at fault: explained (or an alternative offered) and closed. */
    EXPLAINED,
    /** Dissatisfied, operator at fault, at the attempt limit: closed to the manager hotline. */
    ESCALATED,
    /** The call did not reach the customer; the survey stays pending. Never the outcome of a survey task. */
    NOT_REACHED,
    /** The customer could not be reached in the allowed number of calls: closed. */
    UNREACHABLE
}
