package com.telco.complaints.sla.messaging;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The WARN about a calendar confirmed too few days ahead comes once a day while that lasts. */
class CalendarWarningTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    @Test
    void itWarnsOnceADayWhileFewerDaysThanWantedAreConfirmed() {
        assertThat(CalendarBook.warnsToday(MONDAY, null, 31, 45)).as("first time").isTrue();
        assertThat(CalendarBook.warnsToday(MONDAY, MONDAY, 31, 45)).as("again the same day").isFalse();
        assertThat(CalendarBook.warnsToday(MONDAY.plusDays(1), MONDAY, 30, 45)).as("the next day").isTrue();
    }

    @Test
    void itIsQuietOnceEnoughDaysAreConfirmed() {
        assertThat(CalendarBook.warnsToday(MONDAY, null, 45, 45)).isFalse();
        assertThat(CalendarBook.warnsToday(MONDAY, null, 396, 45)).isFalse();
        assertThat(CalendarBook.warnsToday(MONDAY, null, 44, 45)).isTrue();
    }
}
