package com.telco.complaints.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void aSelectorWithMatchersAndARangeIsOneName() {
        assertThat(PromQl.metricNames("rate(complaints_registered_total{door=\"rest\", job=~\"$service\"}[5m])"))
                .containsExactly("complaints_registered_total");
    }

    @Test
    void groupingListsFunctionsAndGrafanaVariablesAreNoNames() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (job, le) "
                + "(rate(outbox_relay_batch_rows_bucket{job=~\"${service}\"}[$__rate_interval])))"))
                .containsExactly("outbox_relay_batch_rows_bucket");
        assertThat(PromQl.metricNames("sum(rate(http_server_requests_seconds_sum[1m])) without (instance)"
                + " / ignoring (le) group_left (uri) sum(rate(http_server_requests_seconds_count[1m]))"))
                .containsExactly("http_server_requests_seconds_count", "http_server_requests_seconds_sum");
    }

    @Test
    void keywordsNumbersDurationsOffsetsAndSubqueriesAreNoNames() {
        assertThat(PromQl.metricNames("(sum(increase(sla_breaches_total[1h])) > 2 * (sum(increase("
                + "sla_breaches_total[1h] offset 1w)) or vector(0)) and sum(increase(sla_breaches_total[1h])) >= 5)"
                + " or sum(increase(sla_breaches_total[1h])) >= 1e3"))
                .containsExactly("sla_breaches_total");
        assertThat(PromQl.metricNames("max by (job) (outbox_pending) > 0x1f and on (job) "
                + "deriv(max by (job) (outbox_pending)[15m:1m]) > 0 unless bool inf"))
                .containsExactly("outbox_pending");
    }

    @Test
    void stringsHoldingBracesOrNamesAreSkipped() {
        assertThat(PromQl.metricNames("label_replace(up{job=\"a}b\"}, \"dst\", \"$1 not_a_metric\", 'src', '(.*)')"
                + " == 0"))
                .containsExactly("up");
    }

    @Test
    void timeFunctionsWithoutArgumentsAreNoNames() {
        assertThat(PromQl.metricNames("(sum(increase(complaints_registered_total[1h])) or vector(0)) == 0"
                + " and on () hour(vector(time() + 28800)) >= 10 and on() day_of_week() <= 5"))
                .containsExactly("complaints_registered_total");
    }

    @Test
    void everyNameOfABinaryExpressionIsFound() {
        assertThat(PromQl.metricNames("jvm_memory_used_bytes{area=\"heap\"} / jvm_memory_max_bytes{area=\"heap\"}"
                + " + process_cpu_usage - log:applied:rate5m"))
                .containsExactly("jvm_memory_max_bytes", "jvm_memory_used_bytes", "log:applied:rate5m",
                        "process_cpu_usage");
    }
}
