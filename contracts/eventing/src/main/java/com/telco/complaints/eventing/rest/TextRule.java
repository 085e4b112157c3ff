package com.telco.complaints.eventing.rest;

import java.util.List;

/**
 * The rule every free-text field of a request follows: present (when required), not blank, at most
 * so many characters (code points), and no control characters but, in multi-line text, line breaks
 * and tabs. The first broken part is reported.
 */
public final class TextRule {

    private TextRule() {}

    public static void check(List<FieldError> errors, String field, String value, int max, boolean multiLine,
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
