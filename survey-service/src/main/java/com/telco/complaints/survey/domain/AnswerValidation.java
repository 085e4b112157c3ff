package com.telco.complaints.survey.domain;

import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.TextRule;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer must say who surveyed; when the customer was reached, whether they are satisfied; when
 * dissatisfied, why, and whether the operator is at fault; when not at fault, what was explained or
 * offered instead (seed 001 "客户满意度修复"). An unreached customer needs only {@code surveyedBy}:
 * the other fields are then ignored. Over REST, {@code surveyedBy} is the caller's token subject,
 * not something the body chooses.
 */
public final class AnswerValidation {

    public static final int TEXT_MAX = 4000;
    public static final int SURVEYED_BY_MAX = 100;

    private AnswerValidation() {}

    public static List<FieldError> errors(AnswerRequest a) {
        List<FieldError> errors = new ArrayList<>();
        TextRule.check(errors, "surveyedBy", a.surveyedBy(), SURVEYED_BY_MAX, false, true);
        if (!a.reached()) {
            return errors;
        }
        if (a.satisfied() == null) {
            errors.add(new FieldError("satisfied", "is required when the customer was reached (true or false)"));
            TextRule.check(errors, "reason", a.reason(), TEXT_MAX, true, false);
            TextRule.check(errors, "explanation", a.explanation(), TEXT_MAX, true, false);
            return errors;
        }
        boolean dissatisfied = !a.satisfied();
        TextRule.check(errors, "reason", a.reason(), TEXT_MAX, true, dissatisfied);
        if (dissatisfied && a.operatorAtFault() == null) {
            errors.add(new FieldError("operatorAtFault", "is required when the customer is dissatisfied (true or false)"));
        }
        boolean explanationRequired = dissatisfied && Boolean.FALSE.equals(a.operatorAtFault());
        TextRule.check(errors, "explanation", a.explanation(), TEXT_MAX, true, explanationRequired);
        return errors;
    }
}
