package com.telco.complaints.bench;

import com.telco.complaints.deploy.suite.Service;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a complaint costs: the whole suite (five services, the broker, PostgreSQL) at a steady rate of
 * registrations for a fixed time, after an idle measurement. Prints the CPU each party spent per
 * registration and the end-to-end latency: from a registration's due time until analytics'
 * {@code /cases/{id}} shows the case dispatched with the RETURN deadline the SLA service announced.
 * {@code --saturate} steps the rate up until the suite no longer keeps up (a backlog: registrations
 * not visible within 10 s, or fewer registered than offered) and reports the last rate it carried.
 */
final class CostBench {

    private static final int POLL_MS = 10;
    /** Followed registrations per second at the most: polling analytics is load too. */
    private static final int FOLLOWED_PER_SECOND = 10;
    private static final Duration BACKLOG = Duration.ofSeconds(10);

    private CostBench() {}

    /** One measurement at a steady rate. */
    record Step(int rate, double registeredPerSecond, Map<String, Double> cpuPerRegistration, double cpuTotal,
                Histogram e2e, long followed, long lost) {
        boolean keptUp() {
            return lost == 0 && registeredPerSecond >= rate * 0.97
                    && e2e.getValueAtPercentile(99) < TimeUnit.MILLISECONDS.toMicros(BACKLOG.toMillis());
        }
    }

    static Results run(List<Integer> rates, int seconds, boolean saturate) throws Exception {
        Results results = new Results(saturate ? "cost-saturation" : "cost-" + rates.get(0));
        List<Service> services = List.of(Service.values());
        try (BenchSuite suite = BenchSuite.start(services, Map.of());
             LogCounter log = new LogCounter(suite.endpoints().kafkaAdmin(), suite.endpoints().topics().events())) {
            Map<String, Long> pids = new LinkedHashMap<>();
            for (Service s : services) {
                pids.put(s.name().toLowerCase(), suite.suite.pid(s).orElse(-1));
            }
            LeanHttp load = new LeanHttp(suite.uri(Service.INTAKE, "/complaints"), suite.token("submitter"));
            System.out.println("warming up ...");
            load.post(16, 50, 40, 1, HttpLoad.IdSink.none());
            settle(log);

            // Idle: what the suite costs doing nothing, once the compilers are done with the warm-up
            // (they keep a busy minute's code compiling for about half a minute after it).
            TimeUnit.SECONDS.sleep(30);
            Map<String, Double> before = CpuAccount.snapshot(pids);
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(40);
            double idleSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> idle = CpuAccount.perUnit(before, CpuAccount.snapshot(pids), 1);
            double idleCores = suiteOnly(idle) / 1000 / idleSeconds;
            results.add("idle suite: cores in use, all parties but the load generator", idleCores, "cores", "<= 0.05");
            idle.forEach((who, ms) -> results.add("  idle: " + who, ms / 1000 / idleSeconds, "cores"));

            List<Integer> plan = new ArrayList<>(rates);
            Step lastKept = null;
            for (int i = 0; i < plan.size(); i++) {
                int rate = plan.get(i);
                Step step = measure(suite, load, log, pids, rate, seconds, 100 + i);
                report(results, step);
                settle(log);
                if (saturate) {
                    if (!step.keptUp()) {
                        break;
                    }
                    lastKept = step;
                    if (i == plan.size() - 1) {
                        plan.add(rate + Math.max(50, rate / 4));
                    }
                }
            }
            if (saturate) {
                results.add("saturation: the highest rate carried without a backlog", lastKept == null ? 0 : lastKept.rate,
                        "reg/s", ">= 500");
            }
            suite.recordMemory(results, "after load", services);
        }
        return results;
    }

    /**
     * Two phases at the same rate: first the CPU, with nobody reading (polling analytics for the
     * latency is load of its own, on analytics, PostgreSQL and the load generator), then the latency,
     * following up to {@value #FOLLOWED_PER_SECOND} registrations a second; the log is settled
     * between them.
     */
    private static Step measure(BenchSuite suite, LeanHttp load, LogCounter log, Map<String, Long> pids, int rate,
                                int seconds, long seed) throws Exception {
        System.out.printf("steady %d registrations/s for %d s (CPU) ...%n", rate, seconds);
        Map<String, Double> before = CpuAccount.snapshot(pids);
        long t0 = System.nanoTime();
        HttpLoad.Outcome outcome = load.post(connections(rate), rate, seconds, seed, HttpLoad.IdSink.none());
        // CPU up to the end of the load plus the time its last registrations take to get through
        // (about two seconds of idle suite on top).
        settle(log);
        Map<String, Double> perRegistration = CpuAccount.perUnit(before, CpuAccount.snapshot(pids), outcome.created());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double total = suiteOnly(perRegistration);

        int latencySeconds = Math.max(10, seconds / 2);
        System.out.printf("steady %d registrations/s for %d s (end to end) ...%n", rate, latencySeconds);
        CaseFollower latency = follow(suite, load, rate, latencySeconds, seed + 1000);
        return new Step(rate, outcome.createdPerSecond(), perRegistration, total * outcome.created() / 1000 / elapsed,
                latency.latency(), latency.followed(), latency.lost());
    }

    private static int connections(int rate) {
        return Math.max(4, Math.min(64, rate / 4));
    }

    private static CaseFollower follow(BenchSuite suite, LeanHttp load, int rate, int seconds, long seed)
            throws Exception {
        try (CaseFollower follower = new CaseFollower(suite, rate / FOLLOWED_PER_SECOND, POLL_MS, BACKLOG, 2)) {
            load.post(connections(rate), rate, seconds, seed, follower.sink());
            follower.awaitAll(BACKLOG.plusSeconds(5));
            return follower;
        }
    }

    /** The sum over the suite's parties: the services, the broker and PostgreSQL, not this JVM. */
    private static double suiteOnly(Map<String, Double> byParty) {
        return byParty.entrySet().stream().filter(e -> !e.getKey().equals(CpuAccount.LOAD_GENERATOR))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static void report(Results results, Step step) {
        String at = "at " + step.rate + "/s: ";
        double perRegistration = suiteOnly(step.cpuPerRegistration);
        String target = step.rate <= 20 ? "<= 10 ms" : step.rate >= 200 ? "<= 4 ms" : null;
        results.add(at + "registered", step.registeredPerSecond, "reg/s");
        results.add(at + "CPU per registration, all parties but the load generator", perRegistration, "ms", target);
        step.cpuPerRegistration.forEach((who, ms) -> results.add("  " + at + who, ms, "ms"));
        results.add(at + "cores in use, all parties but the load generator", step.cpuTotal, "cores");
        String latencyTarget = step.rate <= 5 ? "<= 150 ms" : step.rate == 100 ? "<= 250 ms" : null;
        results.add(at + "end to end p50", step.e2e.getValueAtPercentile(50) / 1000.0, "ms");
        results.add(at + "end to end p99", step.e2e.getValueAtPercentile(99) / 1000.0, "ms", latencyTarget);
        results.add(at + "end to end max", step.e2e.getMaxValue() / 1000.0, "ms");
        results.add(at + "followed / not visible within " + BACKLOG.toSeconds() + " s", step.followed, "cases",
                null, null, null, step.lost + " not visible");
    }

    /** Waits until the log is quiet and every consumer has read it. */
    private static void settle(LogCounter log) throws Exception {
        log.awaitQuiet(Duration.ofSeconds(120));
        for (String group : List.of("routing-service", "sla-service", "survey-service", "analytics-service")) {
            log.awaitCaughtUp(group, Duration.ofMinutes(5));
        }
    }
}
