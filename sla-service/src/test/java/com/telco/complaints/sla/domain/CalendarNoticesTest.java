package com.telco.complaints.sla.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the calendar does not know (a year without a notice is UNCONFIRMED, guessed from the working week), how
 * far ahead it is confirmed, a notice loaded or corrected at run time, and the rules a notice must keep.
 */
class CalendarNoticesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The shipped calendar: notices of 2025 and 2026. */
    private static final BusinessCalendar CHINA = Calendars.china();

    /** An example notice of 2027 for the tests (not the official one): the Spring Festival week, one make-up day. */
    private static final HolidayNotice EXAMPLE_2027 = new HolidayNotice(2027,
            List.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-08"), LocalDate.parse("2027-02-09"),
                    LocalDate.parse("2027-02-10"), LocalDate.parse("2027-02-11"), LocalDate.parse("2027-02-12")),
            List.of(LocalDate.parse("2027-02-06")));

    private static LocalDate today(Clock clock) {
        return clock.instant().atZone(SHANGHAI).toLocalDate();
    }

    @Nested
    class UnconfirmedDays {
        @Test
        void aYearWithoutANoticeIsGuessedFromTheWorkingWeekAndNotConfirmed() {
            LocalDate springFestivalMonday = LocalDate.parse("2027-02-08");

            assertThat(CHINA.isConfirmed(LocalDate.parse("2026-10-01"))).isTrue();
            assertThat(CHINA.isConfirmed(springFestivalMonday)).isFalse();
            assertThat(CHINA.kindOf(springFestivalMonday)).isEqualTo(DayKind.WORKDAY);
            assertThat(CHINA.guessOf(springFestivalMonday)).isEqualTo(DayKind.WORKDAY);
            assertThat(CHINA.guessOf(LocalDate.parse("2027-02-06"))).isEqualTo(DayKind.WEEKEND);
            assertThat(CHINA.guessOf(LocalDate.parse("2026-10-01"))).as("a guess ignores the notice")
                    .isEqualTo(DayKind.WORKDAY);
        }

        @Test
        void onTheLastDayOfNovemberWithoutNextYearsNoticeOnlyDecemberIsConfirmed() {
            Clock clock = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), SHANGHAI);

            assertThat(CHINA.daysConfirmedAfter(today(clock))).isEqualTo(31);
            assertThat(CHINA.withNotice(EXAMPLE_2027).daysConfirmedAfter(today(clock))).isEqualTo(31 + 365);
            assertThat(CHINA.daysConfirmedAfter(LocalDate.parse("2026-12-31"))).isZero();
            assertThat(CHINA.daysConfirmedAfter(LocalDate.parse("2027-01-01"))).as("no notice of today's year").isZero();
            assertThat(CHINA.daysConfirmedAfter(LocalDate.parse("2025-03-01")))
                    .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2025-03-01"),
                            LocalDate.parse("2026-12-31")));
        }

        @Test
        void aWorkingTimeRunIsConfirmedOnlyWhenEveryYearItCrossesHasANotice() {
            Instant december = Instant.parse("2026-12-30T02:00:00Z");
            Instant january = Instant.parse("2027-01-04T02:00:00Z");

            assertThat(CHINA.isConfirmedBetween(december, december.plus(Duration.ofHours(20)))).isTrue();
            assertThat(CHINA.isConfirmedBetween(december, january)).isFalse();
            assertThat(CHINA.withNotice(EXAMPLE_2027).isConfirmedBetween(december, january)).isTrue();
            assertThat(Calendars.berlin().isConfirmedBetween(december, december)).as("no notices at all").isFalse();
        }
    }

    @Nested
    class LoadingANotice {
        @Test
        void aLoadedNoticeMakesItsHolidaysAndMakeUpDaysCountAndMovesADeadline() {
            BusinessCalendar with2027 = CHINA.withNotice(EXAMPLE_2027);
            Instant fridayBefore = LocalDate.parse("2027-02-05").atTime(16, 0).atZone(SHANGHAI).toInstant();

            assertThat(with2027.kindOf(LocalDate.parse("2027-02-08"))).isEqualTo(DayKind.HOLIDAY);
            assertThat(with2027.kindOf(LocalDate.parse("2027-02-06"))).isEqualTo(DayKind.MAKE_UP_WORKDAY);
            // Eight working hours from Friday 16:00 (1.5 h that day): by the guess, Monday 16:30 (3.5 h in the
            // morning, 3 h after lunch); with the notice the Saturday make-up day counts, so Saturday 16:30, and
            // 16 hours (7 h after Saturday) reach past the holiday week to Monday the 15th, 17:00.
            assertThat(CHINA.addWorkingTime(fridayBefore, Duration.ofHours(8)))
                    .isEqualTo(LocalDate.parse("2027-02-08").atTime(16, 30).atZone(SHANGHAI).toInstant());
            assertThat(with2027.addWorkingTime(fridayBefore, Duration.ofHours(8)))
                    .isEqualTo(LocalDate.parse("2027-02-06").atTime(16, 30).atZone(SHANGHAI).toInstant());
            assertThat(with2027.addWorkingTime(fridayBefore, Duration.ofHours(16)))
                    .isEqualTo(LocalDate.parse("2027-02-15").atTime(17, 0).atZone(SHANGHAI).toInstant());
            assertThat(CHINA.isConfirmed(LocalDate.parse("2027-02-08"))).as("the calendar it came from is unchanged")
                    .isFalse();
        }

        @Test
        void aCorrectedNoticeReplacesTheYearsNoticeWholly() {
            HolidayNotice corrected = new HolidayNotice(2027, List.of(LocalDate.parse("2027-01-01")), List.of());

            BusinessCalendar calendar = CHINA.withNotice(EXAMPLE_2027).withNotice(corrected);

            assertThat(calendar.notice(2027)).contains(corrected);
            assertThat(calendar.kindOf(LocalDate.parse("2027-02-08"))).isEqualTo(DayKind.WORKDAY);
            assertThat(calendar.kindOf(LocalDate.parse("2027-02-06"))).isEqualTo(DayKind.WEEKEND);
            assertThat(calendar.isConfirmed(LocalDate.parse("2027-02-08"))).isTrue();
            assertThat(calendar.notices().keySet()).containsExactly(2025, 2026, 2027);
        }
    }

    @Nested
    class ValidationRules {
        @Test
        void theExampleNoticeHasNoProblem() {
            assertThat(EXAMPLE_2027.problems(CHINA)).isEmpty();
        }

        @Test
        void aDateOutsideTheYearIsNamedInItsField() {
            HolidayNotice notice = new HolidayNotice(2027, List.of(LocalDate.parse("2027-01-01"),
                    LocalDate.parse("2028-01-01")), List.of(LocalDate.parse("2026-12-27")));

            assertThat(notice.problems(CHINA)).extracting(HolidayNotice.Problem::field, HolidayNotice.Problem::message)
                    .containsExactly(tuple("holidays", "2028-01-01 is not in 2027"),
                            tuple("makeUpWorkdays", "2026-12-27 is not in 2027"));
        }

        @Test
        void aDayIsEitherAHolidayOrAMakeUpWorkingDay() {
            HolidayNotice notice = new HolidayNotice(2027, List.of(LocalDate.parse("2027-02-06")),
                    List.of(LocalDate.parse("2027-02-06")));

            assertThat(notice.problems(CHINA)).extracting(HolidayNotice.Problem::message)
                    .containsExactly("2027-02-06 is also a holiday: a day is one or the other");
        }

        @Test
        void aMakeUpWorkingDayIsAWeekendDayOfTheWorkingWeek() {
            HolidayNotice notice = new HolidayNotice(2027, List.of(LocalDate.parse("2027-01-01")),
                    List.of(LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-14")));

            assertThat(notice.problems(CHINA)).extracting(HolidayNotice.Problem::field, HolidayNotice.Problem::message)
                    .containsExactly(tuple("makeUpWorkdays", "2027-02-15 is a MONDAY, a working day already: a "
                            + "make-up working day is a weekend day worked instead"));
            // A week that works on Saturdays has only Sunday to make up.
            assertThat(notice.problems(Calendars.berlinAroundTheClock())).hasSize(2);
        }

        @Test
        void aNoticeReadBackFromTheLogIsHeldOnlyToWhatAnyWorkingWeekNeeds() {
            HolidayNotice madeUpMonday = new HolidayNotice(2027, List.of(LocalDate.parse("2027-01-01")),
                    List.of(LocalDate.parse("2027-02-15")));
            HolidayNotice both = new HolidayNotice(2027, List.of(LocalDate.parse("2027-02-06")),
                    List.of(LocalDate.parse("2027-02-06")));

            assertThat(madeUpMonday.problems(CHINA)).hasSize(1);
            assertThat(madeUpMonday.structuralProblems()).isEmpty();
            assertThat(both.structuralProblems()).extracting(HolidayNotice.Problem::field)
                    .containsExactly("makeUpWorkdays");
            assertThat(new HolidayNotice(2027, List.of(LocalDate.parse("2028-01-01")), List.of())
                    .structuralProblems()).hasSize(1);
        }

        @Test
        void aNoticeWithoutHolidaysIsRefused() {
            assertThat(new HolidayNotice(2027, Set.of(), Set.of()).problems(CHINA))
                    .extracting(HolidayNotice.Problem::field).containsExactly("holidays");
        }

        @Test
        void theTextFormListsEveryProblemItCannotRead() {
            List<HolidayNotice.Problem> problems = new ArrayList<>();

            HolidayNotice read = HolidayNotice.read("year=2027\nholidays=2027-01-01, 1 Feb\nmake-up-workdays=x\n",
                    problems);

            assertThat(read.holidays()).containsExactly(LocalDate.parse("2027-01-01"));
            assertThat(problems).extracting(HolidayNotice.Problem::field, HolidayNotice.Problem::message)
                    .containsExactly(tuple("holidays", "'1 Feb' is not a date (yyyy-MM-dd)"),
                            tuple("makeUpWorkdays", "'x' is not a date (yyyy-MM-dd)"));
            assertThat(HolidayNotice.read("holidays=2027-01-01", problems)).isNull();
            List<HolidayNotice.Problem> typo = new ArrayList<>();
            HolidayNotice.read("year=2027\nholidays=2027-01-01\nmake-up-workday=2027-02-06\n", typo);
            assertThat(typo).extracting(HolidayNotice.Problem::message).containsExactly(
                    "'make-up-workday' is not a key of a notice (year, holidays, make-up-workdays)");
            assertThat(HolidayNotice.read("year=2027\nholidays=2027-01-01,2027-02-08,2027-02-09,2027-02-10,"
                    + "2027-02-11,2027-02-12\nmake-up-workdays=2027-02-06\n", new ArrayList<>())).isEqualTo(EXAMPLE_2027);
        }

        @Test
        void twoNoticesOfOneYearAreRefusedByTheCalendar() {
            assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, Calendars.weekdays(Calendars.OFFICE_HOURS),
                    List.of(), List.of(EXAMPLE_2027, EXAMPLE_2027)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("two notices of 2027");
        }
    }
}
