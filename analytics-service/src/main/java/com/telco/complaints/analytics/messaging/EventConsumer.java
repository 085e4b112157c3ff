package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.store.Projection;
import com.telco.complaints.analytics.store.Projection.LogRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Follows {@code complaint-events}: each polled batch is applied in one transaction. A failing
 * transaction (database down, a rebuild swapping tables) is retried until it succeeds, so the
 * consumer never skips a batch and never stops.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    Projection projection;
    @Inject
    MeterRegistry meters;

    private volatile boolean stopping;
    private Timer batches;

    @PostConstruct
    void meters() {
        // How long a polled batch takes to apply: with the batch size, what projection lag is made of.
        batches = Timer.builder("analytics.projection.batch").publishPercentiles(0.5, 0.99).register(meters);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("events-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) throws InterruptedException {
        List<LogRecord> records = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> r : batch) {
            records.add(Records.of(r));
        }
        long started = System.nanoTime();
        Projection.Batch read = projection.read(records);
        long backoff = 100;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> projection.apply(read, Projection.Target.LIVE));
                batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e; // offsets in the database still point at this batch; it is read again after restart
                }
                LOG.warnf("applying %d records failed, retrying in %d ms: %s", records.size(), backoff, e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }
}
