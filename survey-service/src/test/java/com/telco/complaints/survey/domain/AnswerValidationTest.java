package com.telco.complaints.survey.domain;

import com.telco.complaints.eventing.rest.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerValidationTest {

    @Test
    void aSatisfiedAnswerNeedsOnlyWhoSurveyed() {
        assertThat(AnswerValidation.errors(new AnswerRequest(true, true, null, null, null, "sv-3"))).isEmpty();
    }

    @Test
    void anAbsentReachableMeansTheCustomerWasReached() {
        assertThat(AnswerValidation.errors(new AnswerRequest(null, true, null, null, null, "sv-3"))).isEmpty();
        assertThat(AnswerValidation.errors(new AnswerRequest(null, null, null, null, null, "sv-3")))
                .extracting(FieldError::field).containsExactly("satisfied");
    }

    @Test
    void anUnreachedCustomerNeedsOnlyWhoCalledAndTheRestIsIgnored() {
        assertThat(AnswerValidation.errors(new AnswerRequest(false, null, null, null, null, "ivr-1"))).isEmpty();
        assertThat(AnswerValidation.errors(new AnswerRequest(false, false, null, null, null, "ivr-1"))).isEmpty();
        assertThat(AnswerValidation.errors(new AnswerRequest(false, null, null, null, null, null)))
                .extracting(FieldError::field).containsExactly("surveyedBy");
    }

    @Test
    void aDissatisfiedCustomerNeedsAReasonAndWhetherTheOperatorIsAtFault() {
        assertThat(AnswerValidation.errors(new AnswerRequest(true, false, "Still no signal", true, null, "sv-3")))
                .isEmpty();
        assertThat(AnswerValidation.errors(new AnswerRequest(true, false, null, null, null, "sv-3")))
                .extracting(FieldError::field).containsExactly("reason", "operatorAtFault");
    }

    @Test
    void notAtFaultNeedsWhatWasExplainedOrOffered() {
        assertThat(AnswerValidation.errors(new AnswerRequest(true, false, "Wants free data", false,
                "已解释覆盖计划, offered 1 GB", "sv-3"))).isEmpty();
        assertThat(AnswerValidation.errors(new AnswerRequest(true, false, "Wants free data", false, "  ", "sv-3")))
                .extracting(FieldError::message).containsExactly("must not be blank");
    }

    @Test
    void everyMissingOrWrongFieldIsListed() {
        assertThat(AnswerValidation.errors(new AnswerRequest(true, false, " ", false, "x".repeat(4001),
                "two\nlines")))
                .extracting(FieldError::field)
                .containsExactly("surveyedBy", "reason", "explanation");
        assertThat(AnswerValidation.errors(new AnswerRequest(true, true, "bell\u0007", null, null, "x".repeat(101))))
                .extracting(FieldError::field)
                .containsExactly("surveyedBy", "reason");
    }

    @Test
    void fourThousandCharactersAreAllowedCountingCharactersNotBytes() {
        assertThat(AnswerValidation.errors(new AnswerRequest(true, false, "测".repeat(4000), false,
                "释\n".repeat(2000), "sv-3"))).isEmpty();
    }

    @Test
    void withoutSatisfiedTheReasonAndExplanationGivenAreStillChecked() {
        AnswerRequest undecided = new AnswerRequest(true, null, "bell\u0007", null, "x".repeat(4001), "sv-3");

        assertThat(AnswerValidation.errors(undecided)).extracting(FieldError::field)
                .containsExactly("satisfied", "reason", "explanation");
    }
}
