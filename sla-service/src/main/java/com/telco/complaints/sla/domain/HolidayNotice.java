package com.telco.complaints.sla.domain;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * One year's public holidays and make-up working days, as published in the official notice and
 * written in a small properties file ({@code year}, {@code holidays}, {@code make-up-workdays}).
 */
public record HolidayNotice(int year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    public static HolidayNotice parse(String text, String source) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        String year = p.getProperty("year");
        if (year == null) {
            throw new IllegalArgumentException(source + ": 'year' is missing");
        }
        int y = Integer.parseInt(year.strip());
        HolidayNotice notice = new HolidayNotice(y, dates(p.getProperty("holidays"), source),
                dates(p.getProperty("make-up-workdays"), source));
        for (LocalDate date : notice.holidays()) {
            requireYear(date, y, source);
        }
        for (LocalDate date : notice.makeUpWorkdays()) {
            requireYear(date, y, source);
        }
        return notice;
    }

    private static void requireYear(LocalDate date, int year, String source) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(source + ": " + date + " is not in " + year);
        }
    }

    private static Set<LocalDate> dates(String list, String source) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        if (list == null || list.isBlank()) {
            return dates;
        }
        for (String item : list.split(",")) {
            try {
                dates.add(LocalDate.parse(item.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + ": '" + item.strip() + "' is not a date (yyyy-MM-dd)");
            }
        }
        return dates;
    }
}
