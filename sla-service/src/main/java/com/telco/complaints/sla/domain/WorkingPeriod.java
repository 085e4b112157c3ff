package com.telco.complaints.sla.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of working time within a day, in minutes after local midnight; {@code end} may be
 * 1440 (the day's end), so round-the-clock calendars can be written {@code 00:00-24:00}.
 */
public record WorkingPeriod(int startMinute, int endMinute) {

    public WorkingPeriod {
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
            throw new IllegalArgumentException("a working period runs forward within one day, got "
                    + format(startMinute) + "-" + format(endMinute));
        }
    }

    /** Parses {@code 08:30-12:00,13:30-17:30}; an empty string means no working time. */
    public static List<WorkingPeriod> parseAll(String text) {
        List<WorkingPeriod> periods = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return periods;
        }
        for (String part : text.split(",")) {
            String[] bounds = part.strip().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("working hours are written like 08:30-12:00, got '" + part + "'");
            }
            periods.add(new WorkingPeriod(minutes(bounds[0]), minutes(bounds[1])));
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).startMinute() < periods.get(i - 1).endMinute()) {
                throw new IllegalArgumentException("working periods must be in order and not overlap: " + text);
            }
        }
        return periods;
    }

    private static int minutes(String hhmm) {
        String s = hhmm.strip();
        if (s.equals("24:00")) {
            return 1440;
        }
        LocalTime t = LocalTime.parse(s.length() == 4 ? "0" + s : s);
        return t.getHour() * 60 + t.getMinute();
    }

    static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    @Override
    public String toString() {
        return format(startMinute) + "-" + format(endMinute);
    }
}
