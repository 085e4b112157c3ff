package com.telco.complaints.eventing.log;

import com.telco.complaints.eventing.config.EventingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The consumer loop of the service's log ({@code log-in}, polled in batches by SmallRye): each batch
 * is applied by the {@link LogApplier}, in one transaction when all goes well. A transient failure
 * (database or broker away, a serialization conflict, a rebuild swapping tables) is retried with
 * backoff until it passes, so no batch is skipped and the consumer never stops; anything else sets
 * the one record that causes it aside and the others are applied.
 */
@ApplicationScoped
public class LogConsumer {

    private static final Logger LOG = Logger.getLogger(LogConsumer.class);

    @Inject
    LogApplier applier;
    @Inject
    EventingConfig config;
    @Inject
    MeterRegistry meters;

    private volatile boolean stopping;
    /** Set once a batch was given up on shutdown: no later batch may apply (it would skip that one). */
    private volatile boolean abandoned;
    private volatile String failing;
    private volatile Instant failingSince;
    private Timer batches;
    private Counter applied;

    void onStart(@Observes StartupEvent event) {
        if (!applier.enabled()) {
            throw new IllegalStateException("the log-in channel is configured but no LogHandler bean applies it");
        }
        batches = Timer.builder("log.batch").description("How long a polled batch takes to apply")
                .publishPercentiles(0.5, 0.99).register(meters);
        applied = Counter.builder("log.applied").description("Records of the log the live consumer has gone past:"
                + " applied, or skipped as applied before or as its own echo, or set aside (log.parked)").register(meters);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("log-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) throws InterruptedException {
        if (abandoned) {
            throw new IllegalStateException("stopping: the batch is read again after the restart");
        }
        long started = System.nanoTime();
        List<LogRecord> records = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> r : batch) {
            records.add(LogRecord.of(r));
        }
        List<LogApplier.Entry> entries = applier.read(records);
        long backoff = 100;
        long lastReport = 0;
        while (true) {
            try {
                applier.apply(entries, false);
                if (failing != null) {
                    LOG.infof("applying the log works again after %s", failing);
                    failing = null;
                    failingSince = null;
                }
                batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                applied.increment(records.size());
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    abandoned = true; // positions in the database still point at this batch
                    throw e;
                }
                String why = Failures.describe(e);
                if (failing == null) {
                    failingSince = Instant.now();
                }
                failing = why;
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                    lastReport = System.nanoTime();
                    if (Failures.isTransient(e)) {
                        LOG.warnf("applying %d records failed, retrying with backoff: %s", records.size(), why);
                    } else {
                        LOG.errorf(e, "applying %d records failed in a way that sets no record aside, retrying", records.size());
                    }
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, config.consumer().maxBackoff().toMillis());
            }
        }
    }

    /** The failure the current batch is being retried for, or null while all goes well. */
    public String failing() {
        return failing;
    }

    public Instant failingSince() {
        return failingSince;
    }
}
