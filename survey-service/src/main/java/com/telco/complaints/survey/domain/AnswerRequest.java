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
 * @param accepted        whether a dissatisfied customer accepts the explanation; false hands them to the manager
 *                        hotline; absent means accepted
 */
public record AnswerRequest(Boolean reachable, Boolean satisfied, String reason, Boolean operatorAtFault,
                            String explanation, String surveyedBy, Boolean accepted) {

    public AnswerRequest(Boolean reachable, Boolean satisfied, String reason, Boolean operatorAtFault,
                         String explanation, String surveyedBy) {
        this(reachable, satisfied, reason, operatorAtFault, explanation, surveyedBy, null);
    }

    /** Whether the customer accepts the explanation (an answer that does not say: they do). */
    public boolean acceptsExplanation() {
        return !Boolean.FALSE.equals(accepted);
    }

    /** Whether the customer was reached; an answer that does not say was a conversation. */
    public boolean reached() {
        return reachable == null || reachable;
    }
}
