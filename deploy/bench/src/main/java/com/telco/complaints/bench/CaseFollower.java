package com.telco.complaints.bench;

import com.telco.complaints.deploy.suite.Service;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows registrations end to end: from a registration's due time until analytics'
 * {@code /cases/{id}} shows its work order with the RETURN deadline the SLA service announced. One
 * registration in {@code every} is followed, polled every {@code pollMs} at first and then every
 * tenth of the wait so far (the figure is within 10%, and a backlog is not made worse by a storm of
 * polls); one not visible after {@code giveUpAfter} is counted as not visible.
 */
final class CaseFollower implements AutoCloseable {

    private final BenchSuite suite;
    private final HttpLoad reader;
    private final int every;
    private final long pollMs;
    private final Duration giveUpAfter;
    private final ScheduledExecutorService pollers;
    private final Histogram e2e = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
    private final AtomicLong followed = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong counter = new AtomicLong();

    CaseFollower(BenchSuite suite, int every, long pollMs, Duration giveUpAfter, int threads) {
        this.suite = suite;
        this.reader = new HttpLoad(suite.token("operator"));
        this.every = Math.max(1, every);
        this.pollMs = pollMs;
        this.giveUpAfter = giveUpAfter;
        this.pollers = Executors.newScheduledThreadPool(threads);
    }

    /** What the load generator calls with each registration it made. */
    HttpLoad.IdSink sink() {
        return (id, due) -> {
            if (counter.incrementAndGet() % every != 0) {
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
                    if (waited > giveUpAfter.toNanos()) {
                        lost.incrementAndGet();
                        return;
                    }
                    pollers.schedule(this, Math.max(pollMs, TimeUnit.NANOSECONDS.toMillis(waited) / 10),
                            TimeUnit.MILLISECONDS);
                }
            }, pollMs, TimeUnit.MILLISECONDS);
        };
    }

    /** Waits (bounded) until every followed registration is visible or given up on. */
    void awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (e2e.getTotalCount() + lost.get() < followed.get() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Microseconds from due time to visible, of the followed registrations that became visible. */
    Histogram latency() {
        return e2e;
    }

    long followed() {
        return followed.get();
    }

    long lost() {
        return lost.get();
    }

    @Override
    public void close() {
        pollers.shutdownNow();
    }
}
