package com.telco.complaints.routing.messaging;

import com.telco.complaints.eventing.log.CatchUp;
import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.log.Isolation;
import com.telco.complaints.eventing.parking.Parking;
import com.telco.complaints.routing.config.RoutingConfig;
import com.telco.complaints.routing.store.CaseStore;
import com.telco.complaints.routing.store.CaseStore.Due;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Escalates work orders left open past their return deadline, level after level, as each level's delay passes by
 * the (injected) clock; a level without delay is decided as soon as the breach is read, with the breach. It also
 * decides what a decision taken over REST left owed (a transfer to a department whose next level is due already;
 * the consumer decides only for the events it reads, and skips routing's own). The watch looks every
 * {@code routing.escalation.watch-interval} at the live partitions this instance owns (a partition still replaying
 * decides nothing until it is caught up), and decides under the case's row lock with the ids of the facts, so a
 * level is decided once whoever looks. A case whose escalation fails for a reason that is not transient is parked
 * (task {@value #TASK}) and left alone until it is re-driven.
 */
@ApplicationScoped
public class EscalationWatch {

    static final String TASK = "escalation-watch";
    private static final Logger LOG = Logger.getLogger(EscalationWatch.class);

    @Inject
    Projection projection;
    @Inject
    CaseStore cases;
    @Inject
    Parking parking;
    @Inject
    CatchUp catchUp;
    @Inject
    RoutingConfig config;
    @Inject
    Clock clock;

    private ScheduledExecutorService watch;

    void onStart(@Observes StartupEvent event) {
        watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "escalation-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.escalation().watchInterval().toMillis();
        watch.scheduleWithFixedDelay(this::lookQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watch != null) {
            watch.shutdownNow();
        }
    }

    private void lookQuietly() {
        try {
            while (look() >= config.escalation().batchSize()) {
                // a full batch, all decided: look again at once
            }
        } catch (RuntimeException e) {
            LOG.warnf("escalation watch failed, looking again in %s: %s", config.escalation().watchInterval(),
                    Failures.describe(e));
        }
    }

    /**
     * Decides for the cases owed a decision now on the live partitions; returns how many cases were looked at when
     * it decided something for them, else 0 (so that a case it cannot decide for is not looked at in a loop).
     */
    int look() {
        Set<Integer> partitions = catchUp.livePartitions();
        if (partitions.isEmpty()) {
            return 0;
        }
        List<Due> due = cases.owedNow(partitions, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                config.escalation().batchSize());
        AtomicInteger decided = new AtomicInteger();
        Isolation.apply(due,
                run -> decided.addAndGet(QuarkusTransaction.requiringNew().call(() -> projection.decideFor(
                        run.stream().map(Due::complaintId).toList()))),
                (failed, failure) -> {
                    QuarkusTransaction.requiringNew().run(() -> parking.parkTask(TASK, failed.partition(),
                            failed.complaintId(), Failures.describe(failure)));
                    LOG.warnf("parked the escalation of %s: %s", failed.complaintId(), Failures.describe(failure));
                });
        if (decided.get() == 0) {
            return 0;
        }
        LOG.debugf("decided %d events for %d cases", decided.get(), due.size());
        return due.size();
    }
}
