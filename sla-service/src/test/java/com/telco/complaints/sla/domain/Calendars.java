package com.telco.complaints.sla.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars for the tests: the shipped Chinese one, a Berlin office, and a round-the-clock one. */
final class Calendars {

    static final String OFFICE_HOURS = "08:30-12:00,13:30-17:30";

    private Calendars() {}

    static BusinessCalendar china() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        for (String year : List.of("cn-2025.txt", "cn-2026.txt")) {
            HolidayNotice notice = HolidayNotice.parse(resource("/calendar/" + year), year);
            holidays.addAll(notice.holidays());
            makeUp.addAll(notice.makeUpWorkdays());
        }
        return new BusinessCalendar(ZoneId.of("Asia/Shanghai"), weekdays(OFFICE_HOURS),
                WorkingPeriod.parseAll(OFFICE_HOURS), holidays, makeUp);
    }

    static BusinessCalendar berlin() {
        return new BusinessCalendar(ZoneId.of("Europe/Berlin"), weekdays("09:00-17:00"),
                WorkingPeriod.parseAll("09:00-17:00"), Set.of(), Set.of());
    }

    static BusinessCalendar berlinAroundTheClock() {
        Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, WorkingPeriod.parseAll("00:00-24:00"));
        }
        return new BusinessCalendar(ZoneId.of("Europe/Berlin"), hours, List.of(), Set.of(), Set.of());
    }

    static Map<DayOfWeek, List<WorkingPeriod>> weekdays(String periods) {
        Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, WorkingPeriod.parseAll(periods));
        }
        return hours;
    }

    private static String resource(String path) {
        try (InputStream in = Calendars.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
