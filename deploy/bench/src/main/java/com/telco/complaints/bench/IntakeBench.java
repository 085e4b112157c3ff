package com.telco.complaints.bench;

import com.telco.complaints.deploy.suite.Service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Intake: sustained registrations per second over REST (many keep-alive clients) until their
 * ComplaintRegistered is on the log, beside PostgreSQL's single-row insert-and-commit limit with
 * as many connections as intake's pool; latency at 1,000 registrations/s offered.
 */
final class IntakeBench {

    static final int POOL = 16;

    private IntakeBench() {}

    static Results run() throws Exception {
        Results results = new Results("intake");
        List<Service> services = List.of(Service.INTAKE);
        try (BenchSuite suite = BenchSuite.start(services, Map.of());
             LogCounter log = new LogCounter(suite.endpoints().kafkaAdmin(), suite.endpoints().topics().events())) {
            suite.recordMemory(results, "idle", services);
            var ep = suite.endpoints();
            System.out.println("raw limit: PostgreSQL insert+commit with " + POOL + " connections ...");
            double pg = RawLimits.postgresInsertCommit(ep.jdbcUrl(), ep.user(), ep.password(), POOL, 12);
            results.add("PostgreSQL insert+commit (raw, " + POOL + " connections)", pg, "rows/s");

            LeanHttp load = new LeanHttp(suite.uri(Service.INTAKE, "/complaints"), suite.token("submitter"));
            System.out.println("warming up ...");
            load.post(16, 0, 60, 1, HttpLoad.IdSink.none()); // until the JIT has settled: steady state is measured
            log.awaitQuiet(Duration.ofSeconds(60));

            long before = log.records();
            Map<String, Long> pids = Map.of("intake-service", suite.suite.pid(Service.INTAKE).orElse(-1));
            Map<String, Double> cpuBefore = CpuAccount.snapshot(pids);
            long t0 = System.nanoTime();
            HttpLoad.Outcome saturated = load.post(32, 0, 30, 100, HttpLoad.IdSink.none());
            long onLog = log.awaitRecords(n -> n >= before + saturated.created(), Duration.ofSeconds(120));
            CpuAccount.perUnit(cpuBefore, CpuAccount.snapshot(pids), saturated.created()).forEach((who, ms) ->
                    results.add("  CPU per registration: " + who, ms, "ms"));
            double sustained = saturated.created() / ((onLog - t0) / 1e9);
            results.add("registrations/s until on the log (32 clients)", sustained, "reg/s", "PostgreSQL insert+commit",
                    pg, ">= 30%", null);
            results.add("  latency p50 at saturation", saturated.latencyMicros().getValueAtPercentile(50) / 1000.0, "ms");
            results.add("  latency p99 at saturation", saturated.latencyMicros().getValueAtPercentile(99) / 1000.0, "ms");
            results.add("  failed requests at saturation", saturated.failed(), "requests");

            HttpLoad.Outcome fixed = load.post(64, 1000, 30, 7, HttpLoad.IdSink.none());
            results.add("offered 1,000/s: achieved", fixed.createdPerSecond(), "reg/s");
            results.add("  latency p50 at 1,000/s", fixed.latencyMicros().getValueAtPercentile(50) / 1000.0, "ms");
            results.add("  latency p99 at 1,000/s", fixed.latencyMicros().getValueAtPercentile(99) / 1000.0, "ms",
                    "<= 50 ms");
            results.add("  latency max at 1,000/s", fixed.latencyMicros().getMaxValue() / 1000.0, "ms");
            results.add("  failed requests at 1,000/s", fixed.failed(), "requests");
            suite.recordMemory(results, "after load", services);
        }
        return results;
    }
}
