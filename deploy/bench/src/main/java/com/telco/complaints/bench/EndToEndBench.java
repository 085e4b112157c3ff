package com.telco.complaints.bench;

import com.telco.complaints.deploy.suite.Service;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * End to end: from a registration's due time to the moment analytics' {@code /cases/{id}} shows its
 * work order with the RETURN deadline the SLA service announced — intake, the log, routing, the
 * log, sla, the log, analytics — at 1,000 registrations/s. One registration in {@value #SAMPLE} is
 * followed, polled every {@value #POLL_MS} ms, so the polling itself stays a small load.
 */
final class EndToEndBench {

    static final int SAMPLE = 20;
    static final int POLL_MS = 20;

    private EndToEndBench() {}

    static Results run(int rate) throws Exception {
        Results results = new Results("e2e-" + rate);
        List<Service> services = List.of(Service.values());
        try (BenchSuite suite = BenchSuite.start(services, Map.of());
             LogCounter log = new LogCounter(suite.endpoints().kafkaAdmin(), suite.endpoints().topics().events())) {
            suite.recordMemory(results, "idle", services);
            LeanHttp load = new LeanHttp(suite.uri(Service.INTAKE, "/complaints"), suite.token("submitter"));
            System.out.println("warming up ...");
            load.post(32, Math.max(1, rate / 2), 60, 1, HttpLoad.IdSink.none());
            log.awaitQuiet(Duration.ofSeconds(120));
            // The log going quiet does not mean analytics (which writes nothing) has read it all: wait
            // until every consuming service has, or the warm-up's backlog is measured as latency.
            for (String group : List.of("routing-service", "sla-service", "survey-service", "analytics-service")) {
                log.awaitCaughtUp(group, Duration.ofMinutes(5));
            }

            CaseFollower follower = new CaseFollower(suite, SAMPLE, POLL_MS, Duration.ofSeconds(60), 4);
            Map<String, Long> pids = new java.util.LinkedHashMap<>();
            for (Service s : services) {
                pids.put(s.name().toLowerCase(), suite.suite.pid(s).orElse(-1));
            }
            Map<String, Double> cpuBefore = CpuAccount.snapshot(pids);
            HttpLoad.Outcome outcome = load.post(64, rate, 30, 11, follower.sink());
            follower.awaitAll(Duration.ofSeconds(90));
            follower.close();
            Histogram e2e = follower.latency();
            CpuAccount.perUnit(cpuBefore, CpuAccount.snapshot(pids), outcome.created()).forEach((who, ms) ->
                    results.add("  CPU per registration: " + who, ms, "ms"));
            results.add("offered " + rate + "/s: registered", outcome.createdPerSecond(), "reg/s");
            results.add("  registration latency p99", outcome.latencyMicros().getValueAtPercentile(99) / 1000.0, "ms");
            results.add("registration -> visible in analytics, p50", e2e.getValueAtPercentile(50) / 1000.0, "ms");
            results.add("registration -> visible in analytics, p99", e2e.getValueAtPercentile(99) / 1000.0, "ms",
                    "<= 250 ms");
            results.add("registration -> visible in analytics, max", e2e.getMaxValue() / 1000.0, "ms");
            results.add("  cases followed", follower.followed(), "cases");
            results.add("  not visible within 60 s", follower.lost(), "cases");
            suite.recordMemory(results, "after load", services);
        }
        return results;
    }
}
