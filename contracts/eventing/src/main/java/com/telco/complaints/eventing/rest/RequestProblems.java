package com.telco.complaints.eventing.rest;

import java.util.List;

/** Why a request cannot be answered, raised anywhere in a door and mapped to problem+json by {@link ProblemMapper}. */
public final class RequestProblems {

    private RequestProblems() {}

    /** Nothing is known under that name (404). */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** The request cannot apply to the resource as it stands (409). */
    public static class Conflict extends RuntimeException {
        private final String slug;
        private final String title;

        public Conflict(String slug, String title, String message) {
            super(message, null, false, false);
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    /** Some fields of the request are wrong; every one is listed (400). */
    public static class Invalid extends RuntimeException {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(errors.toString(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        public Invalid(String field, String message) {
            this(List.of(new FieldError(field, message)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** The body is not well-formed JSON; the message says where it broke (400). */
    public static class MalformedJson extends RuntimeException {
        public MalformedJson(String message) {
            super(message, null, false, false);
        }
    }
}
