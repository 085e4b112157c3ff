package com.telco.complaints.eventing.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reads query parameters strictly, collecting every wrong one so that a 400 lists them all. */
public final class QueryParams {

    /** The dates a parameter may name: what the database stores and a person means. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final List<FieldError> errors = new ArrayList<>();

    public Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            Instant instant = Instant.parse(value.trim());
            if (instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                    || !instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                errors.add(new FieldError(name, "must lie between " + EARLIEST + " and " + LATEST));
                return otherwise;
            }
            return instant;
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
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                errors.add(new FieldError(name, "must lie between " + EARLIEST + " and " + LATEST));
                return otherwise;
            }
            return date;
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

    /** The highest page number a list door takes: with at most 1,000 rows a page, the offset stays an int. */
    public static final int MAX_PAGE = 1_000_000;

    /**
     * The {@code page} (from 0, at most {@link #MAX_PAGE}) and {@code size} (1 to {@code maxSize}, at
     * most 1,000, {@code defaultSize} when absent) parameters of a list door.
     */
    public Page page(String page, String size, int defaultSize, int maxSize) {
        if (maxSize > 1000) {
            throw new IllegalArgumentException("a page holds at most 1000 rows");
        }
        return new Page(integer("page", page, 0, 0, MAX_PAGE), integer("size", size, defaultSize, 1, maxSize));
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
