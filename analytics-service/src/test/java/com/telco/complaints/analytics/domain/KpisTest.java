package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.FaultParty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class KpisTest {

    private static final Instant T = Instant.parse("2030-03-01T00:00:00Z");

    private static KpiCase closedAfter(String category, String department, Duration handling) {
        return new KpiCase("C", category, "HOTLINE", "TZ-HL", department, T, T.plus(handling), 1, 0, 0, 0, 0, 0, 0,
                false, false, CustomerObligations.NONE, WorkOrderCounts.NONE);
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
                        0, true, false, CustomerObligations.NONE, WorkOrderCounts.NONE),
                // redispatched: two judged returns (one late), a warning and a breach, failed then passed
                new KpiCase("B", "NETWORK", "ONLINE", "R1", "net", T, T.plus(Duration.ofHours(9)), 2, 1, 1, 2, 1, 1,
                        1, false, false, CustomerObligations.NONE, WorkOrderCounts.NONE),
                // open, breached and never returned
                new KpiCase("C", "NETWORK", "HOTLINE", "R2", "net", T, null, 1, 1, 1, 1, 0, 0, 0, false, false,
                        CustomerObligations.NONE, WorkOrderCounts.NONE),
                // closed after 2 h without a deadline announced
                new KpiCase("D", "NETWORK", "HOTLINE", "R1", "net", T, T.plus(Duration.ofHours(2)), 1, 0, 0, 0, 0, 1,
                        0, false, false, CustomerObligations.NONE, WorkOrderCounts.NONE));

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
        assertThat(f.resolvedAtFirstContact()).isZero();
        assertThat(f.firstContactResolutionRate()).isEqualTo(0.0);
    }

    @Test
    void aGroupWithNothingClosedOrSurveyedHasNullFigures() {
        Kpis.Figures f = Kpis.of("X", List.of(new KpiCase("A", "SERVICE", "EMAIL", "R", null, T, null, 0, 0, 0, 0,
                0, 0, 0, false, false, CustomerObligations.NONE, WorkOrderCounts.NONE)), Kpis.Subscribers.NONE);
        assertThat(f.meanHandlingTime()).isNull();
        assertThat(f.p90HandlingTime()).isNull();
        assertThat(f.onTimeReturnRate()).isNull();
        assertThat(f.satisfactionRate()).isNull();
        assertThat(f.redispatchRate()).isEqualTo(0.0);
        assertThat(f.firstContactResolutionRate()).isEqualTo(0.0);
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
        return new KpiCase(id, "NETWORK", "HOTLINE", region, "net", T, null, 1, 0, 0, 0, 0, 0, 0, false, false, owed,
                WorkOrderCounts.NONE);
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

    /** Met at registration, as CustomerObligations settles a complaint resolved at the first contact. */
    private static final CustomerObligations AT_REGISTRATION = new CustomerObligations(1, 1, 1, 1, 1, 1, 0, 0);

    private static KpiCase kpiCase(String id, String channel, String department, Duration handling, int attempts,
                                   int returnsJudged, int returnsOnTime, int passed, int failed,
                                   boolean resolvedAtFirstContact, CustomerObligations owed) {
        return new KpiCase(id, "NETWORK", channel, "R1", department, T, handling == null ? null : T.plus(handling),
                attempts, 0, 0, returnsJudged, returnsOnTime, passed, failed, false, resolvedAtFirstContact, owed,
                WorkOrderCounts.NONE);
    }

    /**
     * A hand-computed fixture of resolution at the first contact (即时处理), six complaints:
     * <pre>
     *  case chan  at first contact  first dept  work orders                          surveys         closed
     *  F1   HOTL  yes               -           none                                 passed          after 1 h
     *  F2   ONLN  yes               net         its first, after the failed survey;  failed, passed  after 5 h
     *                                           returned on time
     *  F3   HOTL  yes               -           none, survey pending                 -               open
     *  D1   HOTL  no                net         two (redispatched), 1 of 2 on time   passed          after 9 h
     *  D2   ONLN  no                -           none, waiting for dispatch           -               open
     *  D3   HOTL  no                net         one, returned late                   failed          open
     * </pre>
     * F1 F2 F3 were reached and answered at registration (settled and on time); D1 D2 D3 have nothing settled.
     * Total: volume 6; resolved at first contact 3 (F1 F2 F3) → 3/6 = 0.5, whatever F2's survey said.
     * Work orders judged: F2's 1 + D1's 2 + D3's 1 = 4, on time F2 + one of D1 = 2 → 0.5 (F1 and F3 have none).
     * Redispatched: D1 only (F2's work order is its first) → 1/6. Surveys: passed F1 F2 D1 = 3 of 5 → 0.6, the
     * answers given at the first contact counted with the work orders'. Contact and answer: judged 3 (the first
     * contact ones), on time 3 → 1.0; replies due 3, given 3 → 1.0. Handling 1, 5, 9 h → mean 5 h.
     * By department: FIRST_CONTACT F1 F3 → 2/2 = 1.0; UNDISPATCHED D2 → 0.0; net F2 D1 D3 → 1/3.
     * By channel: HOTLINE F1 F3 D1 D3 → 2/4 = 0.5; ONLINE F2 D2 → 1/2 = 0.5. It has no target of the seeds:
     * belowTarget never names it.
     */
    @Test
    void complaintsResolvedAtTheFirstContactAreCountedAgainstEveryComplaintRegistered() {
        List<KpiCase> cases = List.of(
                kpiCase("F1", "HOTLINE", null, Duration.ofHours(1), 0, 0, 0, 1, 0, true, AT_REGISTRATION),
                kpiCase("F2", "ONLINE", "net", Duration.ofHours(5), 1, 1, 1, 1, 1, true, AT_REGISTRATION),
                kpiCase("F3", "HOTLINE", null, null, 0, 0, 0, 0, 0, true, AT_REGISTRATION),
                kpiCase("D1", "HOTLINE", "net", Duration.ofHours(9), 2, 2, 1, 1, 0, false, CustomerObligations.NONE),
                kpiCase("D2", "ONLINE", null, null, 0, 0, 0, 0, 0, false, CustomerObligations.NONE),
                kpiCase("D3", "HOTLINE", "net", null, 1, 1, 0, 0, 1, false, CustomerObligations.NONE));

        Kpis.Figures f = Kpis.of("ALL", cases, Kpis.Subscribers.NONE);

        assertThat(f.volume()).isEqualTo(6);
        assertThat(f.resolvedAtFirstContact()).isEqualTo(3);
        assertThat(f.firstContactResolutionRate()).isEqualTo(0.5);
        assertThat(f.returnsJudged()).isEqualTo(4);
        assertThat(f.returnsOnTime()).isEqualTo(2);
        assertThat(f.onTimeReturnRate()).isEqualTo(0.5);
        assertThat(f.redispatched()).isEqualTo(1);
        assertThat(f.redispatchRate()).isEqualTo(1.0 / 6);
        assertThat(f.surveysAnswered()).isEqualTo(5);
        assertThat(f.satisfactionRate()).isEqualTo(0.6);
        assertThat(f.contactsJudged()).isEqualTo(3);
        assertThat(f.contactTimeliness()).isEqualTo(1.0);
        assertThat(f.answersJudged()).isEqualTo(3);
        assertThat(f.answerTimeliness()).isEqualTo(1.0);
        assertThat(f.repliesDue()).isEqualTo(3);
        assertThat(f.replyRate()).isEqualTo(1.0);
        assertThat(f.meanHandlingTime()).isEqualTo(Duration.ofHours(5));
        assertThat(f.belowTarget()).isEmpty();

        assertThat(Kpis.byGroup(cases, GroupBy.DEPARTMENT, Kpis.Subscribers.NONE))
                .extracting(Kpis.Figures::group, Kpis.Figures::volume, Kpis.Figures::resolvedAtFirstContact,
                        Kpis.Figures::firstContactResolutionRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FIRST_CONTACT", 2L, 2L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("UNDISPATCHED", 1L, 0L, 0.0),
                        org.assertj.core.groups.Tuple.tuple("net", 3L, 1L, 1.0 / 3));
        assertThat(Kpis.byGroup(cases, GroupBy.CHANNEL, Kpis.Subscribers.NONE))
                .extracting(Kpis.Figures::group, Kpis.Figures::volume, Kpis.Figures::firstContactResolutionRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HOTLINE", 4L, 0.5),
                        org.assertj.core.groups.Tuple.tuple("ONLINE", 2L, 0.5));
        assertThat(Kpis.byGroup(cases, GroupBy.CATEGORY, Kpis.Subscribers.NONE))
                .extracting(Kpis.Figures::group, Kpis.Figures::firstContactResolutionRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NETWORK", 0.5));
        assertThat(Kpis.Target.values()).extracting(Kpis.Target::figure)
                .doesNotContain("firstContactResolutionRate");
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

    private static KpiCase ordered(String id, String category, String department, WorkOrderCounts orders) {
        return new KpiCase(id, category, "HOTLINE", "R1", department, T, null, orders.dispatched(), 0, 0, 0, 0, 0, 0,
                false, false, CustomerObligations.NONE, orders);
    }

    /**
     * A: net's work order transferred (to billing), urged and escalated, returned at the department's fault;
     * B: net's, returned finding nobody at fault, redispatched, the second returned at the centre's fault;
     * C: billing's, transferred, open; D: registered only. Grouped by department A and B count under net (where
     * they were dispatched first), whoever holds their work orders now.
     */
    @Test
    void transfersUrgesEscalationsAndFaultsAreCountedPerWorkOrderOfTheGroup() {
        List<KpiCase> cases = List.of(
                ordered("A", "NETWORK", "net", new WorkOrderCounts(1, 1, 1, 1, List.of(FaultParty.DEPARTMENT))),
                ordered("B", "NETWORK", "net", new WorkOrderCounts(2, 0, 0, 0,
                        List.of(FaultParty.NONE, FaultParty.CUSTOMER_SERVICE_CENTRE))),
                ordered("C", "BUSINESS", "billing", new WorkOrderCounts(1, 1, 0, 0, List.of())),
                ordered("D", "BUSINESS", null, WorkOrderCounts.NONE));

        Kpis.Figures all = Kpis.of("ALL", cases, Kpis.Subscribers.NONE);
        assertThat(all.workOrders()).isEqualTo(4);
        assertThat(all.transferred()).isEqualTo(2);
        assertThat(all.misroutingRate()).isEqualTo(0.5);
        assertThat(all.urged()).isEqualTo(1);
        assertThat(all.escalated()).isEqualTo(1);
        assertThat(all.faults()).containsExactly(Map.entry(FaultParty.DEPARTMENT, 1L),
                Map.entry(FaultParty.CUSTOMER_SERVICE_CENTRE, 1L), Map.entry(FaultParty.NONE, 1L));

        assertThat(Kpis.byGroup(cases, GroupBy.DEPARTMENT, Kpis.Subscribers.NONE))
                .extracting(Kpis.Figures::group, Kpis.Figures::workOrders, Kpis.Figures::transferred,
                        Kpis.Figures::misroutingRate, Kpis.Figures::faults)
                .containsExactly(tuple("UNDISPATCHED", 0L, 0L, null, Map.of()),
                        tuple("billing", 1L, 1L, 1.0, Map.of()),
                        tuple("net", 3L, 1L, 1.0 / 3, Map.of(FaultParty.DEPARTMENT, 1L, FaultParty.NONE, 1L,
                                FaultParty.CUSTOMER_SERVICE_CENTRE, 1L)));
        assertThat(Kpis.byGroup(cases, GroupBy.CATEGORY, Kpis.Subscribers.NONE))
                .extracting(Kpis.Figures::group, Kpis.Figures::urged, Kpis.Figures::escalated,
                        Kpis.Figures::misroutingRate)
                .containsExactly(tuple("BUSINESS", 0L, 0L, 1.0), tuple("NETWORK", 1L, 1L, 1.0 / 3));
    }
}
