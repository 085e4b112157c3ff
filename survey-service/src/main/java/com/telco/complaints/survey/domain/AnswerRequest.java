package com.telco.complaints.survey.domain;

/**
 * What the survey agent (or the IVR/SMS system) reports after calling the customer (满意度调查).
 *
 * @param reachable       false when the call did not reach the customer; absent means reached
 * @param satisfied       whether the customer is satisfied with the returned work order
 * @param reason          why the customer is dissatisfied
 * @param operatorAtFault whether the dissatisfaction is the operator's fault (then the case is redispatched)
 * @param explanation     what was explained to the customer, or the alternative offered, when not at fault
 * @param surveyedBy      the survey agent or system: over REST, the caller's token subject
 */
public record AnswerRequest(Boolean reachable, Boolean satisfied, String reason, Boolean operatorAtFault,
                            String explanation, String surveyedBy) {

    /** Whether the customer was reached; an answer that does not say was a conversation. */
    public boolean reached() {
        return reachable == null || reachable;
    }
}
