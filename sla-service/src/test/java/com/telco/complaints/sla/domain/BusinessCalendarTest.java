package com.telco.complaints.sla.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working hours 08:30–12:00 and 13:30–17:30 in Asia/Shanghai, with the 2025 and 2026 holiday notices; also the
 * working hours and holiday notices the calendar is made of.
 */
class BusinessCalendarTest {

    private static final BusinessCalendar CN = Calendars.china();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Shanghai local time. */
    private static Instant cn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }

    @Nested
    class DaysOfTheCalendar {
        @Test
        void weekdaysWeekendsHolidaysAndMakeUpDaysAreTold() {
            assertThat(CN.kindOf(LocalDate.parse("2026-11-25"))).isEqualTo(DayKind.WORKDAY);
            assertThat(CN.kindOf(LocalDate.parse("2026-11-28"))).isEqualTo(DayKind.WEEKEND);
            assertThat(CN.kindOf(LocalDate.parse("2026-10-01"))).isEqualTo(DayKind.HOLIDAY);
            assertThat(CN.kindOf(LocalDate.parse("2026-10-10"))).as("a Saturday worked").isEqualTo(DayKind.MAKE_UP_WORKDAY);
            assertThat(CN.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
            assertThat(CN.isWorkingDay(LocalDate.parse("2026-02-17"))).as("Spring Festival").isFalse();
        }

        @Test
        void aDateCannotBeBothAHolidayAndAMakeUpDay() {
            LocalDate day = LocalDate.parse("2026-10-10");
            assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, Calendars.weekdays("09:00-17:00"),
                    java.util.List.of(), java.util.Set.of(day), java.util.Set.of(day)))
                    .hasMessageContaining("both a holiday and a make-up working day");
        }

        @Test
        void aCalendarWithoutAnyWorkingHoursIsRefused() {
            assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, Map.of(DayOfWeek.MONDAY, List.of()), List.of(),
                    Set.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs working hours on at least one day");
        }

        @Test
        void aCalendarThatWorksOnlyOnMakeUpDaysIsAccepted() {
            LocalDate worked = LocalDate.parse("2026-10-10");

            BusinessCalendar calendar = workingOnlyOn(worked);

            assertThat(calendar.kindOf(worked)).isEqualTo(DayKind.MAKE_UP_WORKDAY);
            assertThat(calendar.isWorkingDay(worked)).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-12"))).as("a Monday").isFalse();
        }

        @Test
        void theCalendarKeepsItsTimeZone() {
            assertThat(CN.zone()).isEqualTo(SHANGHAI);
        }

        @Test
        void workingHoursMustRunForwardAndNotOverlap() {
            assertThatThrownBy(() -> WorkingPeriod.parseAll("12:00-08:30")).hasMessageContaining("runs forward");
            assertThatThrownBy(() -> WorkingPeriod.parseAll("08:00-12:00,11:00-17:00")).hasMessageContaining("overlap");
            assertThatThrownBy(() -> WorkingPeriod.parseAll("8-12")).isInstanceOf(RuntimeException.class);
        }
    }

    @Nested
    class AddingWorkingTime {
        @Test
        void withinOnePeriod() {
            assertThat(CN.addWorkingTime(cn("2026-11-25T09:00"), hours(2))).isEqualTo(cn("2026-11-25T11:00"));
        }

        @Test
        void startingBeforeWorkingHoursCountsFromTheFirstPeriod() {
            assertThat(CN.addWorkingTime(cn("2026-11-25T06:15"), hours(1))).isEqualTo(cn("2026-11-25T09:30"));
        }

        @Test
        void startingAfterWorkingHoursCountsFromTheNextMorning() {
            assertThat(CN.addWorkingTime(cn("2026-11-25T21:00"), hours(1))).isEqualTo(cn("2026-11-26T09:30"));
        }

        @Test
        void acrossTheLunchBreak() {
            assertThat(CN.addWorkingTime(cn("2026-11-25T11:30"), hours(1))).isEqualTo(cn("2026-11-25T14:00"));
        }

        @Test
        void startingInTheLunchBreakCountsFromTheAfternoon() {
            assertThat(CN.addWorkingTime(cn("2026-11-25T12:45"), hours(0.5))).isEqualTo(cn("2026-11-25T14:00"));
        }

        @Test
        void endingExactlyAtTheEndOfAPeriodStaysThere() {
            assertThat(CN.addWorkingTime(cn("2026-11-25T16:30"), hours(1))).isEqualTo(cn("2026-11-25T17:30"));
        }

        @Test
        void acrossAWeekend() {
            assertThat(CN.addWorkingTime(cn("2026-11-27T17:00"), hours(1))).isEqualTo(cn("2026-11-30T09:00"));
        }

        @Test
        void startingOnAPublicHolidayCountsFromTheFirstWorkingDayAfter() {
            // National Day holidays 1–7 October 2026; the 8th is a Thursday.
            assertThat(CN.addWorkingTime(cn("2026-10-02T10:00"), hours(2))).isEqualTo(cn("2026-10-08T10:30"));
        }

        @Test
        void startingOnAMakeUpWorkingDayCountsThatDay() {
            // Sunday 20 September 2026 is worked.
            assertThat(CN.addWorkingTime(cn("2026-09-20T09:00"), hours(1))).isEqualTo(cn("2026-09-20T10:00"));
        }

        @Test
        void acrossTheSpringFestivalWeek() {
            // Saturday 14 February 2026 is worked; 15–23 February is the holiday; Tuesday the 24th is next.
            assertThat(CN.addWorkingTime(cn("2026-02-13T17:00"), hours(1))).isEqualTo(cn("2026-02-14T09:00"));
            assertThat(CN.addWorkingTime(cn("2026-02-14T17:00"), hours(1))).isEqualTo(cn("2026-02-24T09:00"));
            assertThat(CN.workingTimeBetween(cn("2026-02-14T17:00"), cn("2026-02-24T09:00"))).isEqualTo(hours(1));
        }

        @Test
        void acrossNewYear() {
            // 1–3 January 2026 are holidays and Sunday the 4th is worked.
            assertThat(CN.addWorkingTime(cn("2025-12-31T17:00"), hours(1))).isEqualTo(cn("2026-01-04T09:00"));
        }

        @Test
        void manyDaysOfWorkingTime() {
            // 3 working days of 7.5 h from Wednesday 25 November 2026 08:30 end on Friday at 17:30.
            assertThat(CN.addWorkingTime(cn("2026-11-25T08:30"), hours(22.5))).isEqualTo(cn("2026-11-27T17:30"));
        }

        @Test
        void negativeAmountsAreRefused() {
            assertThatThrownBy(() -> CN.addWorkingTime(cn("2026-11-25T08:30"), hours(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class AddingWorkingDays {
        @Test
        void keepsThePositionInTheWorkingDay() {
            assertThat(CN.addWorkingDays(cn("2026-11-24T10:00"), 2)).isEqualTo(cn("2026-11-26T10:00"));
        }

        @Test
        void skipsWeekendsAndHolidays() {
            assertThat(CN.addWorkingDays(cn("2026-11-27T10:00"), 1)).isEqualTo(cn("2026-11-30T10:00"));
            assertThat(CN.addWorkingDays(cn("2026-09-30T10:00"), 1)).isEqualTo(cn("2026-10-08T10:00"));
            assertThat(CN.addWorkingDays(cn("2026-10-09T10:00"), 1)).as("Saturday the 10th is worked")
                    .isEqualTo(cn("2026-10-10T10:00"));
        }

        @Test
        void aStartOutsideWorkingTimeCountsFromTheNextPeriod() {
            assertThat(CN.addWorkingDays(cn("2026-11-28T15:00"), 5)).isEqualTo(cn("2026-12-07T08:30"));
        }

        @Test
        void zeroWorkingDaysIsTheStartItself() {
            assertThat(CN.addWorkingDays(cn("2026-11-25T10:00"), 0)).isEqualTo(cn("2026-11-25T10:00"));
        }

        @Test
        void negativeDaysAreRefused() {
            assertThatThrownBy(() -> CN.addWorkingDays(cn("2026-11-25T10:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void onAShorterTargetDayThePositionIsClampedToItsEnd() {
            Map<DayOfWeek, List<WorkingPeriod>> hours = Calendars.weekdays("09:00-17:00");
            hours.put(DayOfWeek.FRIDAY, WorkingPeriod.parseAll("09:00-12:00"));
            BusinessCalendar shortFridays = new BusinessCalendar(SHANGHAI, hours, List.of(), Set.of(), Set.of());

            Instant friday = shortFridays.addWorkingDays(cn("2026-11-26T15:00"), 1);

            assertThat(friday).as("6 h into Thursday; Friday has 3 h").isEqualTo(cn("2026-11-27T12:00"));
        }
    }

    @Nested
    class WorkingTimeBetween {
        @Test
        void aWholeWorkingDayIsSevenAndAHalfHours() {
            assertThat(CN.workingTimeBetween(cn("2026-11-25T00:00"), cn("2026-11-26T00:00"))).isEqualTo(hours(7.5));
        }

        @Test
        void onlyWorkingTimeCounts() {
            assertThat(CN.workingTimeBetween(cn("2026-11-25T11:00"), cn("2026-11-25T14:00"))).isEqualTo(hours(1.5));
            assertThat(CN.workingTimeBetween(cn("2026-11-27T17:00"), cn("2026-11-30T09:00"))).isEqualTo(hours(1));
        }

        @Test
        void isZeroWhenTheEndIsNotAfterTheStart() {
            assertThat(CN.workingTimeBetween(cn("2026-11-25T11:00"), cn("2026-11-25T10:00"))).isZero();
        }

        @Test
        void theGoldenWeekHasNoWorkingTime() {
            assertThat(CN.workingTimeBetween(cn("2026-10-01T00:00"), cn("2026-10-08T00:00"))).isZero();
        }

        @Test
        void isTheInverseOfAddingWorkingTime() {
            Instant start = cn("2026-02-12T15:10");
            for (double h : new double[] {0.25, 3, 7.5, 11, 40}) {
                Instant end = CN.addWorkingTime(start, hours(h));
                assertThat(CN.workingTimeBetween(start, end)).as(h + " h").isEqualTo(hours(h));
            }
        }
    }

    @Nested
    class FractionOfWorkingTime {
        @Test
        void eightyPercentOfAWorkingIntervalIsEightyPercentOfItsWorkingTime() {
            // 10:00 → 17:30 holds 6 h of working time; 80% is 4.8 h: 2 h before lunch, 2.8 h after.
            assertThat(CN.fractionOfWorkingTime(cn("2026-11-25T10:00"), cn("2026-11-25T17:30"), 0.8))
                    .isEqualTo(cn("2026-11-25T16:18"));
        }

        @Test
        void acrossAWeekendTheWarningPointFallsOnWorkingTime() {
            // Friday 16:30 → Monday 12:00 holds 1 h + 3.5 h; 80% is 3.6 h: Monday 11:06.
            assertThat(CN.fractionOfWorkingTime(cn("2026-11-27T16:30"), cn("2026-11-30T12:00"), 0.8))
                    .isEqualTo(cn("2026-11-30T11:06"));
        }

        @Test
        void noneOfTheWorkingTimeIsTheStartAndAllOfItIsTheEnd() {
            Instant start = cn("2026-11-25T10:00");
            Instant end = cn("2026-11-25T17:30");

            assertThat(CN.fractionOfWorkingTime(start, end, 0)).isEqualTo(start);
            assertThat(CN.fractionOfWorkingTime(start, end, 1)).isEqualTo(end);
        }

        @Test
        void fractionsOutsideZeroToOneAreRefused() {
            Instant start = cn("2026-11-25T10:00");
            Instant end = cn("2026-11-25T17:30");

            assertThatThrownBy(() -> CN.fractionOfWorkingTime(start, end, -0.01))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CN.fractionOfWorkingTime(start, end, 1.01))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class EndOfTheWorkingDay {
        @Test
        void duringTheDayItIsThatEvening() {
            assertThat(CN.endOfWorkingDay(cn("2026-11-25T10:00"))).isEqualTo(cn("2026-11-25T17:30"));
            assertThat(CN.endOfWorkingDay(cn("2026-11-25T06:00"))).isEqualTo(cn("2026-11-25T17:30"));
        }

        @Test
        void afterHoursItIsTheNextWorkingDay() {
            assertThat(CN.endOfWorkingDay(cn("2026-11-25T18:00"))).isEqualTo(cn("2026-11-26T17:30"));
            assertThat(CN.endOfWorkingDay(cn("2026-11-25T17:30"))).isEqualTo(cn("2026-11-26T17:30"));
            assertThat(CN.endOfWorkingDay(cn("2026-11-27T19:00"))).isEqualTo(cn("2026-11-30T17:30"));
        }

        @Test
        void onAHolidayItIsTheFirstWorkingDayAfter() {
            assertThat(CN.endOfWorkingDay(cn("2026-10-03T10:00"))).isEqualTo(cn("2026-10-08T17:30"));
        }

        @Test
        void onAMakeUpDayItIsThatDay() {
            assertThat(CN.endOfWorkingDay(cn("2026-02-28T09:00"))).isEqualTo(cn("2026-02-28T17:30"));
        }
    }

    @Nested
    class DaylightSavingTime {
        private final BusinessCalendar office = Calendars.berlin();

        @Test
        void acrossTheSpringChangeTheWorkingTimeIsUnchanged() {
            // Clocks go forward on Sunday 29 March 2026: Friday 16:00 CET + 2 working hours is Monday 10:00 CEST.
            Instant friday = berlin("2026-03-27T16:00");
            Instant monday = office.addWorkingTime(friday, hours(2));
            assertThat(monday).isEqualTo(berlin("2026-03-30T10:00"));
            assertThat(monday).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
            assertThat(Duration.between(friday, monday)).as("one hour less on the wall").isEqualTo(hours(65));
        }

        @Test
        void acrossTheAutumnChangeTheWorkingTimeIsUnchanged() {
            // Clocks go back on Sunday 25 October 2026.
            Instant friday = berlin("2026-10-23T16:00");
            Instant monday = office.addWorkingTime(friday, hours(2));
            assertThat(monday).isEqualTo(berlin("2026-10-26T10:00"));
            assertThat(Duration.between(friday, monday)).as("one hour more on the wall").isEqualTo(hours(67));
        }

        @Test
        void roundTheClockWorkingTimeCountsTheHoursThatReallyPass() {
            BusinessCalendar always = Calendars.berlinAroundTheClock();
            assertThat(always.workingTimeBetween(berlin("2026-03-28T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(hours(47));
            assertThat(always.workingTimeBetween(berlin("2026-10-24T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(hours(49));
            assertThat(always.addWorkingTime(berlin("2026-03-29T01:30"), hours(1)))
                    .as("01:30 CET + 1 h is 03:30 CEST").isEqualTo(berlin("2026-03-29T03:30"));
        }
    }

    @Nested
    class IntervalsOfADate {
        @Test
        void theWorkingPeriodsOfADateAreItsIntervals() {
            assertThat(CN.intervalsOf(LocalDate.parse("2026-11-25"))).containsExactly(
                    new BusinessCalendar.Interval(cn("2026-11-25T08:30"), cn("2026-11-25T12:00")),
                    new BusinessCalendar.Interval(cn("2026-11-25T13:30"), cn("2026-11-25T17:30")));
            assertThat(CN.intervalsOf(LocalDate.parse("2026-11-28"))).as("a Saturday").isEmpty();
        }

        @Test
        void theIntervalsOfADateAreComputedOnceAndKept() {
            BusinessCalendar calendar = Calendars.berlin();
            LocalDate date = LocalDate.parse("2026-11-25");

            List<BusinessCalendar.Interval> first = calendar.intervalsOf(date);

            assertThat(calendar.intervalsOf(date)).isSameAs(first);
        }

        @Test
        void theIntervalsOfAtMostTwentyThousandDatesAreKept() {
            BusinessCalendar calendar = Calendars.berlinAroundTheClock();
            LocalDate first = LocalDate.parse("2000-01-01");
            List<BusinessCalendar.Interval> kept = calendar.intervalsOf(first);
            for (int i = 1; i < 20_000; i++) {
                calendar.intervalsOf(first.plusDays(i));
            }
            LocalDate oneMore = first.plusDays(20_000);

            List<BusinessCalendar.Interval> computed = calendar.intervalsOf(oneMore);

            assertThat(calendar.intervalsOf(oneMore)).isEqualTo(computed).isNotSameAs(computed);
            assertThat(calendar.intervalsOf(first)).isSameAs(kept);
        }
    }

    /**
     * A calendar whose only working time is a few make-up days shows how far each computation looks
     * for working time (3,660 days, ten years) before it gives up.
     */
    @Nested
    class TheSearchForWorkingTimeEnds {
        private final Instant start = cn("2026-01-01T10:00");
        private final LocalDate startDate = LocalDate.parse("2026-01-01");

        @Test
        void addingWorkingTimeLooksUntilTheDay3658AfterTheStartThenGivesUp() {
            LocalDate lastSearched = startDate.plusDays(3658);

            assertThat(workingOnlyOn(lastSearched).addWorkingTime(start, hours(1)))
                    .isEqualTo(cn(lastSearched + "T10:00"));
            assertThatThrownBy(() -> workingOnlyOn(lastSearched.plusDays(1)).addWorkingTime(start, hours(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no working time within 3660 days");
        }

        @Test
        void theEndOfTheWorkingDayIsLookedForUntilTheDay3659AfterThenGivesUp() {
            LocalDate lastSearched = startDate.plusDays(3659);

            assertThat(workingOnlyOn(lastSearched).endOfWorkingDay(start)).isEqualTo(cn(lastSearched + "T17:00"));
            assertThatThrownBy(() -> workingOnlyOn(lastSearched.plusDays(1)).endOfWorkingDay(start))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no working day within 3660 days");
        }

        @Test
        void theNextWorkingDayIsLookedForUntilTheDay3661AfterThenGivesUp() {
            LocalDate lastSearched = startDate.plusDays(3661);

            assertThat(workingOnlyOn(startDate, lastSearched).addWorkingDays(start, 1))
                    .isEqualTo(cn(lastSearched + "T10:00"));
            assertThatThrownBy(() -> workingOnlyOn(startDate, lastSearched.plusDays(1)).addWorkingDays(start, 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not 1 working days within 3660 days");
        }
    }

    @Nested
    class WorkingHours {
        @Test
        void periodsAreReadAsMinutesAfterLocalMidnight() {
            assertThat(WorkingPeriod.parseAll("8:30-12:15, 13:45-24:00"))
                    .containsExactly(new WorkingPeriod(510, 735), new WorkingPeriod(825, 1440));
        }

        @Test
        void noneOrNothingMeansNoWorkingTime() {
            assertThat(WorkingPeriod.parseAll("none")).isEmpty();
            assertThat(WorkingPeriod.parseAll(" ")).isEmpty();
            assertThat(WorkingPeriod.parseAll(null)).isEmpty();
        }

        @Test
        void aPeriodMayStartWhereThePreviousOneEnds() {
            assertThat(WorkingPeriod.parseAll("08:00-12:00,12:00-17:00"))
                    .containsExactly(new WorkingPeriod(480, 720), new WorkingPeriod(720, 1020));
        }

        @Test
        void aPeriodLastsAtLeastAMinuteWithinOneDay() {
            assertThat(new WorkingPeriod(0, 1440).startMinute()).as("the whole day").isZero();
            assertThat(new WorkingPeriod(600, 601).endMinute()).as("one minute").isEqualTo(601);

            assertThatThrownBy(() -> new WorkingPeriod(600, 600)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new WorkingPeriod(-1, 600)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new WorkingPeriod(600, 1441)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aPeriodIsShownAsItIsWritten() {
            assertThat(WorkingPeriod.parseAll("08:30-17:45").get(0)).hasToString("08:30-17:45");
            assertThatThrownBy(() -> WorkingPeriod.parseAll("17:45-08:30"))
                    .hasMessage("a working period runs forward within one day, got 17:45-08:30");
        }
    }

    @Nested
    class HolidayNotices {
        @Test
        void aNoticeListsTheHolidaysAndMakeUpWorkingDaysOfItsYear() {
            HolidayNotice notice = HolidayNotice.parse("""
                    year = 2027
                    holidays = 2027-10-01, 2027-10-02,2027-10-03
                    make-up-workdays = 2027-09-26
                    """, "cn-2027.txt");

            assertThat(notice.year()).isEqualTo(2027);
            assertThat(notice.holidays()).containsExactly(LocalDate.parse("2027-10-01"), LocalDate.parse("2027-10-02"),
                    LocalDate.parse("2027-10-03"));
            assertThat(notice.makeUpWorkdays()).containsExactly(LocalDate.parse("2027-09-26"));
        }

        @Test
        void aListLeftEmptyOrOutMeansNoSuchDays() {
            HolidayNotice notice = HolidayNotice.parse("year=2027\nholidays=\n", "cn-2027.txt");

            assertThat(notice.holidays()).isEmpty();
            assertThat(notice.makeUpWorkdays()).isEmpty();
        }

        @Test
        void aDateOfAnotherYearIsRefusedNamingTheFile() {
            assertThatThrownBy(() -> HolidayNotice.parse("year=2027\nholidays=2027-10-01,2028-01-01\n", "cn-2027.txt"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cn-2027.txt: 2028-01-01 is not in 2027");
            assertThatThrownBy(() -> HolidayNotice.parse("year=2027\nmake-up-workdays=2026-12-27\n", "cn-2027.txt"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cn-2027.txt: 2026-12-27 is not in 2027");
        }

        @Test
        void aMissingYearOrSomethingThatIsNotADateIsRefusedNamingTheFile() {
            assertThatThrownBy(() -> HolidayNotice.parse("holidays=2027-10-01\n", "cn-2027.txt"))
                    .hasMessage("cn-2027.txt: 'year' is missing");
            assertThatThrownBy(() -> HolidayNotice.parse("year=2027\nholidays=2027-10-01, 1 Oct\n", "cn-2027.txt"))
                    .hasMessage("cn-2027.txt: '1 Oct' is not a date (yyyy-MM-dd)");
        }
    }

    /** A calendar in Shanghai whose only working time is 09:00–17:00 on the given make-up days. */
    private static BusinessCalendar workingOnlyOn(LocalDate... days) {
        return new BusinessCalendar(SHANGHAI, new EnumMap<>(DayOfWeek.class), WorkingPeriod.parseAll("09:00-17:00"),
                Set.of(), Set.of(days));
    }
}
