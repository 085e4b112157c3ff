package com.telco.complaints.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.telco.complaints.contracts.wire.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One year's official holiday notice (国务院办公厅关于…年部分节假日安排的通知), loaded by an operator on a running
 * system: its public holidays and the weekend days worked instead (调休). It goes on the business-calendar topic
 * (one partition, kept forever, key = the year), which every SLA instance reads from its start, so all of them,
 * and every replay, see the same notices. The latest notice of a year is the one in force; a correction is a new
 * event. Deadlines announced before it keep their values: an announced deadline is a fact.
 *
 * <p>Not a {@code ComplaintEvent}: it concerns no complaint and is not on {@code complaint-events}.
 *
 * @param source         what the notice is, as the operator named it (e.g. the notice's title, or a file name)
 * @param holidays       the public holidays of the year, ascending
 * @param makeUpWorkdays the weekend days worked instead, ascending
 */
public record BusinessCalendarPublished(UUID eventId, Instant occurredAt, int schemaVersion, String causationId,
                                        String actor, int year, List<LocalDate> holidays,
                                        List<LocalDate> makeUpWorkdays, String source) {

    /** {@code ce_type} of the record, and its header. */
    public static final String CE_TYPE = "calendar.business-calendar-published.v1";
    public static final int VERSION = 1;

    public BusinessCalendarPublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (schemaVersion != VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + VERSION + ", not " + schemaVersion);
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor is required");
        }
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        holidays = sorted(holidays, "holidays");
        makeUpWorkdays = sorted(makeUpWorkdays, "makeUpWorkdays");
    }

    private static List<LocalDate> sorted(List<LocalDate> dates, String name) {
        if (dates == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        List<LocalDate> copy = new ArrayList<>(dates);
        if (copy.contains(null)) {
            throw new IllegalArgumentException(name + " holds an empty date");
        }
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** The Kafka record key: the year, so that a year's notices are in order on the one partition. */
    @JsonIgnore
    public String key() {
        return String.valueOf(year);
    }

    public byte[] toJson() {
        try {
            return EventJson.mapper().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code json} is not such an event (a field missing or wrong)
     */
    public static BusinessCalendarPublished parse(byte[] json) {
        try {
            BusinessCalendarPublished read = EventJson.mapper().readerFor(BusinessCalendarPublished.class)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(json);
            if (read == null) {
                throw new IllegalArgumentException("not a " + CE_TYPE + ": null");
            }
            return read;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + CE_TYPE + ": " + e.getMessage(), e);
        }
    }
}
