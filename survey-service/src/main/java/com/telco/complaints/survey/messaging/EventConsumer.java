package com.telco.complaints.survey.messaging;

import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.survey.store.Projection;
import com.telco.complaints.survey.store.Projection.LogRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

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

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("events-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) throws InterruptedException {
        List<LogRecord> records = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> r : batch) {
            Header type = r.headers().lastHeader(CloudEvents.TYPE);
            records.add(new LogRecord(r.partition(), r.offset(), type == null ? null : CloudEvents.string(type.value()),
                    r.value()));
        }
        long backoff = 100;
        while (true) {
            try {
                Projection.Applied applied = QuarkusTransaction.requiringNew()
                        .call(() -> projection.apply(records, Projection.Target.LIVE));
                // Counted after the commit, so a retried batch is not counted twice.
                meters.counter("survey.tasks.opened").increment(applied.tasksOpened());
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
