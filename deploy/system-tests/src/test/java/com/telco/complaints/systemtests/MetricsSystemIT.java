package com.telco.complaints.systemtests;

import com.telco.complaints.deploy.suite.Service;
import com.telco.complaints.observability.MonitoringFiles;
import com.telco.complaints.testsupport.Metrics;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 15, what operations watch: the Grafana dashboard and the Prometheus alert rules of
 * deploy/observability name only metrics the services export. One urgent complaint goes through
 * (registered twice with one idempotency key, beside a refused submission) until its RETURN clock
 * breaches, so that every counter the files use has moved; then each name they use is looked for in
 * the services' {@code /q/metrics}, open without a token.
 */
@ExtendWith(RunningSuite.class)
@Order(15)
class MetricsSystemIT {

    /** Names the files use that no service exports, and why. */
    private static final Map<String, String> NOT_FROM_SERVICES = Map.of(
            "up", "Prometheus records it itself for every target it scrapes");

    /** What every service exports, whatever it does: each follows a log and has an outbox. */
    private static final List<String> IN_EVERY_SERVICE = List.of("log_applied_total",
            "kafka_consumer_fetch_manager_records_lag", "log_parked_records", "outbox_pending",
            "outbox_relay_batch_rows_bucket", "outbox_relay_transaction_seconds_bucket", "jvm_memory_used_bytes",
            "process_cpu_usage");

    /** A sample line's metric name, before its labels or value. */
    private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private final SystemUnderTest system;
    private final Doors doors;

    MetricsSystemIT(SystemUnderTest system, Doors doors) {
        this.system = system;
        this.doors = doors;
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertRulesIsExportedByARunningService() {
        Map<String, List<String>> used = MonitoringFiles.metricNames();
        assertThat(used).as("metric names read from the dashboard and the alert rules").hasSizeGreaterThan(20);

        // Registered once, answered again as a duplicate; a submission refused; the complaint left to breach.
        ComplaintBody urgent = ComplaintBody.network(ComplaintBody.uniqueRegion("OBS")).urgent();
        String key = "metrics-" + UUID.randomUUID();
        Response first = doors.register(urgent, key);
        first.then().statusCode(201);
        doors.register(urgent, key).then().statusCode(200);
        doors.intake().contentType(ContentType.JSON).body(Map.of("category", "NETWORK")).post("/complaints")
                .then().statusCode(400);
        String complaintId = first.path("complaintId");

        await("case " + complaintId + " dispatched in analytics").ignoreExceptions()
                .until(() -> doors.caseOf(complaintId).getString("status"), "DISPATCHED"::equals);
        String dispatchId = (String) doors.awaitOpenWorkOrder(complaintId, 1).get("dispatchId");
        await("RETURN of " + dispatchId + " breached").atMost(SystemUnderTest.URGENT_RETURN_LIMIT.plusSeconds(45))
                .until(() -> doors.clock(complaintId, "RETURN", dispatchId),
                        c -> c.isPresent() && c.get().get("breachRaisedAt") != null);

        // The Kafka client's meters (the consumer lag) reach Micrometer at its next look, within a minute.
        await("every metric of the dashboard and the alert rules exported").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Map<Service, String> expositions = expositions();
                    Map<Service, Set<String>> exported = new EnumMap<>(Service.class);
                    expositions.forEach((service, text) -> exported.put(service, names(text)));

                    Map<String, List<String>> missing = new TreeMap<>();
                    used.forEach((name, where) -> {
                        if (!NOT_FROM_SERVICES.containsKey(name)
                                && exported.values().stream().noneMatch(names -> names.contains(name))) {
                            missing.put(name, where);
                        }
                    });
                    assertThat(missing).as("metrics used but exported by no service (name=[where used])").isEmpty();
                    for (Service service : Service.values()) {
                        assertThat(exported.get(service)).as("exported by %s", service).containsAll(IN_EVERY_SERVICE);
                    }

                    // The counters count: the registration went out through intake's relay, and the services
                    // following complaint-events applied its events.
                    assertThat(Metrics.valueIn(expositions.get(Service.INTAKE), "outbox_relay_batch_rows_count",
                            Map.of())).isPositive();
                    for (Service service : List.of(Service.ROUTING, Service.SLA, Service.SURVEY, Service.ANALYTICS)) {
                        assertThat(Metrics.valueIn(expositions.get(service), "log_applied_total", Map.of()))
                                .as("records applied by %s", service).isPositive();
                    }
                });
        assertThat(NOT_FROM_SERVICES.keySet()).as("exceptions the files really use").isSubsetOf(used.keySet());
    }

    /** Every service's /q/metrics, which operations scrape without a token. */
    private Map<Service, String> expositions() {
        Map<Service, String> texts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            texts.put(service, given().baseUri(system.suite().baseUri(service).toString()).get("/q/metrics")
                    .then().statusCode(200).extract().asString());
        }
        return texts;
    }

    /** The metric names of the samples, with their suffixes as Prometheus stores them (_total, _bucket, _count, ...). */
    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher name = SAMPLE_NAME.matcher(line);
                if (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }
}
