package com.telco.complaints.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A calendar day of the business time zone, [start, end), cut into its hours (the dashboard's registrations). */
public record BusinessDay(LocalDate date, ZoneId zone) {

    /** An hour's start as the dashboard names it: local date and time to the minute, with the zone's offset then. */
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");

    public Instant start() {
        return date.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The starts of the day's hours, in order, an hour apart: 24, or 23 or 25 on a day the zone's offset changes
     * (never in Asia/Shanghai).
     */
    public List<Instant> hourStarts() {
        List<Instant> starts = new ArrayList<>(25);
        Instant end = end();
        for (Instant h = start(); h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
            starts.add(h);
        }
        return starts;
    }

    /** {@code instant} as the dashboard names an hour, e.g. {@code 2026-12-01T09:00+08:00}. */
    public String label(Instant instant) {
        return OffsetDateTime.ofInstant(instant, zone).format(HOUR);
    }
}
