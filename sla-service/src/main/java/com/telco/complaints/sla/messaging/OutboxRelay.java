package com.telco.complaints.sla.messaging;

import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.sla.config.SlaConfig;
import com.telco.complaints.sla.store.Outbox;
import com.telco.complaints.sla.store.OutboxWritten;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox rows to {@code complaint-events}: in id order, waiting for the broker's
 * acknowledgement (acks=all, idempotent producer) before deleting them in the same transaction.
 * A crash before the delete sends the rows again on restart; consumers deduplicate by event id.
 * One instance relays at a time (an advisory lock), so the log keeps the order of the outbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel("events-out")
    MutinyEmitter<byte[]> emitter;
    @Inject
    Outbox outbox;
    @Inject
    SlaConfig config;
    @Inject
    MeterRegistry meters;

    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong relayed = new AtomicLong();
    private volatile Thread worker;

    void onStart(@Observes StartupEvent event) {
        meters.gauge("outbox.relayed", relayed);
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake.release();
    }

    /** Starts relaying (again); what was committed meanwhile goes out now. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops relaying after the batch in flight; committed rows wait in the outbox. */
    public synchronized void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (worker == Thread.currentThread()) {
            try {
                int sent = relayBatch();
                backoff = Duration.ofMillis(100);
                if (sent == 0) {
                    wake.tryAcquire(config.outbox().idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (worker != Thread.currentThread()) {
                    return;
                }
                LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Relays one batch in one transaction; returns how many rows went out. */
    int relayBatch() throws InterruptedException {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!outbox.tryLead()) {
                return 0;
            }
            List<Outbox.Row> rows = outbox.next(config.outbox().batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            // Sent with the transaction suspended: the emitter's threads must not join it. The rows stay
            // locked (the advisory lock is held) until the deletes commit.
            QuarkusTransaction.suspendingExisting().call(() -> {
                CompletableFuture<?>[] acks = rows.stream()
                        .map(row -> emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage())
                        .toArray(CompletableFuture[]::new);
                return CompletableFuture.allOf(acks).get(60, TimeUnit.SECONDS);
            });
            outbox.delete(rows);
            relayed.addAndGet(rows.size());
            return rows.size();
        });
    }

    private static Message<byte[]> toMessage(Outbox.Row row) {
        RecordHeaders headers = new RecordHeaders();
        row.headers().forEach((name, value) -> headers.add(name, CloudEvents.bytes(value)));
        return Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.key()).withHeaders(headers).build());
    }
}
