package com.telco.complaints.sla.config;

import com.telco.complaints.sla.domain.BusinessCalendar;

import java.util.Map;

/**
 * The business calendar as configured and shipped (working hours, the notices of {@code sla.calendar.years}),
 * before any notice loaded at run time.
 *
 * @param sources the file of each year's notice
 */
public record ShippedCalendar(BusinessCalendar calendar, Map<Integer, String> sources) {

    public ShippedCalendar {
        sources = Map.copyOf(sources);
    }
}
