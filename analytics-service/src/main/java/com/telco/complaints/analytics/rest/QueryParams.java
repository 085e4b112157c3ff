package com.telco.complaints.analytics.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads query parameters, collecting every wrong one so that a 400 lists them all. */
final class QueryParams {

    private final List<FieldError> errors = new ArrayList<>();

    Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-11-25T09:30:00Z"));
            return otherwise;
        }
    }

    Duration duration(String name, String value, Duration otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 duration such as PT1H"));
            return otherwise;
        }
    }

    int integer(String name, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return otherwise;
        }
    }

    /** An upper-case enum name among {@code allowed}; null when absent. */
    <E extends Enum<E>> String oneOf(String name, String value, E[] allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<String> names = Set.copyOf(Arrays.stream(allowed).map(Enum::name).toList());
        if (!names.contains(value)) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ",
                    Arrays.stream(allowed).map(Enum::name).toList())));
        }
        return value;
    }

    <T> T check(String name, T value, Function<T, String> problem) {
        String message = problem.apply(value);
        if (message != null) {
            errors.add(new FieldError(name, message));
        }
        return value;
    }

    void fail(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** @throws RequestProblems.Invalid when any parameter was wrong */
    void validate() {
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
    }
}
