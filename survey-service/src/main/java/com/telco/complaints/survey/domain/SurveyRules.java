package com.telco.complaints.survey.domain;

/**
 * The limits survey decides by.
 *
 * @param attemptLimit     work orders a case may have before the manager hotline: a dissatisfied customer (operator
 *                         at fault) on the last one is handed to the hotline, which adds a work order of its own
 * @param unreachableLimit survey calls that may fail to reach the customer before the case closes as unreachable
 */
public record SurveyRules(int attemptLimit, int unreachableLimit) {

    public SurveyRules {
        if (attemptLimit < 1) {
            throw new IllegalArgumentException("survey.attempt-limit must be 1 or more, not " + attemptLimit);
        }
        if (unreachableLimit < 1) {
            throw new IllegalArgumentException("survey.unreachable-limit must be 1 or more, not " + unreachableLimit);
        }
    }

    public static SurveyRules defaults() {
        return new SurveyRules(3, 3);
    }
}
