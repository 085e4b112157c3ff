package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotspotsTest {

    private static final Hotspots.Rule RULE = new Hotspots.Rule(5, 3.0, Duration.ofDays(7));
    private static final Duration HOUR = Duration.ofHours(1);

    private static Hotspots.PairCount pair(String region, long inWindow, long inBaseline) {
        return new Hotspots.PairCount(region, "NETWORK", inWindow, inBaseline, List.of(region + "-1"), List.of());
    }

    @Test
    void aBurstFarAboveTheUsualRateIsAHotspot() {
        // 168 in the week before: usual 1 an hour; 12 in the last hour is 12 times that.
        List<Hotspots.Hotspot> found = Hotspots.detect(List.of(pair("TZ-HL", 12, 168)), HOUR, RULE);

        assertThat(found).singleElement().satisfies(h -> {
            assertThat(h.region()).isEqualTo("TZ-HL");
            assertThat(h.count()).isEqualTo(12);
            assertThat(h.usual()).isEqualTo(1.0);
            assertThat(h.ratio()).isEqualTo(12.0);
            assertThat(h.complaintIds()).containsExactly("TZ-HL-1");
            assertThat(h.unhandled()).isTrue();
        });
    }

    @Test
    void aHotspotWhoseComplaintsNoIncidentHoldsIsUnhandledAndOneWithLinkedComplaintsNamesItsIncidents() {
        Hotspots.PairCount declared = new Hotspots.PairCount("TZ-HL", "NETWORK", 12, 0, List.of("C1", "C2"),
                List.of("INC-1", "INC-2"));

        List<Hotspots.Hotspot> found = Hotspots.detect(List.of(pair("TZ-JJ", 12, 0), declared), HOUR, RULE);

        assertThat(found).filteredOn(h -> h.region().equals("TZ-JJ")).singleElement().satisfies(h -> {
            assertThat(h.unhandled()).isTrue();
            assertThat(h.incidentIds()).isEmpty();
        });
        assertThat(found).filteredOn(h -> h.region().equals("TZ-HL")).singleElement().satisfies(h -> {
            assertThat(h.unhandled()).isFalse();
            assertThat(h.incidentIds()).containsExactly("INC-1", "INC-2");
        });
    }

    @Test
    void steadyTrafficIsNoHotspotHoweverBusy() {
        // 6 an hour, every hour of the week and in the window too.
        assertThat(Hotspots.detect(List.of(pair("SH-PD", 6, 6 * 168)), HOUR, RULE)).isEmpty();
        assertThat(Hotspots.detect(List.of(pair("SH-PD", 17, 6 * 168)), HOUR, RULE)).isEmpty();
        assertThat(Hotspots.detect(List.of(pair("SH-PD", 18, 6 * 168)), HOUR, RULE)).hasSize(1);
    }

    @Test
    void aFewComplaintsInAQuietPairAreBelowTheFloor() {
        assertThat(Hotspots.detect(List.of(pair("GZ-TH", 4, 0)), HOUR, RULE)).isEmpty();
        assertThat(Hotspots.detect(List.of(pair("GZ-TH", 5, 0)), HOUR, RULE)).singleElement()
                .satisfies(h -> assertThat(h.ratio()).isNull());
    }

    @Test
    void theUsualLevelScalesWithTheWindow() {
        // 7 a day: usual for one day is 7; 21 in a day is exactly 3 times it.
        assertThat(Hotspots.detect(List.of(pair("R", 21, 49)), Duration.ofDays(1), RULE)).hasSize(1);
        assertThat(Hotspots.detect(List.of(pair("R", 20, 49)), Duration.ofDays(1), RULE)).isEmpty();
    }

    @Test
    void hotspotsAreListedMostUnusualFirst() {
        List<Hotspots.Hotspot> found = Hotspots.detect(
                List.of(pair("A", 10, 168), pair("B", 30, 168), pair("C", 6, 0), pair("D", 1, 0)), HOUR, RULE);
        assertThat(found).extracting(Hotspots.Hotspot::region).containsExactly("C", "B", "A");
    }

    @Test
    void theWindowAndBaselineAreThePeriodsBeforeNow() {
        Instant now = Instant.parse("2031-06-10T12:00:00Z");
        Hotspots.Periods periods = Hotspots.Periods.of(now, HOUR, RULE);
        assertThat(periods.windowStart()).isEqualTo(Instant.parse("2031-06-10T11:00:00Z"));
        assertThat(periods.baselineStart()).isEqualTo(Instant.parse("2031-06-03T11:00:00Z"));
    }

    @Test
    void aRuleMustMakeSense() {
        assertThatThrownBy(() -> new Hotspots.Rule(0, 3.0, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hotspots.Rule(5, 3.0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
