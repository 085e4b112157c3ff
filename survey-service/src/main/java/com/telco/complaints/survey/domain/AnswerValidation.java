package com.telco.complaints.survey.domain;

import com.telco.complaints.eventing.rest.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer must say who surveyed; when the customer was reached, whether they are satisfied; when
 * dissatisfied, why, and whether the operator is at fault; when not at fault, what was explained or
 * offered instead (seed 001 "客户满意度修复"). An unreached customer needs only {@code surveyedBy}:
 * the other fields are then ignored.
 */
public final class AnswerValidation {

    public static final int TEXT_MAX = 4000;
    public static final int SURVEYED_BY_MAX = 100;

    private AnswerValidation() {}

    public static List<FieldError> errors(AnswerRequest a) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "surveyedBy", a.surveyedBy(), SURVEYED_BY_MAX, false, true);
        if (!a.reached()) {
            return errors;
        }
        if (a.satisfied() == null) {
            errors.add(new FieldError("satisfied", "is required when the customer was reached (true or false)"));
            text(errors, "reason", a.reason(), TEXT_MAX, true, false);
            text(errors, "explanation", a.explanation(), TEXT_MAX, true, false);
            return errors;
        }
        boolean dissatisfied = !a.satisfied();
        text(errors, "reason", a.reason(), TEXT_MAX, true, dissatisfied);
        if (dissatisfied && a.operatorAtFault() == null) {
            errors.add(new FieldError("operatorAtFault", "is required when the customer is dissatisfied (true or false)"));
        }
        boolean explanationRequired = dissatisfied && Boolean.FALSE.equals(a.operatorAtFault());
        text(errors, "explanation", a.explanation(), TEXT_MAX, true, explanationRequired);
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean multiLine,
                             boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, value == null ? "is required" : "must not be blank"));
            }
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (is " + length + ")"));
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean whitespace = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if (Character.getType(c) == Character.CONTROL && !whitespace) {
                errors.add(new FieldError(field, "contains a control character (U+" + String.format("%04X", (int) c)
                        + ")"));
                return;
            }
        }
    }
}
