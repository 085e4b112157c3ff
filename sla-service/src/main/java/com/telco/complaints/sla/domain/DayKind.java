package com.telco.complaints.sla.domain;

/** What kind of day a date is in the business calendar. */
public enum DayKind {
    WORKDAY,
    WEEKEND,
    /** A public holiday (including the weekdays moved into a holiday block). */
    HOLIDAY,
    /** A Saturday or Sunday worked instead of a weekday moved into a holiday (调休). */
    MAKE_UP_WORKDAY
}
