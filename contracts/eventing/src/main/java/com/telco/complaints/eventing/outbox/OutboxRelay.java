package com.telco.complaints.eventing.outbox;

import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.RelayedIds;
import com.telco.complaints.eventing.config.EventingConfig;
import com.telco.complaints.eventing.log.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox rows to the log, each exactly once. A batch goes out in one Kafka
 * transaction that also commits, as the offset metadata of the relay's own consumer group
 * ({@code <service>-outbox-relay}, partition 0 of complaint-events), which outbox rows it carries;
 * the rows are deleted after the commit. When a relay dies between the Kafka commit and that
 * delete, the next one (this instance restarted, or another) finds the rows named in the last
 * committed batch and deletes them instead of sending them again. The transactional id
 * ({@code <service>-outbox-relay.<topic>}) fences a relay that lost the lead: its open transaction
 * is aborted, and every consumer reads committed records only. One instance leads at a time (a
 * session advisory lock named after the service), so the log keeps the order of the outbox.
 *
 * <p>A row the broker refuses for good (too large, invalid) is moved to {@code outbox_failed} with
 * the reason, and the rows after it go out: one bad row never stalls the service.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Outbox outbox;
    @Inject
    EventingConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    RelayMetrics relayMetrics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @ConfigProperty(name = "complaints.topics.events")
    String topic;

    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong relayed = new AtomicLong();
    private Counter refused;
    private volatile Thread worker;
    /** While this instance leads: the connection holding the lock, the transactional producer, the listener. */
    private Connection lead;
    private KafkaProducer<String, byte[]> producer;
    private WakeUpListener listener;
    private ExecutorService notifier;

    void onStart(@Observes StartupEvent event) {
        meters.gauge("outbox.relayed", relayed);
        refused = meters.counter("outbox.refused");
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        synchronized (this) {
            if (notifier != null) {
                notifier.shutdown();
            }
        }
    }

    /**
     * After a commit that wrote to the outbox: this instance's relay if it leads, otherwise (it never
     * led, or lost the lead while the transaction ran) the leader's, by a notification sent from a
     * thread outside the committed transaction.
     */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (outbox.leadingHere()) {
            wake.release();
            return;
        }
        notifier().execute(() -> {
            try {
                outbox.notifyLeader();
            } catch (RuntimeException e) {
                LOG.debugf("could not wake the leading relay (its idle poll finds the rows): %s", Failures.describe(e));
            }
        });
    }

    private synchronized ExecutorService notifier() {
        if (notifier == null) {
            notifier = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "outbox-notify-leader");
                t.setDaemon(true);
                return t;
            });
        }
        return notifier;
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

    /** Stops relaying after the batch in flight and gives up the lead; committed rows wait in the outbox. */
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
        try {
            while (worker == Thread.currentThread()) {
                try {
                    boolean leading = lead();
                    if (leading && (listener == null || !listener.alive())) {
                        // Its connection broke (or never opened): listen again, or rows of other
                        // instances would wait for the idle poll while this one leads.
                        listener = WakeUpListener.start(outbox, wake::release);
                    }
                    int sent = leading ? relayBatch() : 0;
                    backoff = Duration.ofMillis(100);
                    if (sent == 0) {
                        // A leader is woken by every commit (in-process, or notified by another
                        // instance); one that does not lead tries to take over sooner.
                        Duration idle = lead != null ? config.outbox().idlePoll() : config.outbox().takeoverPoll();
                        wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                        wake.drainPermits();
                    } else if (sent < config.outbox().batchSize()) {
                        TimeUnit.MILLISECONDS.sleep(config.outbox().linger().toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    resign();
                    if (worker != Thread.currentThread() || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoff.toMillis(), Failures.describe(e));
                    try {
                        Thread.sleep(backoff.toMillis());
                    } catch (InterruptedException stop) {
                        return;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            resign();
        }
    }

    /**
     * Whether this instance leads. Taking the lead fences any earlier relay's producer and deletes
     * the rows of the last batch that reached the log but not the delete.
     */
    private boolean lead() {
        if (lead != null) {
            return true;
        }
        lead = outbox.tryLead().orElse(null);
        if (lead == null) {
            return false;
        }
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, outbox.relayName() + "." + topic);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
        producer.initTransactions();
        Set<Long> carried = RelayedIds.parse(lastBatch());
        if (!carried.isEmpty()) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> outbox.delete(carried));
            if (deleted > 0) {
                LOG.infof("%d outbox rows were already on the log (the last relay stopped before deleting them)",
                        deleted);
            }
        }
        return true;
    }

    /** The metadata of the last batch committed to the log by any relay of this service. */
    private String lastBatch() {
        Map<String, Object> props = new HashMap<>(kafka);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                    Map.of(outbox.relayName(), new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(marker()))),
                    new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata(outbox.relayName()).get(30, TimeUnit.SECONDS);
            OffsetAndMetadata last = committed.get(marker());
            return last == null ? "" : last.metadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the relay's last batch", e);
        } catch (Exception e) {
            throw new IllegalStateException("reading the relay's last batch", e);
        }
    }

    /** Gives up the lead: aborts what is in flight and frees the lock for another instance. */
    private void resign() {
        if (listener != null) {
            listener.stop();
            listener = null;
        }
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            LOG.debugf("closing the relay's producer: %s", e);
        } finally {
            producer = null;
        }
        if (lead != null) {
            outbox.release(lead);
            lead = null;
        }
    }

    /** Relays one batch: returns how many rows went out (or were moved aside). */
    int relayBatch() throws InterruptedException {
        List<Outbox.Row> next = outbox.next(config.outbox().batchSize());
        long[] ids = next.stream().mapToLong(Outbox.Row::id).toArray();
        int count = RelayedIds.fitting(ids);
        if (count == 0) {
            return 0;
        }
        List<Outbox.Row> rows = next.subList(0, count);
        Throwable failure = send(rows);
        if (failure == null) {
            return rows.size();
        }
        if (!refusedForGood(failure)) {
            throw new IllegalStateException("sending " + rows.size() + " outbox rows", failure);
        }
        // Once the broker refuses one record, the producer fails every record still in flight with the same
        // error, so the batch does not tell which row it was: relay the batch again row by row. Every row that
        // goes out alone is fine; the one refused alone is moved aside, and the rows after it go out.
        int done = 0;
        for (Outbox.Row row : rows) {
            Throwable alone = send(List.of(row));
            if (alone != null) {
                if (!refusedForGood(alone)) {
                    throw new IllegalStateException("sending outbox row " + row.id(), alone);
                }
                String reason = alone.getClass().getSimpleName() + ": " + alone.getMessage();
                QuarkusTransaction.requiringNew().run(() -> outbox.moveToFailed(row.id(), reason));
                LOG.warnf("outbox row %d (%s) refused by the broker for good, moved to outbox_failed: %s", row.id(),
                        row.headers().get(CloudEvents.TYPE), reason);
                refused.increment();
            }
            done++;
        }
        return done;
    }

    /**
     * Sends rows in one Kafka transaction that also commits the marker naming them, then deletes them.
     * Returns null when they went out, or the first failure (the transaction aborted, the rows kept).
     */
    private Throwable send(List<Outbox.Row> rows) throws InterruptedException {
        long[] ids = rows.stream().mapToLong(Outbox.Row::id).toArray();
        long began = System.nanoTime();
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        for (Outbox.Row row : rows) {
            RecordHeaders headers = new RecordHeaders();
            row.headers().forEach((name, value) -> headers.add(name, CloudEvents.bytes(value)));
            sent.add(send(new ProducerRecord<>(row.topic() == null ? topic : row.topic(), null, row.key(), row.payload(),
                    headers)));
        }
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            Throwable failure = failure(future);
            if (failure != null) {
                producer.abortTransaction();
                return failure;
            }
        }
        producer.sendOffsetsToTransaction(
                Map.of(marker(), new OffsetAndMetadata(ids[ids.length - 1], RelayedIds.format(ids, ids.length))),
                new ConsumerGroupMetadata(outbox.relayName()));
        producer.commitTransaction();
        relayMetrics.committed(rows.size(), System.nanoTime() - began);
        QuarkusTransaction.requiringNew().call(() -> outbox.delete(Arrays.stream(ids).boxed().toList()));
        relayed.addAndGet(rows.size());
        return null;
    }

    private Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            // Refused at once (or the transaction already failed on an earlier record): judged with the others.
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable failure(Future<RecordMetadata> sent) throws InterruptedException {
        try {
            sent.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /** The broker (or the client) will never take this record as it is. */
    private static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof CorruptRecordException
                || failure instanceof SerializationException || failure instanceof InvalidTopicException;
    }

    private TopicPartition marker() {
        return new TopicPartition(topic, 0);
    }
}
