package com.telco.complaints.bench;

import com.telco.complaints.deploy.suite.Service;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
             LogCounter log = new LogCounter(suite.endpoints().bootstrapServers(), suite.endpoints().topics().events())) {
            suite.recordMemory(results, "idle", services);
            LeanHttp load = new LeanHttp(suite.uri(Service.INTAKE, "/complaints"));
            HttpLoad reader = new HttpLoad();
            System.out.println("warming up ...");
            load.post(32, Math.max(1, rate / 2), 60, 1, HttpLoad.IdSink.none());
            log.awaitQuiet(Duration.ofSeconds(120));
            // The log going quiet does not mean analytics (which writes nothing) has read it all: wait
            // until every consuming service has, or the warm-up's backlog is measured as latency.
            for (String group : List.of("routing-service", "sla-service", "survey-service", "analytics-service")) {
                log.awaitCaughtUp(group, Duration.ofMinutes(5));
            }

            Histogram e2e = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
            AtomicLong followed = new AtomicLong();
            AtomicLong lost = new AtomicLong();
            AtomicLong counter = new AtomicLong();
            ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
            HttpLoad.IdSink follow = (id, due) -> {
                if (counter.incrementAndGet() % SAMPLE != 0) {
                    return;
                }
                followed.incrementAndGet();
                URI uri = suite.uri(Service.ANALYTICS, "/cases/" + id);
                pollers.schedule(new Runnable() {
                    @Override
                    public void run() {
                        try {
                            var response = reader.get(uri);
                            if (response.statusCode() == 200 && response.body().contains("\"returnDeadline\":\"")) {
                                e2e.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                                return;
                            }
                        } catch (Exception e) {
                            // polled again below
                        }
                        long waited = System.nanoTime() - due;
                        if (waited > TimeUnit.SECONDS.toNanos(60)) {
                            lost.incrementAndGet();
                            return;
                        }
                        // Every 20 ms at first, then every tenth of the wait so far: the figure is within
                        // 10% (or 20 ms), and a backlog is not made worse by a storm of polls.
                        pollers.schedule(this, Math.max(POLL_MS, TimeUnit.NANOSECONDS.toMillis(waited) / 10),
                                TimeUnit.MILLISECONDS);
                    }
                }, POLL_MS, TimeUnit.MILLISECONDS);
            };
            Map<String, Long> pids = new java.util.LinkedHashMap<>();
            for (Service s : services) {
                pids.put(s.name().toLowerCase(), suite.suite.pid(s).orElse(-1));
            }
            Map<String, Double> cpuBefore = CpuAccount.snapshot(pids);
            HttpLoad.Outcome outcome = load.post(64, rate, 30, 11, follow);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (e2e.getTotalCount() + lost.get() < followed.get() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            pollers.shutdownNow();
            CpuAccount.perUnit(cpuBefore, CpuAccount.snapshot(pids), outcome.created()).forEach((who, ms) ->
                    results.add("  CPU per registration: " + who, ms, "ms"));
            results.add("offered " + rate + "/s: registered", outcome.createdPerSecond(), "reg/s");
            results.add("  registration latency p99", outcome.latencyMicros().getValueAtPercentile(99) / 1000.0, "ms");
            results.add("registration -> visible in analytics, p50", e2e.getValueAtPercentile(50) / 1000.0, "ms");
            results.add("registration -> visible in analytics, p99", e2e.getValueAtPercentile(99) / 1000.0, "ms",
                    "<= 250 ms");
            results.add("registration -> visible in analytics, max", e2e.getMaxValue() / 1000.0, "ms");
            results.add("  cases followed", followed.get(), "cases");
            results.add("  not visible within 60 s", lost.get(), "cases");
            suite.recordMemory(results, "after load", services);
        }
        return results;
    }
}
