package com.telco.complaints.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A calendar month of the business time zone, [start, end): from the start of its first business day to the start of
 * the next month's first, so the month's length follows the zone's offset changes (a month with a daylight-saving
 * change is an hour shorter or longer; never in Asia/Shanghai).
 */
public record BusinessMonth(YearMonth month, ZoneId zone) {

    public Instant start() {
        return new BusinessDay(month.atDay(1), zone).start();
    }

    public Instant end() {
        return next().start();
    }

    public Duration length() {
        return Duration.between(start(), end());
    }

    public BusinessMonth previous() {
        return new BusinessMonth(month.minusMonths(1), zone);
    }

    private BusinessMonth next() {
        return new BusinessMonth(month.plusMonths(1), zone);
    }
}
