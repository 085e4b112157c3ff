package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpKpisTest {

    private static final Instant AT = Instant.parse("2030-05-10T00:00:00Z");

    private static SpKpis.SpComplaint open(String sp) {
        return new SpKpis.SpComplaint(sp, true, null, null, 0);
    }

    private static SpKpis.SpComplaint proved(String sp) {
        return new SpKpis.SpComplaint(sp, true, AT, null, 0);
    }

    private static SpKpis.SpComplaint refunded(String sp, long fen) {
        return new SpKpis.SpComplaint(sp, true, null, AT, fen);
    }

    /** SP-A: 3 complaints (1 proved, 2 refunded 1000 + 500 fen); SP-B: 1 open; SP-C: 2 open, 1 proved. */
    private static final List<SpKpis.SpComplaint> PERIOD = List.of(proved("SP-A"), refunded("SP-A", 1000),
            open("SP-B"), refunded("SP-A", 500), open("SP-C"), proved("SP-C"));

    @Test
    void eachProvidersComplaintsDisputesProofsAndRefundsAreCountedMostComplaintsFirst() {
        List<SpKpis.SpFigures> figures = SpKpis.bySp(PERIOD, SpKpis.Subscribers.NONE);

        assertThat(figures).extracting(SpKpis.SpFigures::spCode).containsExactly("SP-A", "SP-C", "SP-B");
        assertThat(figures.get(0)).isEqualTo(new SpKpis.SpFigures("SP-A", 3, 3, 2, 1500, 1, null, null));
        assertThat(figures.get(1)).isEqualTo(new SpKpis.SpFigures("SP-C", 2, 2, 0, 0, 1, null, null));
        assertThat(figures.get(2)).isEqualTo(new SpKpis.SpFigures("SP-B", 1, 1, 0, 0, 0, null, null));
    }

    @Test
    void complaintsPer10kOnlyForAProviderWhoseSubscribersAreConfigured() {
        List<SpKpis.SpFigures> figures = SpKpis.bySp(PERIOD, new SpKpis.Subscribers(Map.of("SP-A", 20_000L)));

        assertThat(figures.get(0).subscribers()).isEqualTo(20_000L);
        assertThat(figures.get(0).complaintsPer10k()).isEqualTo(1.5);
        assertThat(figures.get(1).subscribers()).isNull();
        assertThat(figures.get(1).complaintsPer10k()).isNull();
    }

    @Test
    void aComplaintNamingAProviderWithoutDisputingAChargeCountsAsAComplaintOnly() {
        List<SpKpis.SpFigures> figures = SpKpis.bySp(List.of(open("SP-A"),
                new SpKpis.SpComplaint("SP-A", false, null, null, 0)), SpKpis.Subscribers.NONE);

        assertThat(figures).singleElement().satisfies(f -> {
            assertThat(f.complaints()).isEqualTo(2);
            assertThat(f.disputes()).isEqualTo(1);
        });
    }

    @Test
    void nothingRegisteredIsNoProvider() {
        assertThat(SpKpis.bySp(List.of(), SpKpis.Subscribers.NONE)).isEmpty();
        assertThat(DisputeSummary.of(List.of(), SpKpis.Subscribers.NONE))
                .isEqualTo(new DisputeSummary(0, 0, 0, 0, List.of()));
    }

    @Test
    void theMonthsDisputeSummaryAddsUpEveryProvider() {
        DisputeSummary summary = DisputeSummary.of(PERIOD, SpKpis.Subscribers.NONE);

        assertThat(summary.disputes()).isEqualTo(6);
        assertThat(summary.refunds()).isEqualTo(2);
        assertThat(summary.refundedFen()).isEqualTo(1500);
        assertThat(summary.proofs()).isEqualTo(2);
        assertThat(summary.perSp()).isEqualTo(SpKpis.bySp(PERIOD, SpKpis.Subscribers.NONE));
    }
}
