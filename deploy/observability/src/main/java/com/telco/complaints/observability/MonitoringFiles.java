package com.telco.complaints.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard ({@code grafana/complaint-suite.json}) and the Prometheus alert rules
 * ({@code prometheus/alerts.yml}) as this jar carries them, and every PromQL query they hold, so
 * that a test can check the metrics they name against what the services export.
 */
public final class MonitoringFiles {

    public static final String DASHBOARD = "observability/grafana/complaint-suite.json";
    public static final String ALERT_RULES = "observability/prometheus/alerts.yml";
    public static final String SCRAPE_CONFIG = "observability/prometheus/prometheus.yml";

    /** Grafana's {@code label_values(metric, label)}: only the metric (or selector) is PromQL. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");

    /** A query and where it is: {@code panel 'Consumer lag' A}, {@code alert ParkedRecords}, {@code variable service}. */
    public record Query(String where, String expr) {}

    private MonitoringFiles() {}

    public static JsonNode dashboard() {
        return read(DASHBOARD, new ObjectMapper());
    }

    public static JsonNode alertRules() {
        return read(ALERT_RULES, new ObjectMapper(new YAMLFactory()));
    }

    public static JsonNode scrapeConfig() {
        return read(SCRAPE_CONFIG, new ObjectMapper(new YAMLFactory()));
    }

    /** The panels of the dashboard, those inside collapsed rows too, rows left out. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                panels.add(panel);
            }
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The alerting rules of every group. */
    public static List<JsonNode> rules(JsonNode alertRules) {
        List<JsonNode> rules = new ArrayList<>();
        alertRules.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** Every PromQL query of the dashboard (targets and variables) and of the alert rules. */
    public static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        JsonNode dashboard = dashboard();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText()));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asText() : query.asText();
                Matcher labelValues = LABEL_VALUES.matcher(text.strip());
                queries.add(new Query("variable " + variable.path("name").asText(),
                        labelValues.matches() ? labelValues.group(1) : text));
            }
        }
        for (JsonNode rule : rules(alertRules())) {
            queries.add(new Query("alert " + rule.path("alert").asText(), rule.path("expr").asText()));
        }
        return queries;
    }

    /** Every metric name the queries use, with where each is used. */
    public static Map<String, List<String>> metricNames() {
        Map<String, List<String>> names = new TreeMap<>();
        for (Query query : queries()) {
            PromQl.metricNames(query.expr())
                    .forEach(name -> names.computeIfAbsent(name, n -> new ArrayList<>()).add(query.where()));
        }
        return names;
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = MonitoringFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
