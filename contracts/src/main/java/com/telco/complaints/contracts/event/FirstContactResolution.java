package com.telco.complaints.contracts.event;

/**
 * A complaint resolved during the first contact (即时处理, DB3212/T 1102-2022 Annex A): it needs no work
 * order. The customer was reached and given the answer then, so the CONTACT and ANSWER clocks are met at
 * registration and the case goes straight to the survey.
 *
 * @param measures    what was done for the customer on the spot
 * @param explanation what the customer was told: the cause and the answer
 */
public record FirstContactResolution(String measures, String explanation) {

    /** The final answer given: the explanation is the cause, the measures the solution. */
    public FinalAnswer asAnswer() {
        return new FinalAnswer(explanation, "Resolved at the first contact (即时处理), without a work order", measures);
    }
}
