package com.telco.complaints.sla.domain;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's public holidays and make-up working days, as published in the official notice and
 * written in a small properties file ({@code year}, {@code holidays}, {@code make-up-workdays}), or loaded
 * at run time ({@code PUT /sla/calendar/{year}}).
 */
public record HolidayNotice(int year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    /** What is wrong with a notice: the field (holidays, makeUpWorkdays, year, notice) and why. */
    public record Problem(String field, String message) {}

    public HolidayNotice {
        holidays = java.util.Collections.unmodifiableSet(new TreeSet<>(holidays));
        makeUpWorkdays = java.util.Collections.unmodifiableSet(new TreeSet<>(makeUpWorkdays));
    }

    public HolidayNotice(int year, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkdays) {
        this(year, Set.copyOf(holidays), Set.copyOf(makeUpWorkdays));
    }

    /** A shipped notice: any problem stops the service, naming the file. */
    public static HolidayNotice parse(String text, String source) {
        List<Problem> problems = new ArrayList<>();
        HolidayNotice notice = read(text, problems);
        if (notice != null) {
            notice.problemsOfItsYear(problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + problems.get(0).message());
        }
        return notice;
    }

    /**
     * Reads the text form, adding to {@code problems} what cannot be read (a missing year, something that is not a
     * date); the notice as far as it could be read, or null without a year.
     */
    public static HolidayNotice read(String text, List<Problem> problems) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new Problem("notice", e.getMessage()));
            return null;
        }
        for (String key : p.stringPropertyNames()) {
            if (!List.of("year", "holidays", "make-up-workdays").contains(key)) {
                problems.add(new Problem("notice", "'" + key + "' is not a key of a notice (year, holidays, "
                        + "make-up-workdays)"));
            }
        }
        String year = p.getProperty("year");
        Set<LocalDate> holidays = dates(p.getProperty("holidays"), "holidays", problems);
        Set<LocalDate> makeUp = dates(p.getProperty("make-up-workdays"), "makeUpWorkdays", problems);
        if (year == null) {
            problems.add(new Problem("year", "'year' is missing"));
            return null;
        }
        try {
            return new HolidayNotice(Integer.parseInt(year.strip()), holidays, makeUp);
        } catch (NumberFormatException e) {
            problems.add(new Problem("year", "'" + year.strip() + "' is not a year"));
            return null;
        }
    }

    /**
     * Everything wrong with the notice as a notice of its year on {@code calendar}'s working week: a date outside
     * the year, a day both a holiday and a make-up working day, a make-up working day that is not a weekend day of
     * that week (nothing to make up), a notice without holidays. Empty when it may be loaded.
     */
    public List<Problem> problems(BusinessCalendar calendar) {
        List<Problem> problems = new ArrayList<>();
        if (holidays.isEmpty()) {
            problems.add(new Problem("holidays", "a year's notice names its public holidays; none are given"));
        }
        problems.addAll(structuralProblems());
        for (LocalDate date : makeUpWorkdays) {
            if (!holidays.contains(date) && date.getYear() == year && calendar.guessOf(date) != DayKind.WEEKEND) {
                problems.add(new Problem("makeUpWorkdays", date + " is a " + date.getDayOfWeek()
                        + ", a working day already: a make-up working day is a weekend day worked instead"));
            }
        }
        return problems;
    }

    /**
     * What would make the notice unusable on any working week: a date outside its year, a day both a holiday and a
     * make-up working day. A notice read back from the log is held to these only: it was checked against the
     * working week when it was loaded, and a later change of working hours must not drop it.
     */
    public List<Problem> structuralProblems() {
        List<Problem> problems = new ArrayList<>();
        problemsOfItsYear(problems);
        for (LocalDate date : makeUpWorkdays) {
            if (holidays.contains(date)) {
                problems.add(new Problem("makeUpWorkdays", date + " is also a holiday: a day is one or the other"));
            }
        }
        return problems;
    }

    private void problemsOfItsYear(List<Problem> problems) {
        for (LocalDate date : holidays) {
            if (date.getYear() != year) {
                problems.add(new Problem("holidays", date + " is not in " + year));
            }
        }
        for (LocalDate date : makeUpWorkdays) {
            if (date.getYear() != year) {
                problems.add(new Problem("makeUpWorkdays", date + " is not in " + year));
            }
        }
    }

    private static Set<LocalDate> dates(String list, String field, List<Problem> problems) {
        Set<LocalDate> dates = new TreeSet<>();
        if (list == null || list.isBlank()) {
            return dates;
        }
        for (String item : list.split(",")) {
            try {
                dates.add(LocalDate.parse(item.strip()));
            } catch (DateTimeParseException e) {
                problems.add(new Problem(field, "'" + item.strip() + "' is not a date (yyyy-MM-dd)"));
            }
        }
        return dates;
    }
}
