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
                false, CustomerObligations.NONE);
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
                        0, true, CustomerObligations.NONE),
                // redispatched: two judged returns (one late), a warning and a breach, failed then passed
                new KpiCase("B", "NETWORK", "ONLINE", "R1", "net", T, T.plus(Duration.ofHours(9)), 2, 1, 1, 2, 1, 1,
                        1, false, CustomerObligations.NONE),
                // open, breached and never returned
                new KpiCase("C", "NETWORK", "HOTLINE", "R2", "net", T, null, 1, 1, 1, 1, 0, 0, 0, false, CustomerObligations.NONE),
                // closed after 2 h without a deadline announced
                new KpiCase("D", "NETWORK", "HOTLINE", "R1", "net", T, T.plus(Duration.ofHours(2)), 1, 0, 0, 0, 0, 1,
                        0, false, CustomerObligations.NONE));

        Kpis.Figures f = Kpis.of("NETWORK", cases, Kpis.Subscribers.NONE);

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
                0, 0, 0, false, CustomerObligations.NONE)), Kpis.Subscribers.NONE);
        assertThat(f.meanHandlingTime()).isNull();
        assertThat(f.p90HandlingTime()).isNull();
        assertThat(f.onTimeReturnRate()).isNull();
        assertThat(f.satisfactionRate()).isNull();
        assertThat(f.redispatchRate()).isEqualTo(0.0);
        assertThat(f.replyRate()).isNull();
        assertThat(f.contactTimeliness()).isNull();
        assertThat(f.complaintsPer10k()).isNull();
        assertThat(f.belowTarget()).isEmpty();
    }

    @Test
    void groupsAreOrderedAndUndispatchedComplaintsHaveTheirOwnDepartmentGroup() {
        List<KpiCase> cases = List.of(closedAfter("SERVICE", "desk", Duration.ofHours(1)),
                closedAfter("BUSINESS", "billing", Duration.ofHours(2)),
                closedAfter("NETWORK", null, Duration.ofHours(3)),
                closedAfter("BUSINESS", "billing", Duration.ofHours(4)));

        assertThat(Kpis.byGroup(cases, GroupBy.CATEGORY, Kpis.Subscribers.NONE)).extracting(Kpis.Figures::group, Kpis.Figures::volume)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BUSINESS", 2L),
                        org.assertj.core.groups.Tuple.tuple("NETWORK", 1L),
                        org.assertj.core.groups.Tuple.tuple("SERVICE", 1L));
        assertThat(Kpis.byGroup(cases, GroupBy.DEPARTMENT, Kpis.Subscribers.NONE)).extracting(Kpis.Figures::group)
                .containsExactly("UNDISPATCHED", "billing", "desk");
        assertThat(Kpis.byGroup(List.of(), GroupBy.REGION, Kpis.Subscribers.NONE)).isEmpty();
    }

    @Test
    void groupByReadsAnyCase() {
        assertThat(GroupBy.parse("department")).contains(GroupBy.DEPARTMENT);
        assertThat(GroupBy.parse("Category")).contains(GroupBy.CATEGORY);
        assertThat(GroupBy.parse("colour")).isEmpty();
    }

    private static KpiCase owed(String id, String region, CustomerObligations owed) {
        return new KpiCase(id, "NETWORK", "HOTLINE", region, "net", T, null, 1, 0, 0, 0, 0, 0, 0, false, owed);
    }

    /**
     * A hand-computed fixture of what customers were owed: five complaints, of which
     * A reached and answered on time with two progress runs met, B reached late and answered late (ANSWER
     * breached) with one run breached, C reached on time and not answered yet (ANSWER not due), D never
     * reached (CONTACT and ANSWER breached, a run breached, nothing answered), E closed with everything
     * on time and no progress owed.
     */
    @Test
    void whatTheCustomerIsOwedIsJudgedAgainstTheTargetsOfTheSeeds() {
        List<KpiCase> cases = List.of(
                owed("A", "R1", new CustomerObligations(1, 1, 1, 1, 1, 1, 2, 2)),
                owed("B", "R1", new CustomerObligations(1, 0, 1, 0, 1, 1, 1, 0)),
                owed("C", "R2", new CustomerObligations(1, 1, 0, 0, 0, 0, 0, 0)),
                owed("D", "R2", new CustomerObligations(1, 0, 1, 0, 1, 0, 1, 0)),
                owed("E", "R3", new CustomerObligations(1, 1, 1, 1, 1, 1, 0, 0)));
        Kpis.Subscribers subscribers = new Kpis.Subscribers(java.util.Map.of("R1", 10_000L, "R2", 30_000L));

        Kpis.Figures f = Kpis.of("ALL", cases, subscribers);

        assertThat(f.repliesDue()).isEqualTo(4);
        assertThat(f.replied()).isEqualTo(3);
        assertThat(f.replyRate()).isEqualTo(0.75);
        assertThat(f.contactsJudged()).isEqualTo(5);
        assertThat(f.contactsOnTime()).isEqualTo(3);
        assertThat(f.contactTimeliness()).isEqualTo(0.6);
        assertThat(f.answersJudged()).isEqualTo(4);
        assertThat(f.answerTimeliness()).isEqualTo(0.5);
        assertThat(f.progressJudged()).isEqualTo(4);
        assertThat(f.progressCompliance()).isEqualTo(0.5);
        // R3 has no subscriber figure: 4 complaints of R1 and R2 over their 40,000 subscribers.
        assertThat(f.subscribers()).isEqualTo(40_000L);
        assertThat(f.complaintsPer10k()).isEqualTo(1.0);
        assertThat(f.belowTarget()).containsExactly("replyRate", "contactTimeliness", "answerTimeliness",
                "progressCompliance");

        List<Kpis.Figures> byRegion = Kpis.byGroup(cases, GroupBy.REGION, subscribers);
        assertThat(byRegion).extracting(Kpis.Figures::group, Kpis.Figures::complaintsPer10k)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R1", 2.0),
                        org.assertj.core.groups.Tuple.tuple("R2", 2.0 / 3),
                        org.assertj.core.groups.Tuple.tuple("R3", null));
        assertThat(byRegion.get(2).belowTarget()).isEmpty();
    }

    @Test
    void fivePerTenThousandMissesTheTargetAndAPerfectCentreMissesNothing() {
        List<KpiCase> perfect = List.of(owed("A", "R1", new CustomerObligations(1, 1, 1, 1, 1, 1, 1, 1)));

        assertThat(Kpis.of("ALL", perfect, new Kpis.Subscribers(java.util.Map.of("R1", 2_000L))).belowTarget())
                .containsExactly("complaintsPer10k");
        assertThat(Kpis.of("ALL", perfect, new Kpis.Subscribers(java.util.Map.of("R1", 2_001L))).belowTarget())
                .isEmpty();
        assertThat(Kpis.Target.COMPLAINTS_PER_10K.rule()).isEqualTo("< 5.0");
        assertThat(Kpis.Target.REPLY_RATE.rule()).isEqualTo(">= 1.0");
    }
}
