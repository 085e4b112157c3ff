package com.telco.complaints.observability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** prometheus/alerts.yml has the shape of a Prometheus rule file, and prometheus.yml loads it. */
class AlertRulesTest {

    private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

    private final JsonNode rules = MonitoringFiles.alertRules();

    @Test
    void everyRuleIsAnAlertWithExprForSeverityAndSummary() {
        assertThat(rules.path("groups")).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            assertThat(group.path("rules")).as("rules of %s", group.path("name")).isNotEmpty();
        }
        List<JsonNode> all = MonitoringFiles.rules(rules);
        for (JsonNode rule : all) {
            String alert = rule.path("alert").asText();
            assertThat(alert).as("an alerting rule (not a recording rule)").matches("[A-Z][A-Za-z0-9]+");
            assertThat(names.add(alert)).as("%s is named once", alert).isTrue();
            assertThat(PromQl.metricNames(rule.path("expr").asText())).as("metrics of %s", alert).isNotEmpty();
            assertThat(Duration.parse("PT" + rule.path("for").asText().toUpperCase())).as("for of %s", alert)
                    .isPositive();
            assertThat(rule.path("labels").path("severity").asText()).as("severity of %s", alert).isIn(SEVERITIES);
            assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", alert).isNotBlank();
            assertThat(rule.path("annotations").path("description").asText()).as("description of %s", alert)
                    .isNotBlank();
        }
    }

    @Test
    void coversWhatTheIssueAsksFor() {
        assertThat(MonitoringFiles.rules(rules)).extracting(r -> r.path("alert").asText()).contains(
                "ParkedRecords", "ConsumerLagHigh", "NoRegistrationsInBusinessHours", "SlaBreachRateUp",
                "OutboxNotRelayed", "OutboxPendingGrowing", "ServiceDown");
    }

    @Test
    void businessHoursAreShanghaiTimeOnWeekdays() {
        String expr = MonitoringFiles.rules(rules).stream()
                .filter(r -> r.path("alert").asText().equals("NoRegistrationsInBusinessHours"))
                .findFirst().orElseThrow().path("expr").asText();
        // hour() and day_of_week() are UTC: Asia/Shanghai is 8 h (28800 s) ahead, all year.
        assertThat(expr).contains("hour(vector(time() + 28800)) >= 10", "hour(vector(time() + 28800)) < 18",
                "day_of_week(vector(time() + 28800)) >= 1", "day_of_week(vector(time() + 28800)) <= 5");
    }

    @Test
    void theExampleScrapeConfigLoadsTheRulesAndScrapesEveryServiceAsItsOwnJob() {
        JsonNode config = MonitoringFiles.scrapeConfig();
        assertThat(config.path("rule_files")).extracting(JsonNode::asText).containsExactly("alerts.yml");
        assertThat(config.path("scrape_configs")).extracting(c -> c.path("job_name").asText()).containsExactly(
                "intake-service", "routing-service", "sla-service", "survey-service", "analytics-service");
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        }
    }
}
