package com.telco.complaints.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working time in one time zone: working hours per weekday (several periods a day), weekends,
 * public holidays and make-up working days (调休: a weekend day worked instead of a weekday given
 * to a holiday block). Pure and immutable; every computation is a function of its arguments.
 *
 * <p>Instants of a period are found through the zone's rules, so a period that spans a change of
 * daylight saving time counts the time that really passes. Only dates the calendar is told about
 * are holidays: operators load each year's official notice. A year without a notice is not confirmed: its
 * days are guessed from the working week alone ({@link #guessOf}), and {@link #isConfirmed} says so.
 * {@link #withNotice} gives the calendar with one year's notice loaded or replaced.
 */
public final class BusinessCalendar {

    /** How far computations look for working time before concluding there is none. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingPeriod>> hours;
    private final List<WorkingPeriod> makeUpDayHours;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    /** The notices loaded, by year: the years whose days are confirmed. */
    private final Map<Integer, HolidayNotice> notices;
    private final Map<LocalDate, List<Interval>> intervals = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_DATES = 20_000;

    /** A calendar whose confirmed years are those of the dates given (a year with none of them is not confirmed). */
    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> hours, List<WorkingPeriod> makeUpDayHours,
                            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this(zone, hours, makeUpDayHours, noticesOf(holidays, makeUpWorkdays));
    }

    /** A calendar of these notices, at most one per year. */
    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> hours, List<WorkingPeriod> makeUpDayHours,
                            java.util.Collection<HolidayNotice> notices) {
        Map<Integer, HolidayNotice> byYear = new java.util.TreeMap<>();
        Set<LocalDate> holidays = new java.util.HashSet<>();
        Set<LocalDate> makeUpWorkdays = new java.util.HashSet<>();
        for (HolidayNotice notice : notices) {
            if (byYear.put(notice.year(), notice) != null) {
                throw new IllegalArgumentException("two notices of " + notice.year());
            }
            holidays.addAll(notice.holidays());
            makeUpWorkdays.addAll(notice.makeUpWorkdays());
        }
        this.notices = java.util.Collections.unmodifiableMap(byYear);
        this.zone = zone;
        this.hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            this.hours.put(day, List.copyOf(hours.getOrDefault(day, List.of())));
        }
        this.makeUpDayHours = List.copyOf(makeUpDayHours);
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        for (LocalDate date : makeUpWorkdays) {
            if (holidays.contains(date)) {
                throw new IllegalArgumentException(date + " cannot be both a holiday and a make-up working day");
            }
        }
        boolean anyHours = this.hours.values().stream().anyMatch(p -> !p.isEmpty()) || !this.makeUpDayHours.isEmpty();
        if (!anyHours) {
            throw new IllegalArgumentException("a business calendar needs working hours on at least one day");
        }
    }

    private static List<HolidayNotice> noticesOf(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        Map<Integer, Set<LocalDate>> h = new java.util.TreeMap<>();
        Map<Integer, Set<LocalDate>> m = new java.util.TreeMap<>();
        holidays.forEach(d -> h.computeIfAbsent(d.getYear(), y -> new java.util.HashSet<>()).add(d));
        makeUpWorkdays.forEach(d -> m.computeIfAbsent(d.getYear(), y -> new java.util.HashSet<>()).add(d));
        Set<Integer> years = new java.util.TreeSet<>(h.keySet());
        years.addAll(m.keySet());
        return years.stream().map(y -> new HolidayNotice(y, h.getOrDefault(y, Set.of()), m.getOrDefault(y, Set.of())))
                .toList();
    }

    /** This calendar with {@code notice} as its year's notice (loaded, or replacing the one before). */
    public BusinessCalendar withNotice(HolidayNotice notice) {
        Map<Integer, HolidayNotice> updated = new java.util.TreeMap<>(notices);
        updated.put(notice.year(), notice);
        return new BusinessCalendar(zone, hours, makeUpDayHours, updated.values());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The notice of {@code year}, if one was loaded. */
    public java.util.Optional<HolidayNotice> notice(int year) {
        return java.util.Optional.ofNullable(notices.get(year));
    }

    /** The notices loaded, by year. */
    public Map<Integer, HolidayNotice> notices() {
        return notices;
    }

    /** Whether the year of {@code date} has a notice: its holidays and make-up days are known, not guessed. */
    public boolean isConfirmed(LocalDate date) {
        return notices.containsKey(date.getYear());
    }

    /** Whether every day from {@code from} to {@code to} (instants, in this zone) is confirmed. */
    public boolean isConfirmedBetween(Instant from, Instant to) {
        int first = from.atZone(zone).getYear();
        int last = to.atZone(zone).getYear();
        for (int year = first; year <= last; year++) {
            if (!notices.containsKey(year)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many days after {@code today} are confirmed without a gap: to the end of the last year of the unbroken run
     * of notices from today's year; 0 when today's year has none.
     */
    public long daysConfirmedAfter(LocalDate today) {
        int year = today.getYear();
        if (!notices.containsKey(year)) {
            return 0;
        }
        while (notices.containsKey(year + 1)) {
            year++;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(today, LocalDate.of(year, 12, 31));
    }

    /** What a day is by the working week alone, as it is taken for a year without a notice. */
    public DayKind guessOf(LocalDate date) {
        return hours.get(date.getDayOfWeek()).isEmpty() ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    public DayKind kindOf(LocalDate date) {
        if (makeUpWorkdays.contains(date)) {
            return DayKind.MAKE_UP_WORKDAY;
        }
        if (holidays.contains(date)) {
            return DayKind.HOLIDAY;
        }
        return guessOf(date);
    }

    /** The working periods of a date; none on weekends and holidays. */
    public List<WorkingPeriod> periodsOf(LocalDate date) {
        return switch (kindOf(date)) {
            case WORKDAY -> hours.get(date.getDayOfWeek());
            case MAKE_UP_WORKDAY -> makeUpDayHours;
            case WEEKEND, HOLIDAY -> List.of();
        };
    }

    public boolean isWorkingDay(LocalDate date) {
        return !periodsOf(date).isEmpty();
    }

    /** An interval of working time between two instants. */
    public record Interval(Instant start, Instant end) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    /** The working intervals of a date, as instants (computed once per date: replays ask millions of times). */
    public List<Interval> intervalsOf(LocalDate date) {
        List<Interval> cached = intervals.get(date);
        if (cached != null) {
            return cached;
        }
        List<Interval> computed = new ArrayList<>();
        for (WorkingPeriod p : periodsOf(date)) {
            computed.add(new Interval(at(date, p.startMinute()), at(date, p.endMinute())));
        }
        computed = List.copyOf(computed);
        if (intervals.size() < MAX_CACHED_DATES) {
            intervals.put(date, computed);
        }
        return computed;
    }

    private Instant at(LocalDate date, int minute) {
        return ZonedDateTime.of(date.atStartOfDay().plusMinutes(minute), zone).toInstant();
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}. Time before
     * the first working period, in breaks, after hours, on weekends and holidays does not count.
     * When the amount runs out exactly at the end of a period, that end is the answer.
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        Duration left = amount;
        LocalDate date = start.atZone(zone).toLocalDate().minusDays(1); // a period of the previous day may run past midnight in local terms only
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, date = date.plusDays(1)) {
            for (Interval interval : intervalsOf(date)) {
                if (!interval.end().isAfter(start)) {
                    continue;
                }
                Instant from = interval.start().isBefore(start) ? start : interval.start();
                Duration available = Duration.between(from, interval.end());
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days of " + start);
    }

    /**
     * {@code days} working days later at the same position in the working day: from Tuesday 10:00,
     * two working days is Thursday 10:00 (or later, across weekends and holidays). A start outside
     * working time counts from the next working period; on a shorter target day the position is
     * clamped to its end.
     */
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days to add must not be negative: " + days);
        }
        Instant from = addWorkingTime(start, Duration.ZERO);
        LocalDate date = from.atZone(zone).toLocalDate();
        Instant dayStart = intervalsOf(date).get(0).start();
        Duration position = workingTimeBetween(dayStart, from);
        for (int moved = 0, i = 0; moved < days; i++) {
            if (i > MAX_DAYS_SEARCHED) {
                throw new IllegalStateException("not " + days + " working days within " + MAX_DAYS_SEARCHED + " days");
            }
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                moved++;
            }
        }
        List<Interval> target = intervalsOf(date);
        Duration length = target.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
        if (position.compareTo(length) >= 0) {
            return target.get(target.size() - 1).end();
        }
        return addWorkingTime(target.get(0).start(), position);
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval interval : intervalsOf(date)) {
                Instant start = interval.start().isBefore(from) ? from : interval.start();
                Instant end = interval.end().isAfter(to) ? to : interval.end();
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code fraction} of the working time between {@code start} and
     * {@code end} has passed: the 80% warning point of a working-time limit is 80% of the working time.
     */
    public Instant fractionOfWorkingTime(Instant start, Instant end, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within [0, 1]: " + fraction);
        }
        Duration working = workingTimeBetween(start, end);
        long nanos = Math.round(working.toNanos() * fraction);
        return addWorkingTime(start, Duration.ofNanos(nanos));
    }

    /**
     * The end of the working day {@code at} falls in; when {@code at} is after that day's last
     * period, or on a day without working time, the end of the next working day.
     */
    public Instant endOfWorkingDay(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, date = date.plusDays(1)) {
            List<Interval> intervals = intervalsOf(date);
            if (!intervals.isEmpty()) {
                Instant end = intervals.get(intervals.size() - 1).end();
                if (end.isAfter(at)) {
                    return end;
                }
            }
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS_SEARCHED + " days of " + at);
    }
}
