package com.telco.complaints.analytics.domain;

import java.util.Locale;
import java.util.Optional;

/** What KPIs are broken down by. */
public enum GroupBy {
    CATEGORY, CHANNEL, REGION,
    /**
     * The department a complaint's first work order was dispatched to (a transfer does not move it); not yet
     * dispatched: {@link KpiCase#UNDISPATCHED}, or {@link KpiCase#FIRST_CONTACT} when it was resolved at the first
     * contact (and not dispatched since).
     */
    DEPARTMENT;

    /** Reads {@code category}, {@code CHANNEL}, ... */
    public static Optional<GroupBy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
