package com.telco.complaints.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds possible outages (DOMAIN.md §8): region × category pairs whose complaints in the last
 * window stand far above their usual level. "Usual" is the number the pair's rate over the
 * baseline period (by default the 7 days before the window) predicts for one window:
 * {@code usual = baselineCount × window / baseline}. A pair is a hotspot when
 * {@code count ≥ minCount} and {@code count ≥ factor × usual}: the floor keeps a handful of
 * complaints in a quiet pair from being an emergency, the factor keeps a busy pair's normal
 * traffic from being one. A hotspot none of whose complaints is linked to an outage incident is unhandled: an
 * outage nobody declared (seed 002 asks that a surge be detected and handled together, as one incident).
 */
public final class Hotspots {

    /** The published definition; also in the OpenAPI document. */
    public static final String DEFINITION = """
            For now (the service clock) and window w: the window is [now - w, now) and the baseline the period \
            before it, [now - w - b, now - w) with b = analytics.hotspots.baseline (default P7D). Complaints are \
            counted by registration time per region x category. usual = baseline count x w / b (the count the \
            pair's usual rate predicts for one window). A pair is a hotspot when count >= \
            analytics.hotspots.min-count (default 5) and count >= analytics.hotspots.factor (default 3.0) x usual. \
            Hotspots are listed by count / usual, highest first (a pair with no baseline at all first), with \
            the complaint numbers in the window in registration order. incidentIds: the outage incidents (declared \
            in routing) the hotspot's complaints in the window are linked to as the cases stand now, sorted; \
            unhandled = true when none of them is linked to any incident (an outage nobody declared).""";

    /** The rule in force. */
    public record Rule(int minCount, double factor, Duration baseline) {
        public Rule {
            if (minCount < 1 || factor <= 0 || baseline.isNegative() || baseline.isZero()) {
                throw new IllegalArgumentException("a hotspot rule needs minCount >= 1, factor > 0, a baseline > 0");
            }
        }
    }

    /** The periods compared for {@code now} and {@code window}. */
    public record Periods(Instant baselineStart, Instant windowStart, Instant now) {
        public static Periods of(Instant now, Duration window, Rule rule) {
            Instant windowStart = now.minus(window);
            return new Periods(windowStart.minus(rule.baseline()), windowStart, now);
        }
    }

    /**
     * One pair's complaints.
     *
     * @param complaintIds those in the window, in registration order
     * @param incidentIds  the incidents those in the window are linked to, sorted, each once
     */
    public record PairCount(String region, String category, long inWindow, long inBaseline, List<String> complaintIds,
                            List<String> incidentIds) {

        /** A pair none of whose complaints in the window is linked to an incident. */
        public PairCount(String region, String category, long inWindow, long inBaseline, List<String> complaintIds) {
            this(region, category, inWindow, inBaseline, complaintIds, List.of());
        }
    }

    /**
     * @param ratio       count / usual; null when the pair had no complaint in the baseline
     * @param incidentIds the incidents its complaints in the window are linked to, sorted
     * @param unhandled   none of its complaints in the window is linked to an incident: an outage nobody declared
     */
    public record Hotspot(String region, String category, long count, double usual, Double ratio,
                          List<String> complaintIds, List<String> incidentIds, boolean unhandled) {

        /** A hotspot none of whose complaints is linked to an incident: unhandled. */
        public Hotspot(String region, String category, long count, double usual, Double ratio,
                       List<String> complaintIds) {
            this(region, category, count, usual, ratio, complaintIds, List.of(), true);
        }
    }

    private Hotspots() {}

    public static List<Hotspot> detect(List<PairCount> pairs, Duration window, Rule rule) {
        double windowsPerBaseline = (double) rule.baseline().toMillis() / window.toMillis();
        List<Hotspot> found = new ArrayList<>();
        for (PairCount pair : pairs) {
            double usual = pair.inBaseline() / windowsPerBaseline;
            if (pair.inWindow() >= rule.minCount() && pair.inWindow() >= rule.factor() * usual) {
                found.add(new Hotspot(pair.region(), pair.category(), pair.inWindow(), usual,
                        usual == 0 ? null : pair.inWindow() / usual, pair.complaintIds(), pair.incidentIds(),
                        pair.incidentIds().isEmpty()));
            }
        }
        found.sort(Comparator.comparing((Hotspot h) -> h.ratio() == null ? Double.POSITIVE_INFINITY : h.ratio())
                .reversed().thenComparing(Hotspot::region).thenComparing(Hotspot::category));
        return found;
    }
}
