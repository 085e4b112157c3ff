package com.telco.complaints.survey.domain;

/** Where a survey task stands. */
public enum SurveyStatus {
    /** The work order was returned; the customer has not yet been surveyed (calls that did not reach them included). */
    PENDING,
    /** Surveyed, and the case went on (redispatched). */
    ANSWERED,
    /** The case was closed on this work order's survey. */
    CLOSED
}
