package com.telco.complaints.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.deploy.suite.Service;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilding from the log: a realistic log of {@code events} is written, the service catches up
 * on it live, then {@code POST <replay path>} rebuilds everything from offset 0 and is timed to
 * completion — beside Kafka's own ConsumerPerformance reading the same topic in the same run.
 */
final class ReplayBench {

    private ReplayBench() {}

    /** The SLA service's replay (issue 9, run 4). */
    static Results sla(long events) throws Exception {
        return run("sla-replay", Service.SLA, "sla-service", "/sla/replay", events);
    }

    /** Analytics' rebuild of the same kind of log (issue 9, run 5). */
    static Results analytics(long events) throws Exception {
        return run("analytics-rebuild", Service.ANALYTICS, "analytics-service", "/admin/rebuild", events);
    }

    private static Results run(String name, Service service, String group, String path, long events) throws Exception {
        Results results = new Results(name);
        List<Service> services = List.of(service);
        try (BenchSuite suite = BenchSuite.start(services, Map.of());
             LogCounter log = new LogCounter(suite.endpoints().kafkaAdmin(), suite.endpoints().topics().events())) {
            suite.recordMemory(results, "idle", services);
            Map<String, Object> kafka = suite.endpoints().kafkaAdmin(); // writes the log as the services would
            String topic = suite.endpoints().topics().events();
            System.out.printf("writing a log of %,d events ...%n", events);
            long t0 = System.nanoTime();
            long written = new LogFiller("B" + suite.runId, 42).fill(kafka, topic, events);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            results.add("log written (realistic mix)", written, "events");
            results.context("events", written);

            System.out.println("waiting for " + service.name().toLowerCase() + " to catch up live ...");
            long c0 = System.nanoTime();
            log.awaitCaughtUp(group, Duration.ofMinutes(30));
            double catchUp = (System.nanoTime() - c0) / 1e9 + fillSeconds;
            long onLog = log.records();
            results.add("live consumption while the log was written", onLog / catchUp, "events/s");
            suite.recordMemory(results, "after live catch-up", services);

            System.out.println("raw limits: Kafka ConsumerPerformance on the same topic, ProducerPerformance ...");
            double consumed = RawLimits.kafkaConsume(kafka, topic, onLog);
            results.add("Kafka ConsumerPerformance, same topic (raw)", consumed, "records/s");
            double produced = RawLimits.kafkaProduce(kafka, "bench-raw-" + suite.runId, 1_000_000, 300);
            results.add("Kafka ProducerPerformance 300 B acks=all (raw)", produced, "records/s");

            HttpLoad http = new HttpLoad(suite.token("admin"));
            URI uri = suite.uri(service, path);
            long r0 = System.nanoTime();
            var accepted = http.post(uri);
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException(path + " answered " + accepted.statusCode() + ": " + accepted.body());
            }
            JsonNode progress;
            do {
                TimeUnit.MILLISECONDS.sleep(250);
                progress = EventJson.mapper().readTree(http.get(uri).body());
            } while (!List.of("DONE", "FAILED").contains(progress.path("state").asText())
                    && System.nanoTime() - r0 < TimeUnit.MINUTES.toNanos(30));
            double seconds = (System.nanoTime() - r0) / 1e9;
            if ("FAILED".equals(progress.path("state").asText())) {
                // A replay that stops (out of heap, say) is a result to report, not a broken benchmark.
                results.context("progress", EventJson.mapper().convertValue(progress, Map.class));
                results.add(name + ": completed (no: stopped)", progress.path("percent").asDouble(), "%", null, null,
                        "completes", String.format("%,d of %,d events at %,.0f events/s: %s",
                                progress.path("eventsRead").asLong(), progress.path("eventsTotal").asLong(),
                                progress.path("eventsPerSecond").asDouble(), progress.path("error").asText()));
                suite.recordMemory(results, "after " + name, services);
                return results;
            }
            if (!"DONE".equals(progress.path("state").asText())) {
                throw new IllegalStateException("replay did not finish: " + progress);
            }
            long read = progress.path("eventsRead").asLong();
            results.context("progress", EventJson.mapper().convertValue(progress, Map.class));
            results.add(name + ": events", read, "events");
            results.add(name + ": wall time, start to swapped in", seconds, "s");
            results.add(name + ": events/s, start to swapped in", read / seconds, "events/s",
                    "Kafka ConsumerPerformance", consumed, name.equals("sla-replay") ? ">= 50%" : ">= 25%", null);
            if (progress.hasNonNull("units")) {
                double fold = progress.path("readSeconds").asDouble();
                results.add(name + ": reading and folding the log", fold, "s");
                results.add(name + ": events/s while reading and folding", read / fold, "events/s",
                        "Kafka ConsumerPerformance", consumed, null, null);
                results.add(name + ": writing the result (COPY)", progress.path("writeSeconds").asDouble(), "s");
            }
            suite.recordMemory(results, "after " + name, services);
        }
        return results;
    }
}
