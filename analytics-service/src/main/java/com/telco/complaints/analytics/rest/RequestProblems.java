package com.telco.complaints.analytics.rest;

import java.util.List;

/** Why a request cannot be answered; mapped to problem+json by {@link ProblemMapper}. */
final class RequestProblems {

    private RequestProblems() {}

    /** Nothing is known under that name. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** Some query parameters are wrong; every one is listed. */
    static final class Invalid extends RuntimeException {
        final List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super(errors.toString(), null, false, false);
            this.errors = List.copyOf(errors);
        }
    }
}
