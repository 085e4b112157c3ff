package com.telco.complaints.routing.domain;

import com.telco.complaints.eventing.rest.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * A return must carry the whole result: the four texts (1–4000 characters, no control characters
 * other than line breaks and tabs), the resolution, whether the operator was at fault, and who returned it.
 */
public final class ReturnValidation {

    public static final int TEXT_MAX = 4000;
    public static final int RETURNED_BY_MAX = 100;

    private ReturnValidation() {}

    public static List<FieldError> errors(ReturnRequest r) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reconstruction", r.reconstruction(), TEXT_MAX, true);
        text(errors, "customerDemand", r.customerDemand(), TEXT_MAX, true);
        text(errors, "problemFound", r.problemFound(), TEXT_MAX, true);
        text(errors, "measures", r.measures(), TEXT_MAX, true);
        if (r.resolution() == null) {
            errors.add(new FieldError("resolution", "is required"));
        }
        if (r.operatorAtFault() == null) {
            errors.add(new FieldError("operatorAtFault", "is required (true or false)"));
        }
        text(errors, "returnedBy", r.returnedBy(), RETURNED_BY_MAX, false);
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean multiLine) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
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
