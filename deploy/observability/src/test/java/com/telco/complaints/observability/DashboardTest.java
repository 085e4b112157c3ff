package com.telco.complaints.observability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** grafana/complaint-suite.json imports into Grafana and every panel queries the Prometheus the user picks. */
class DashboardTest {

    private final JsonNode dashboard = MonitoringFiles.dashboard();

    @Test
    void isADashboardWithAPrometheusInputAndAServiceVariable() {
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.path("uid").asText()).isEqualTo("complaint-suite");
        assertThat(dashboard.path("__inputs")).anySatisfy(input -> {
            assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
            assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
        });
        assertThat(dashboard.path("templating").path("list")).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("service");
            assertThat(variable.path("type").asText()).isEqualTo("query");
            assertThat(variable.path("definition").asText()).contains("job");
        });
    }

    @Test
    void everyPanelHasThePrometheusDataSourceAndQueriesAMetricOfTheChosenServices() {
        List<JsonNode> panels = MonitoringFiles.panels(dashboard);
        assertThat(panels).hasSizeGreaterThan(20);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(title).as("a panel's title").isNotBlank();
            assertThat(ids.add(panel.path("id").asInt())).as("id of %s is unique", title).isTrue();
            assertThat(panel.path("datasource").path("uid").asText()).as("data source of %s", title)
                    .isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("gridPos").path("w").asInt()).as("width of %s", title).isBetween(1, 24);
            assertThat(panel.path("targets")).as("targets of %s", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(expr).as("expr of %s", title).isNotBlank().contains("job=~\"$service\"");
                assertThat(PromQl.metricNames(expr)).as("metrics of %s", title).isNotEmpty();
                assertThat(target.path("refId").asText()).as("refId in %s", title).isNotBlank();
            }
        }
    }

    @Test
    void showsWhatTheIssueAsksFor() {
        assertThat(MonitoringFiles.metricNames()).containsKeys("complaints_registered_total",
                "complaints_refused_total", "complaints_duplicates_total", "log_applied_total",
                "kafka_consumer_fetch_manager_records_lag", "outbox_relay_batch_rows_bucket",
                "outbox_relay_transaction_seconds_bucket", "outbox_pending", "log_parked_records",
                "sla_warnings_total", "sla_breaches_total", "jvm_memory_used_bytes", "process_cpu_usage",
                "http_server_requests_seconds_count");
    }
}
