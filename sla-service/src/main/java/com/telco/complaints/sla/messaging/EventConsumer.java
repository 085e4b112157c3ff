package com.telco.complaints.sla.messaging;

import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.sla.store.ClockProjection;
import com.telco.complaints.sla.store.ClockProjection.LogRecord;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows {@code complaint-events}: each polled batch is applied in one transaction. A failing
 * transaction (database down, a rebuild swapping tables) is retried until it succeeds, so the
 * consumer never skips a batch and never stops.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    ClockProjection projection;
    @Inject
    CatchUp catchUp;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("events-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) throws InterruptedException {
        List<LogRecord> records = new ArrayList<>(batch.count());
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            Header type = r.headers().lastHeader(CloudEvents.TYPE);
            records.add(new LogRecord(r.partition(), r.offset(), type == null ? null : CloudEvents.string(type.value()),
                    r.value()));
            next.merge(r.partition(), r.offset() + 1, Math::max);
        }
        Set<Integer> caughtUp = catchUp.reachedEnd(next);
        long backoff = 100;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    projection.apply(records, catchUp::deciding, ClockProjection.Target.LIVE);
                    if (!caughtUp.isEmpty()) {
                        int decided = projection.reconcile(caughtUp);
                        LOG.infof("partitions %s replayed; %d clocks announced now", caughtUp, decided);
                    }
                });
                caughtUp.forEach(catchUp::caughtUp);
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
