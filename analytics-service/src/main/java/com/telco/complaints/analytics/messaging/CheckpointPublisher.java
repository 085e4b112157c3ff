package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.config.AnalyticsConfig;
import com.telco.complaints.analytics.config.ChainKey;
import com.telco.complaints.analytics.domain.AuditCheckpoint;
import com.telco.complaints.analytics.store.ArchiveState;
import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.store.Sql;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a signed checkpoint of the archive ({@link AuditCheckpoint}) every
 * {@code analytics.audit.checkpoint-interval}, and only when the archive moved since the last one:
 * an idle archive costs one small query per interval and nothing on the topic. Before it signs, it
 * checks that the archive still holds what the last checkpoint stated ({@link CheckpointCheck}, one
 * read of the partitions' events): an archive rewritten behind the service's back (a case deleted and
 * the digest moved to match, an older backup restored) is never signed, so the last checkpoint keeps
 * standing against it. A checkpoint that cannot be published is logged and tried again at the next
 * interval; it never stops the service. The sequence goes on from the last checkpoint on the topic
 * whose mac holds, across restarts. Several instances share one archive: whoever holds the
 * advisory lock {@value #LOCK} publishes, after reading the topic's last checkpoint again, so two
 * never sign the same sequence number and an archive another instance just signed is not signed twice.
 */
@ApplicationScoped
public class CheckpointPublisher {

    private static final Logger LOG = Logger.getLogger(CheckpointPublisher.class);

    /** How far back from the topic's end a restart looks for the last checkpoint it can trust. */
    private static final int LOOK_BACK = 20;
    static final String LOCK = "analytics-audit-checkpoints";

    @Inject
    ArchiveState state;
    @Inject
    CheckpointTopic topic;
    @Inject
    ChainKey key;
    @Inject
    AnalyticsConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;
    @Inject
    CheckpointCheck check;
    @Inject
    AgroalDataSource dataSource;

    private final AtomicLong sequence = new AtomicLong();
    private Counter failures;
    private Counter refused;
    private ScheduledExecutorService scheduler;
    /** The last checkpoint this instance published or found on the topic; null before the first look. */
    private AuditCheckpoint last;

    void onStart(@Observes StartupEvent event) {
        meters.gauge("audit.checkpoint.sequence", sequence);
        failures = meters.counter("audit.checkpoint.failures");
        refused = meters.counter("audit.checkpoint.refused");
        long every = config.audit().checkpointInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::publishQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /**
     * Publishes a checkpoint of the archive as it is now, unless the last one states the same archive
     * (or nothing was ever archived). Returns the checkpoint published.
     *
     * @throws RuntimeException when the archive or the topic cannot be read, or the checkpoint not published
     */
    public synchronized Optional<AuditCheckpoint> publishIfMoved() throws InterruptedException {
        List<AuditCheckpoint.Partition> now = state.snapshot();
        if (now.isEmpty() || (last != null && last.partitions().equals(now))) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "pg_try_advisory_lock")) {
                return Optional.empty(); // another instance is publishing
            }
            try {
                return publishLocked(now);
            } finally {
                lock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("taking the checkpoint lock: " + e.getMessage(), e);
        }
    }

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?)")) {
            s.setLong(1, Sql.lockKey(LOCK));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Optional<AuditCheckpoint> publishLocked(List<AuditCheckpoint.Partition> now) throws InterruptedException {
        last = lastTrusted();
        sequence.set(last == null ? 0 : last.sequence());
        if (last != null && last.partitions().equals(now)) {
            return Optional.empty();
        }
        if (last != null) {
            List<CheckpointCheck.PartitionDisagreement> disagreements = check.disagreements(last);
            if (!disagreements.isEmpty()) {
                refused.increment();
                LOG.errorf("the audit archive no longer holds what checkpoint %d stated (%s): no checkpoint is "
                        + "signed over it; GET /audit/verify names what differs", last.sequence(), disagreements);
                return Optional.empty();
            }
            // What is signed must be what was checked: an archive that changed while it was checked
            // (a rebuild swapped in, a batch applied, a rewrite) waits for the next interval.
            if (!state.snapshot().equals(now)) {
                return Optional.empty();
            }
        }
        AuditCheckpoint checkpoint = AuditCheckpoint.of(clock.instant(), last == null ? 1 : last.sequence() + 1, now)
                .signed(key.bytes());
        topic.publish(checkpoint);
        last = checkpoint;
        sequence.set(checkpoint.sequence());
        LOG.debugf("audit checkpoint %d published: %d cases, %d events", checkpoint.sequence(), checkpoint.cases(),
                checkpoint.events());
        return Optional.of(checkpoint);
    }

    private void publishQuietly() {
        try {
            publishIfMoved();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("publishing the audit checkpoint failed, trying again in %s: %s",
                    config.audit().checkpointInterval(), Failures.describe(e));
        }
    }

    /**
     * The checkpoint with the highest sequence near the topic's end whose mac holds (an older genuine
     * one appended again is not followed); records whose mac does not hold are reported, not followed.
     *
     * @throws IllegalStateException when the topic has records but none of them is a checkpoint of
     *                               this archive: signing sequence 1 over whatever the archive holds
     *                               then would bless a rewrite
     */
    private AuditCheckpoint lastTrusted() {
        List<CheckpointTopic.Entry> entries = topic.last(LOOK_BACK);
        AuditCheckpoint best = null;
        for (CheckpointTopic.Entry entry : entries) {
            AuditCheckpoint c = entry.checkpoint();
            if (c != null && c.macValid(key.bytes())) {
                if (best == null || c.sequence() > best.sequence()) {
                    best = c;
                }
            } else {
                LOG.warnf("record %d of %s is not a checkpoint of this archive (%s): skipped", entry.offset(),
                        topic.name(), c == null ? entry.unreadable() : "its mac does not hold");
            }
        }
        if (best == null && !entries.isEmpty()) {
            refused.increment();
            throw new IllegalStateException("none of the last " + entries.size() + " records of " + topic.name()
                    + " is a checkpoint signed with this archive's key: no checkpoint is signed until one is");
        }
        return best;
    }
}
