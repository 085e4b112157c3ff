package com.telco.complaints.deploy.suite.demo;

import com.telco.complaints.deploy.infra.SuiteTopics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code deploy/run.sh --demo} simulates.
 *
 * @param rate          complaints registered per second in steady traffic
 * @param duration      how long the traffic runs before the report and the stop; null until Ctrl-C
 * @param runId         names this demo's topics and database, so a demo never mixes with other data
 * @param ownDatabase   whether the demo uses (and drops at the end) a database of its own; false when
 *                      the user named one (PGDATABASE, QUARKUS_DATASOURCE_JDBC_URL)
 * @param hotspotRegion the region where a burst of network complaints makes a hotspot
 * @param burstStart    when the burst starts, after the traffic started
 * @param burstLength   how long it lasts
 * @param burstRate     extra complaints per second in the hotspot region during the burst
 */
public record DemoSettings(double rate, Duration duration, String runId, boolean ownDatabase, String hotspotRegion,
                           Duration burstStart, Duration burstLength, double burstRate) {

    public static final double DEFAULT_RATE = 2.0;

    /**
     * SLA limits of the demo, in calendar time: seconds instead of hours, so that returns, warnings,
     * breaches, surveys and closings all happen within a minute or two.
     */
    public static final Map<String, String> SLA_LIMITS;

    static {
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("sla.policies.return-default.limit", "PT60S");
        limits.put("sla.policies.return-normal.limit", "PT60S");
        limits.put("sla.policies.return-urgent.limit", "PT40S");
        limits.put("sla.policies.return-key-normal.limit", "PT40S");
        limits.put("sla.policies.return-key-urgent.limit", "PT30S");
        limits.put("sla.policies.return-regulator.limit", "PT30S");
        limits.put("sla.policies.survey-default.kind", "CALENDAR");
        limits.put("sla.policies.survey-default.limit", "PT40S");
        limits.put("sla.policies.case-default.limit", "PT3M");
        limits.put("sla.policies.contact-default.limit", "PT30S");
        limits.put("sla.policies.answer-default.limit", "PT60S");
        limits.put("sla.policies.progress-default.limit", "PT60S");
        limits.put("sla.policies.dispatch-default.kind", "CALENDAR");
        limits.put("sla.policies.dispatch-default.limit", "PT20S");
        SLA_LIMITS = java.util.Collections.unmodifiableMap(limits);
    }

    /**
     * Routing's escalation ladder in the demo: the supervisor desk at the deadline as in production, the
     * escalation desk 20 s after it instead of 4 h, and a watch that looks every 2 s instead of 30 s, so that
     * an order left long past its deadline reaches the second level within the demo.
     */
    public static final Map<String, String> ROUTING_SETTINGS = Map.of(
            "routing.escalation.ladder", "supervisor, escalation-desk@PT20S",
            "routing.escalation.watch-interval", "PT2S");

    /**
     * Analytics' hotspot rule in the demo: its database starts empty, so no pair has a usual level and
     * the default minimum of 5 complaints would flag every busy pair; the burst brings about 90.
     */
    public static final Map<String, String> ANALYTICS_SETTINGS = Map.of("analytics.hotspots.min-count", "30");

    public DemoSettings {
        if (!(rate > 0) || rate > 200) {
            throw new IllegalArgumentException("the demo's rate must be above 0 and at most 200 complaints/s, got " + rate);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("the demo's duration must be positive");
        }
    }

    public static DemoSettings of(double rate, Duration duration, String runId, boolean ownDatabase) {
        return new DemoSettings(rate, duration, runId, ownDatabase, "TZ-HL", Duration.ofSeconds(40),
                Duration.ofSeconds(30), Math.max(2.0, rate * 1.5));
    }

    public SuiteTopics topics() {
        return SuiteTopics.DEFAULT.withSuffix("-demo-" + runId);
    }

    public String database() {
        return "complaints_demo_" + runId.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
