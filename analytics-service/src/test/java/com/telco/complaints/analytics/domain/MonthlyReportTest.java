package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class MonthlyReportTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessMonth NOVEMBER = new BusinessMonth(YearMonth.of(2026, 11), SHANGHAI);
    private static final Instant T = Instant.parse("2026-11-10T02:00:00Z");

    /** A complaint of the month with its judged return, survey and customer figures as given. */
    private static KpiCase complaint(String category, String channel, String department, int breaches,
                                     int returnsOnTime, int surveysPassed, CustomerObligations owed, boolean recurrence) {
        return new KpiCase("C", category, channel, "TZ-HL", department, T, null, 1, 0, breaches, 1, returnsOnTime,
                surveysPassed, 1 - surveysPassed, recurrence, false, owed, WorkOrderCounts.NONE);
    }

    private static KpiCase registered(String category, String channel, String department) {
        return complaint(category, channel, department, 0, 0, 0, CustomerObligations.NONE, false);
    }

    private static MonthlyReport report(List<KpiCase> month, List<KpiCase> previous, List<Hotspots.Hotspot> hotspots) {
        return MonthlyReport.of(NOVEMBER, month, previous, Kpis.Subscribers.NONE, hotspots, List.of(),
                MonthlyReport.BillingDisputes.NONE);
    }

    @Test
    void aMonthRunsFromItsFirstBusinessDayToTheNextMonthsInTheBusinessZone() {
        assertThat(NOVEMBER.start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(NOVEMBER.end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(NOVEMBER.previous().start()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(NOVEMBER.previous().end()).isEqualTo(NOVEMBER.start());
        assertThat(NOVEMBER.length()).isEqualTo(Duration.ofDays(30));
        assertThat(new BusinessMonth(YearMonth.of(2027, 1), SHANGHAI).previous().month()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void aMonthWithADaylightSavingChangeIsAnHourLongerOrShorter() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessMonth october = new BusinessMonth(YearMonth.of(2026, 10), berlin);
        assertThat(october.start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(october.end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(october.length()).isEqualTo(Duration.ofDays(31).plusHours(1));
        assertThat(new BusinessMonth(YearMonth.of(2026, 3), berlin).length()).isEqualTo(Duration.ofDays(31).minusHours(1));
    }

    @Test
    void volumesStandAgainstThePreviousMonthInEveryGroupOfEitherMonth() {
        MonthlyReport report = report(
                List.of(registered("NETWORK", "HOTLINE", "net"), registered("NETWORK", "HOTLINE", "net"),
                        registered("NETWORK", "ONLINE", null), registered("SERVICE", "HOTLINE", "desk")),
                List.of(registered("NETWORK", "HOTLINE", "net"), registered("BUSINESS", "HOTLINE", "bill")),
                List.of());

        assertThat(report.volumes().total()).isEqualTo(new MonthlyReport.VolumeChange("ALL", 4, 2, 2, 1.0));
        assertThat(report.volumes().byCategory()).extracting("group", "count", "previous", "change", "changeRate")
                .containsExactly(tuple("BUSINESS", 0L, 1L, -1L, -1.0), tuple("NETWORK", 3L, 1L, 2L, 2.0),
                        tuple("SERVICE", 1L, 0L, 1L, null));
        assertThat(report.volumes().byChannel()).extracting("group", "count", "previous")
                .containsExactly(tuple("HOTLINE", 3L, 2L), tuple("ONLINE", 1L, 0L));
        assertThat(report.volumes().byDepartment()).extracting("group", "count", "previous")
                .containsExactly(tuple(KpiCase.UNDISPATCHED, 1L, 0L), tuple("bill", 0L, 1L), tuple("desk", 1L, 0L),
                        tuple("net", 2L, 1L));
        assertThat(report.volumes().byRegion()).extracting("group", "count", "previous", "changeRate")
                .containsExactly(tuple("TZ-HL", 4L, 2L, 1.0));
        assertThat(report.from()).isEqualTo(NOVEMBER.start());
        assertThat(report.to()).isEqualTo(NOVEMBER.end());
        assertThat(report.previousFrom()).isEqualTo(NOVEMBER.previous().start());
        assertThat(report.month()).isEqualTo("2026-11");
        assertThat(report.zone()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void ratesAreJudgedByTheSeedsTargetsWhereTheSeedsSetOne() {
        CustomerObligations answeredLate = new CustomerObligations(1, 1, 1, 0, 1, 1, 0, 0);
        CustomerObligations neverAnswered = new CustomerObligations(1, 1, 1, 0, 1, 0, 0, 0);
        MonthlyReport report = report(
                List.of(complaint("NETWORK", "HOTLINE", "net", 0, 1, 1, answeredLate, false),
                        complaint("NETWORK", "HOTLINE", "net", 0, 1, 1, neverAnswered, true),
                        complaint("NETWORK", "HOTLINE", "net", 0, 0, 0, CustomerObligations.NONE, false),
                        complaint("NETWORK", "HOTLINE", "net", 0, 1, 1, CustomerObligations.NONE, false)),
                List.of(complaint("NETWORK", "HOTLINE", "net", 0, 1, 1, answeredLate, false)),
                List.of());

        assertThat(report.rates()).extracting("figure", "value", "previous", "target", "met").containsExactly(
                tuple("onTimeReturnRate", 0.75, 1.0, null, null),
                tuple("satisfactionRate", 0.75, 1.0, null, null),
                tuple("replyRate", 0.5, 1.0, ">= 1.0", false),
                tuple("contactTimeliness", 1.0, 1.0, ">= 0.9", true),
                tuple("answerTimeliness", 0.0, 0.0, ">= 0.9", false),
                tuple("progressCompliance", null, null, ">= 0.9", null),
                tuple("recurrenceRate", 0.25, 0.0, null, null),
                tuple("complaintsPer10k", null, null, "< 5.0", null));
    }

    @Test
    void breachesArePerDepartmentMostFirst() {
        MonthlyReport report = report(List.of(complaint("NETWORK", "HOTLINE", "net", 1, 0, 0, CustomerObligations.NONE, false),
                        complaint("BUSINESS", "HOTLINE", "bill", 2, 0, 0, CustomerObligations.NONE, false),
                        complaint("BUSINESS", "HOTLINE", "bill", 1, 0, 0, CustomerObligations.NONE, false),
                        registered("SERVICE", "HOTLINE", "desk")),
                List.of(), List.of());

        assertThat(report.breachesByDepartment()).extracting("department", "breaches")
                .containsExactly(tuple("bill", 3L), tuple("net", 1L), tuple("desk", 0L));
    }

    @Test
    void aMonthsHotspotsStandAgainstThePreviousMonthAndTheFirstTenAreListed() {
        Hotspots.Rule configured = new Hotspots.Rule(5, 3.0, Duration.ofDays(7));
        Hotspots.Rule monthly = MonthlyReport.hotspotRule(configured, NOVEMBER);
        assertThat(monthly).isEqualTo(new Hotspots.Rule(5, 3.0, Duration.ofDays(31)));
        assertThat(MonthlyReport.hotspotPeriods(NOVEMBER)).isEqualTo(new Hotspots.Periods(
                Instant.parse("2026-09-30T16:00:00Z"), Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z")));

        // 31 in October's 31 days is 30 in November's 30: 91 is above three times that, 89 is not.
        List<Hotspots.Hotspot> found = Hotspots.detect(List.of(
                new Hotspots.PairCount("TZ-HL", "NETWORK", 91, 31, List.of()),
                new Hotspots.PairCount("TZ-JJ", "NETWORK", 89, 31, List.of())), NOVEMBER.length(), monthly);
        assertThat(found).singleElement().satisfies(h -> {
            assertThat(h.region()).isEqualTo("TZ-HL");
            assertThat(h.usual()).isCloseTo(30.0, within(1e-9));
            assertThat(h.ratio()).isCloseTo(91 / 30.0, within(1e-9));
        });

        List<Hotspots.Hotspot> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new Hotspots.Hotspot("R" + i, "NETWORK", 5, 0, null, List.of()));
        }
        assertThat(report(List.of(), List.of(), many).hotspots()).hasSize(MonthlyReport.TOP_HOTSPOTS);
    }

    @Test
    void incidentsAndBillingDisputesHaveTheirPlaceEvenWhenNoneWereRecorded() {
        MonthlyReport report = report(List.of(), List.of(), List.of());

        assertThat(report.incidents()).isEmpty();
        assertThat(report.billingDisputes()).isEqualTo(MonthlyReport.BillingDisputes.NONE);
        assertThat(report.volumes().total()).isEqualTo(new MonthlyReport.VolumeChange("ALL", 0, 0, 0, null));
        assertThat(report.rates()).allSatisfy(r -> assertThat(r.met()).isNull());
    }
}
