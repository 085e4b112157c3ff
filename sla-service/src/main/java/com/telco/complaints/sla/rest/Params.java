package com.telco.complaints.sla.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters read strictly: a bad value is a 400 naming the parameter. */
final class Params {

    private Params() {}

    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemMapper.InvalidParameter(name, "must be an ISO-8601 instant such as 2026-11-25T09:30:00Z");
        }
    }

    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemMapper.InvalidParameter(name, "must be a date such as 2026-11-25");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ProblemMapper.InvalidParameter(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ProblemMapper.InvalidParameter(name, "must be between " + min + " and " + max);
        }
        return value;
    }
}
