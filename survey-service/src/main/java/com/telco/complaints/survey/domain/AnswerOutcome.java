package com.telco.complaints.survey.domain;

/** What a survey answer led to. */
public enum AnswerOutcome {
    /** Satisfied: SurveyPassed and closed. */
    SATISFIED,
    /** Dissatisfied, operator at fault, under the attempt limit: routing redispatches. */
    REDISPATCHED,
    /** Dissatisfied, operator not at fault: explained (or an alternative offered) and closed. */
    EXPLAINED,
    /**
     * Dissatisfied and not accepting the explanation, or at fault at the attempt limit: handed to the manager
     * hotline, which gets a work order of its own (经理热线).
     */
    HANDED_OVER,
    /** Dissatisfied again after the manager hotline's work order: closed, every level has answered. */
    ESCALATED,
    /**
     * Dissatisfied, at fault, and the return named the customer-service centre's own fault: recorded with who is
     * accountable and closed, not redispatched (seed 000: 调查是否为客服中心责任? Y → 记录).
     */
    RECORDED,
    /** The call did not reach the customer; the survey stays pending. Never the outcome of a survey task. */
    NOT_REACHED,
    /** The customer could not be reached in the allowed number of calls: closed. */
    UNREACHABLE
}
