package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The demo's closing report: what the simulation did, and the KPIs and hotspots analytics computed from the log. */
final class Report {

    private static final int HOTSPOTS_SHOWN = 3;

    private Report() {}

    /**
     * @param kpis     the answer of {@code GET /kpis?groupBy=department}; null when analytics never answered
     * @param asOf     when those KPIs were read, in words
     * @param hotspots the answer of {@code GET /hotspots}; null when there is none
     */
    static String render(Duration traffic, DemoCounters c, JsonNode kpis, String asOf, JsonNode hotspots) {
        StringBuilder r = new StringBuilder();
        String nl = System.lineSeparator();
        r.append(nl).append("Demo report after ").append(Figures.clock(traffic)).append(" of traffic").append(nl);
        r.append(String.format(Locale.ROOT, "  simulated    %d complaints registered (%d refused: outside the business scope),"
                        + " %d work orders returned%n", c.registered.get(), c.refused.get(), c.returned.get()));
        r.append(String.format(Locale.ROOT, "               survey calls: %d satisfied, %d dissatisfied at fault, %d explained,"
                        + " %d unreachable%s%n", c.satisfied.get(), c.dissatisfiedAtFault.get(), c.explained.get(),
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
            r.append(String.format(Locale.ROOT, "  %-26s %7s %7s %9s %9s %9s %13s%n", "by department (first)",
                    "volume", "closed", "on time", "warnings", "breaches", "satisfaction"));
            for (JsonNode g : kpis.path("groups")) {
                r.append(String.format(Locale.ROOT, "  %-26s %7d %7d %9s %9d %9d %13s%n", g.path("group").asText(),
                        g.path("volume").asLong(), g.path("closed").asLong(), Figures.percent(g.path("onTimeReturnRate")),
                        g.path("warnings").asLong(), g.path("breaches").asLong(),
                        Figures.percent(g.path("satisfactionRate"))));
            }
        }
        r.append("  hotspots     ").append(hotspots(hotspots).replace("\n", nl)).append(nl);
        return r.toString();
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
