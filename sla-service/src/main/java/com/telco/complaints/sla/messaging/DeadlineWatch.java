package com.telco.complaints.sla.messaging;

import com.telco.complaints.sla.config.SlaConfig;
import com.telco.complaints.sla.store.ClockProjection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Set;

/**
 * Watches the clocks of the live partitions this instance owns and raises warnings and breaches as
 * the (injected) clock passes their points. After downtime it raises everything missed, each with
 * its true time. Two instances never raise the same one: partitions are owned by one instance, and
 * the raise happens under the case's row lock in the transaction that marks it.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    @Inject
    ClockProjection projection;
    @Inject
    CatchUp catchUp;
    @Inject
    SlaConfig config;
    @Inject
    Clock clock;

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
                int raised = tick();
                if (raised < config.watch().batchSize()) {
                    Thread.sleep(config.watch().interval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("deadline watch failed, trying again: %s", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Raises what is due now; returns how many warnings and breaches were raised. */
    int tick() {
        Set<Integer> partitions = catchUp.livePartitions();
        if (partitions.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> projection.raiseDue(partitions, clock.instant(),
                config.watch().grace(), config.watch().batchSize()));
    }
}
