package com.telco.complaints.eventing.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reads query parameters strictly, collecting every wrong one so that a 400 lists them all. */
public final class QueryParams {

    private final List<FieldError> errors = new ArrayList<>();

    public Instant instant(String name, String value, Instant otherwise) {
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

    public LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date such as 2026-11-25"));
            return otherwise;
        }
    }

    public Duration duration(String name, String value, Duration otherwise) {
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

    public int integer(String name, String value, int otherwise, int min, int max) {
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

    /** An upper-case name among {@code allowed}; null when absent. */
    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    /** A value among {@code allowed}; null when absent. */
    public String oneOf(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.trim())) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return value.trim();
    }

    public <T> T check(String name, T value, Function<T, String> problem) {
        String message = problem.apply(value);
        if (message != null) {
            errors.add(new FieldError(name, message));
        }
        return value;
    }

    public void fail(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** @throws RequestProblems.Invalid when any parameter was wrong */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
    }
}
