package com.telco.complaints.sla.messaging;

import com.telco.complaints.eventing.log.CatchUp;
import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.log.Isolation;
import com.telco.complaints.eventing.parking.Parking;
import com.telco.complaints.sla.config.SlaConfig;
import com.telco.complaints.sla.store.ClockStore.Due;
import com.telco.complaints.sla.store.ClockStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the clocks of the live partitions this instance owns and raises warnings and breaches as
 * the (injected) clock passes their points. After downtime it raises everything missed, each with
 * its true time. Two instances never raise the same one: partitions are owned by one instance, and
 * the raise happens under the case's row lock in the transaction that marks it. A case whose raise
 * fails for a reason that is not transient is parked (task {@value #TASK}) and left alone until it
 * is re-driven, while every other case's warnings and breaches are raised on time; so is a case
 * with a parked record, whose true state is not known.
 *
 * <p>Between two looks it sleeps until the next warning point or deadline of its partitions (plus the
 * grace), woken earlier when a clock is announced ({@link WatchAlarm}), and never longer than
 * {@code sla.watch.interval}: an idle service looks once per interval, a busy one exactly when
 * something falls due.
 */
@ApplicationScoped
public class DeadlineWatch {

    static final String TASK = "deadline-watch";
    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    @Inject
    Projection projection;
    @Inject
    ClockStore clocks;
    @Inject
    Parking parking;
    @Inject
    CatchUp catchUp;
    @Inject
    SlaConfig config;
    @Inject
    Clock clock;
    @Inject
    WatchAlarm alarm;

    private volatile Thread worker;

    void onStart(@Observes StartupEvent event) {
        worker = new Thread(this::run, "deadline-watch");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
        }
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                alarm.looking();
                int raised = tick();
                if (raised < config.watch().batchSize()) {
                    Instant now = clock.instant();
                    alarm.awaitUntil(nextLook(now), now);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("deadline watch failed, trying again: %s", Failures.describe(e));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Even a point already past waits this long: what cannot be raised now is not looked for in a loop. */
    private static final Duration LEAST_WAIT = Duration.ofMillis(100);

    /**
     * When the next point of the live partitions falls due, with the grace; at least a tenth of a
     * second and at most an interval from now.
     */
    Instant nextLook(Instant now) {
        Instant latest = now.plus(config.watch().interval());
        Instant earliest = now.plus(LEAST_WAIT.compareTo(config.watch().interval()) < 0 ? LEAST_WAIT : config.watch().interval());
        Set<Integer> partitions = catchUp.livePartitions();
        if (partitions.isEmpty()) {
            return latest;
        }
        Optional<Instant> next = clocks.nextDue(partitions).map(due -> due.plus(config.watch().grace()));
        return next.filter(look -> look.isBefore(latest)).map(look -> look.isBefore(earliest) ? earliest : look)
                .orElse(latest);
    }

    /** Raises what is due now; returns how many warnings and breaches were raised. */
    int tick() {
        Set<Integer> partitions = catchUp.livePartitions();
        if (partitions.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Due> due = clocks.due(partitions, now.minus(config.watch().grace()), config.watch().batchSize());
        AtomicInteger raised = new AtomicInteger();
        Isolation.apply(due,
                cases -> raised.addAndGet(QuarkusTransaction.requiringNew().call(() -> projection.raiseDue(
                        cases.stream().map(Due::complaintId).toList(), now, config.watch().grace()))),
                (failed, failure) -> {
                    QuarkusTransaction.requiringNew().run(() -> parking.parkTask(TASK, failed.partition(),
                            failed.complaintId(), Failures.describe(failure)));
                    LOG.warnf("parked the deadline watch of %s: %s", failed.complaintId(), Failures.describe(failure));
                });
        return raised.get();
    }
}
