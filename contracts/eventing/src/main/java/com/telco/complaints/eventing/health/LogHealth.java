package com.telco.complaints.eventing.health;

import com.telco.complaints.eventing.log.CatchUp;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.eventing.log.LogConsumer;
import com.telco.complaints.eventing.log.ParkReason;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.parking.Parking;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How the service stands with its log, in {@code /q/health}: the partitions it owns and replays,
 * the records it parked, its outbox, and the failure it is retrying, if any. It stays UP while
 * records are parked (a restart would not help: they wait for a fix and a re-drive) and while a
 * transient failure is retried (the database's and the broker's own checks say whether they answer).
 */
@Readiness
@ApplicationScoped
public class LogHealth implements HealthCheck {

    @Inject
    LogApplier applier;
    @Inject
    LogConsumer consumer;
    @Inject
    CatchUp catchUp;
    @Inject
    Parking parking;
    @Inject
    Outbox outbox;
    @Inject
    MeterRegistry meters;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("log.parked.records", this, h -> h.safely(() -> h.parking.count(null)))
                .description("Records parked now, waiting for a re-drive").register(meters);
        Gauge.builder("outbox.pending", this, h -> h.safely(h.outbox::pending)).register(meters);
        Gauge.builder("outbox.failed.records", this, h -> h.safely(h.outbox::failedCount)).register(meters);
        if (applier.enabled() && applier.handler().failurePolicy().parks()) {
            // Every reason at zero from the start: the first parking is then an increase() of log_parked_total,
            // not a new series that Prometheus sees appear at 1.
            for (ParkReason reason : ParkReason.values()) {
                meters.counter("log.parked", "reason", reason.code());
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event log").up();
        if (applier.enabled()) {
            response.withData("partitions", catchUp.assigned().toString())
                    .withData("replaying", catchUp.replaying().toString());
            if (applier.handler().failurePolicy().parks()) {
                response.withData("parked", safely(() -> parking.count(null)));
            }
            if (consumer.failing() != null) {
                response.withData("retrying", consumer.failing()).withData("retryingSince",
                        String.valueOf(consumer.failingSince()));
            }
        }
        response.withData("outboxPending", safely(outbox::pending));
        response.withData("outboxRefused", safely(outbox::failedCount));
        return response.build();
    }

    private long safely(java.util.function.LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            return -1; // the database does not answer; its own check says so
        }
    }
}
