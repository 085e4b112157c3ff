package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo's closing report: what the simulation did, and the KPIs, escalations and hotspots analytics computed
 * from the log.
 */
final class Report {

    private static final int HOTSPOTS_SHOWN = 3;

    /** The parties of Returned.faultOf, in the order the report lists them. */
    private static final List<String> FAULT_PARTIES = List.of("DEPARTMENT", "CUSTOMER_SERVICE_CENTRE", "THIRD_PARTY",
            "CUSTOMER", "NONE");

    /**
     * What analytics' escalations (GET /escalations) say of the demo's overdue work orders.
     *
     * @param levels  escalations raised per level of the ladder (kind LADDER), level 1 first
     * @param notices notices to management of key customers' and the regulator's overdue orders (kind NOTICE)
     * @param open    escalations of either kind still open (their work order open) when they were read
     */
    record Escalations(SortedMap<Integer, Long> levels, long notices, long open) {
        Escalations {
            levels = new TreeMap<>(levels);
        }

        /** Counts the levels of one or more pages of {@code GET /escalations?kind=LADDER} ({@code items}). */
        static SortedMap<Integer, Long> levelsOf(List<JsonNode> pages) {
            SortedMap<Integer, Long> levels = new TreeMap<>();
            for (JsonNode page : pages) {
                page.path("items").forEach(e -> levels.merge(e.path("level").asInt(), 1L, Long::sum));
            }
            return levels;
        }
    }

    private Report() {}

    /**
     * @param kpis        the answer of {@code GET /kpis?groupBy=department}; null when analytics never answered
     * @param asOf        when those KPIs were read, in words
     * @param escalations what GET /escalations answered; null when it did not
     * @param hotspots    the answer of {@code GET /hotspots}; null when there is none
     */
    static String render(Duration traffic, DemoCounters c, JsonNode kpis, String asOf, Escalations escalations,
                         JsonNode hotspots) {
        StringBuilder r = new StringBuilder();
        String nl = System.lineSeparator();
        r.append(nl).append("Demo report after ").append(Figures.clock(traffic)).append(" of traffic").append(nl);
        r.append(String.format(Locale.ROOT, "  simulated    %d complaints registered (%d refused: outside the business scope),"
                        + " %d work orders returned, %d passed to another department%n", c.registered.get(),
                c.refused.get(), c.returned.get(), c.transferred.get()));
        r.append(String.format(Locale.ROOT, "               survey calls: %d satisfied, %d redispatched (dissatisfied at fault),"
                        + " %d recorded (the centre's own fault, closed RECORDED), %d explained, %d handed to the manager"
                        + " hotline, %d closed after it, %d unreachable%s%n", c.satisfied.get(), c.redispatched.get(),
                c.recorded.get(), c.explained.get(), c.handedOver.get(), c.closedAfterHotline.get(),
                c.unreachable.get(), c.failed.get() > 0 ? "; " + c.failed.get() + " calls failed" : ""));
        r.append(String.format(Locale.ROOT, "               customer desk: %d contacts recorded; %d complaints dispatched"
                + " from triage%n", c.contacts.get(), c.triaged.get()));
        if (kpis == null) {
            r.append("  KPIs         analytics did not answer GET /kpis").append(nl);
        } else {
            JsonNode t = kpis.path("total");
            r.append("  KPIs         from analytics (GET /kpis), ").append(asOf).append(nl);
            r.append(String.format(Locale.ROOT, "  all          volume %d, closed %d, on-time returns %s, warnings %d, breaches %d%n",
                    t.path("volume").asLong(), t.path("closed").asLong(),
                    Figures.rate(t, "onTimeReturnRate", "returnsOnTime", "returnsJudged"),
                    t.path("warnings").asLong(), t.path("breaches").asLong()));
            r.append(String.format(Locale.ROOT, "               handling time mean %s, p90 %s; satisfaction %s; redispatch %s;"
                            + " recurrence %s%n", Figures.duration(t.path("meanHandlingSeconds")),
                    Figures.duration(t.path("p90HandlingSeconds")),
                    Figures.rate(t, "satisfactionRate", "surveysPassed", "surveysAnswered"),
                    Figures.percent(t.path("redispatchRate")), Figures.percent(t.path("recurrenceRate"))));
            r.append(String.format(Locale.ROOT, "  customer     reply %s (target 100%%), contact in time %s, answer in time %s,"
                            + " progress kept %s (targets 90%%)%s%n",
                    Figures.rate(t, "replyRate", "replied", "repliesDue"),
                    Figures.rate(t, "contactTimeliness", "contactsOnTime", "contactsJudged"),
                    Figures.rate(t, "answerTimeliness", "answersOnTime", "answersJudged"),
                    Figures.rate(t, "progressCompliance", "progressMet", "progressJudged"), belowTarget(t)));
            r.append(String.format(Locale.ROOT, "               resolved at the first contact %s%n",
                    Figures.rate(t, "firstContactResolutionRate", "resolvedAtFirstContact", "volume")));
            r.append(String.format(Locale.ROOT, "  work orders  %d dispatched: %d urged at the warning, %d escalated past the"
                            + " deadline; %d transferred, misrouting %s%n", t.path("workOrders").asLong(),
                    t.path("urged").asLong(), t.path("escalated").asLong(), t.path("transferred").asLong(),
                    Figures.rate(t, "misroutingRate", "transferred", "workOrders")));
            r.append("  faults       ").append(faults(t.path("faults"))).append(nl);
        }
        r.append("  escalations  ").append(escalations(escalations)).append(nl);
        if (kpis != null) {
            r.append(String.format(Locale.ROOT, "  %-26s %7s %7s %9s %9s %9s %13s %10s%n", "by department (first)",
                    "volume", "closed", "on time", "warnings", "breaches", "satisfaction", "misrouted"));
            for (JsonNode g : kpis.path("groups")) {
                r.append(String.format(Locale.ROOT, "  %-26s %7d %7d %9s %9d %9d %13s %10s%n", g.path("group").asText(),
                        g.path("volume").asLong(), g.path("closed").asLong(), Figures.percent(g.path("onTimeReturnRate")),
                        g.path("warnings").asLong(), g.path("breaches").asLong(),
                        Figures.percent(g.path("satisfactionRate")), Figures.percent(g.path("misroutingRate"))));
            }
        }
        r.append("  hotspots     ").append(hotspots(hotspots).replace("\n", nl)).append(nl);
        return r.toString();
    }

    /** Returns per party they found at fault (NONE: nobody), in the order of the parties, as GET /kpis counts them. */
    static String faults(JsonNode faults) {
        List<String> found = new ArrayList<>();
        FAULT_PARTIES.stream().filter(p -> faults.path(p).asLong() > 0)
                .forEach(p -> found.add(p + " " + faults.path(p).asLong()));
        faults.fieldNames().forEachRemaining(p -> {
            if (!FAULT_PARTIES.contains(p)) {
                found.add(p + " " + faults.path(p).asLong());
            }
        });
        return found.isEmpty() ? "no return named who was at fault"
                : "who the returns found at fault: " + String.join(", ", found);
    }

    static String escalations(Escalations e) {
        if (e == null) {
            return "analytics did not answer GET /escalations";
        }
        long raised = e.levels().values().stream().mapToLong(Long::longValue).sum();
        String levels = e.levels().entrySet().stream().map((Map.Entry<Integer, Long> l) -> "level " + l.getKey()
                + ": " + l.getValue()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d raised on the ladder%s, %d notices to management; %d open at the end"
                + " (GET /escalations)", raised, raised == 0 ? "" : " (" + levels + ")", e.notices(), e.open());
    }

    /** The figures under their target, or nothing. */
    static String belowTarget(JsonNode figures) {
        List<String> missed = new ArrayList<>();
        figures.path("belowTarget").forEach(f -> missed.add(f.asText()));
        return missed.isEmpty() ? "" : "; below target: " + String.join(", ", missed);
    }

    static String hotspots(JsonNode report) {
        if (report == null) {
            return "analytics did not answer GET /hotspots";
        }
        // Largest first: on a fresh database no pair has a usual level yet, and analytics ranks by the ratio.
        List<JsonNode> found = new ArrayList<>();
        report.path("hotspots").forEach(found::add);
        found.sort(Comparator.comparingLong((JsonNode h) -> h.path("count").asLong()).reversed());
        List<String> shown = found.stream().limit(HOTSPOTS_SHOWN)
                .map(h -> String.format(Locale.ROOT, "%s %s: %d complaints (usual %.1f)", h.path("region").asText(),
                        h.path("category").asText(), h.path("count").asLong(), h.path("usual").asDouble()))
                .toList();
        String window = "in the last " + report.path("window").asText() + " (GET /hotspots)";
        if (shown.isEmpty()) {
            return "none " + window;
        }
        return window + ", largest first:\n               " + String.join("\n               ", shown)
                + (found.size() > shown.size() ? "\n               and " + (found.size() - shown.size()) + " more" : "");
    }
}
