package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KpisTest {

    private static final Instant T = Instant.parse("2030-03-01T00:00:00Z");

    private static KpiCase closedAfter(String category, String department, Duration handling) {
        return new KpiCase("C", category, "HOTLINE", "TZ-HL", department, T, T.plus(handling), 1, 0, 0, 0, 0, 0, 0,
                false);
    }

    @Test
    void p90IsTheNearestRankValue() {
        long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Kpis.percentile(ten, 90)).isEqualTo(9);
        assertThat(Kpis.percentile(new long[] {2, 5, 9}, 90)).isEqualTo(9); // rank ceil(2.7) = 3
        assertThat(Kpis.percentile(new long[] {7}, 90)).isEqualTo(7);
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = i + 1;
        }
        assertThat(Kpis.percentile(twenty, 90)).isEqualTo(18);
        long[] eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertThat(Kpis.percentile(eleven, 90)).isEqualTo(10); // rank ceil(9.9) = 10
        assertThat(Kpis.percentile(eleven, 100)).isEqualTo(11);
    }

    @Test
    void aPercentileOrMeanOfNothingIsRefused() {
        assertThatThrownBy(() -> Kpis.percentile(new long[0], 90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kpis.mean(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMeanIsRoundedToTheNearestUnit() {
        assertThat(Kpis.mean(new long[] {1, 2})).isEqualTo(2);
        assertThat(Kpis.mean(new long[] {1, 1, 2})).isEqualTo(1);
        assertThat(Kpis.mean(new long[] {5, 9, 2})).isEqualTo(5);
    }

    @Test
    void ratesAreNullWithoutADenominator() {
        assertThat(Kpis.rate(0, 0)).isNull();
        assertThat(Kpis.rate(1, 4)).isEqualTo(0.25);
    }

    @Test
    void figuresAddUpOverAGroup() {
        List<KpiCase> cases = List.of(
                // closed after 5 h, returned on time, one survey passed, a recurrence
                new KpiCase("A", "NETWORK", "HOTLINE", "R1", "net", T, T.plus(Duration.ofHours(5)), 1, 0, 0, 1, 1, 1,
                        0, true),
                // redispatched: two judged returns (one late), a warning and a breach, failed then passed
                new KpiCase("B", "NETWORK", "ONLINE", "R1", "net", T, T.plus(Duration.ofHours(9)), 2, 1, 1, 2, 1, 1,
                        1, false),
                // open, breached and never returned
                new KpiCase("C", "NETWORK", "HOTLINE", "R2", "net", T, null, 1, 1, 1, 1, 0, 0, 0, false),
                // closed after 2 h without a deadline announced
                new KpiCase("D", "NETWORK", "HOTLINE", "R1", "net", T, T.plus(Duration.ofHours(2)), 1, 0, 0, 0, 0, 1,
                        0, false));

        Kpis.Figures f = Kpis.of("NETWORK", cases);

        assertThat(f.volume()).isEqualTo(4);
        assertThat(f.closed()).isEqualTo(3);
        assertThat(f.returnsJudged()).isEqualTo(4);
        assertThat(f.returnsOnTime()).isEqualTo(2);
        assertThat(f.onTimeReturnRate()).isEqualTo(0.5);
        assertThat(f.warnings()).isEqualTo(2);
        assertThat(f.breaches()).isEqualTo(2);
        assertThat(f.meanHandlingTime()).isEqualTo(Duration.ofMinutes(320)); // (5 + 9 + 2) / 3 h
        assertThat(f.p90HandlingTime()).isEqualTo(Duration.ofHours(9));
        assertThat(f.surveysAnswered()).isEqualTo(4);
        assertThat(f.surveysPassed()).isEqualTo(3);
        assertThat(f.satisfactionRate()).isEqualTo(0.75);
        assertThat(f.redispatched()).isEqualTo(1);
        assertThat(f.redispatchRate()).isEqualTo(0.25);
        assertThat(f.recurrences()).isEqualTo(1);
        assertThat(f.recurrenceRate()).isEqualTo(0.25);
    }

    @Test
    void aGroupWithNothingClosedOrSurveyedHasNullFigures() {
        Kpis.Figures f = Kpis.of("X", List.of(new KpiCase("A", "SERVICE", "EMAIL", "R", null, T, null, 0, 0, 0, 0,
                0, 0, 0, false)));
        assertThat(f.meanHandlingTime()).isNull();
        assertThat(f.p90HandlingTime()).isNull();
        assertThat(f.onTimeReturnRate()).isNull();
        assertThat(f.satisfactionRate()).isNull();
        assertThat(f.redispatchRate()).isEqualTo(0.0);
    }

    @Test
    void groupsAreOrderedAndUndispatchedComplaintsHaveTheirOwnDepartmentGroup() {
        List<KpiCase> cases = List.of(closedAfter("SERVICE", "desk", Duration.ofHours(1)),
                closedAfter("BUSINESS", "billing", Duration.ofHours(2)),
                closedAfter("NETWORK", null, Duration.ofHours(3)),
                closedAfter("BUSINESS", "billing", Duration.ofHours(4)));

        assertThat(Kpis.byGroup(cases, GroupBy.CATEGORY)).extracting(Kpis.Figures::group, Kpis.Figures::volume)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BUSINESS", 2L),
                        org.assertj.core.groups.Tuple.tuple("NETWORK", 1L),
                        org.assertj.core.groups.Tuple.tuple("SERVICE", 1L));
        assertThat(Kpis.byGroup(cases, GroupBy.DEPARTMENT)).extracting(Kpis.Figures::group)
                .containsExactly("UNDISPATCHED", "billing", "desk");
        assertThat(Kpis.byGroup(List.of(), GroupBy.REGION)).isEmpty();
    }

    @Test
    void groupByReadsAnyCase() {
        assertThat(GroupBy.parse("department")).contains(GroupBy.DEPARTMENT);
        assertThat(GroupBy.parse("Category")).contains(GroupBy.CATEGORY);
        assertThat(GroupBy.parse("colour")).isEmpty();
    }
}
