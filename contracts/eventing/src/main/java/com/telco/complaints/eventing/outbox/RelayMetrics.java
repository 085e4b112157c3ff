package com.telco.complaints.eventing.outbox;

import com.telco.complaints.eventing.config.EventingConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the relay's Kafka transactions look like: rows per committed batch ({@code outbox.relay.batch})
 * and how long each takes from begin to commit ({@code outbox.relay.transaction}). Both are histograms
 * with buckets, so the quantiles can be taken over every instance (only the leading one relays, and
 * the lead moves). Registered at start-up, so they are exported (at zero) before the first batch.
 */
@ApplicationScoped
class RelayMetrics {

    @Inject
    MeterRegistry meters;
    @Inject
    EventingConfig config;

    private DistributionSummary batches;
    private Timer transactions;

    void onStart(@Observes StartupEvent event) {
        batches = DistributionSummary.builder("outbox.relay.batch").baseUnit("rows")
                .description("Outbox rows per committed Kafka transaction of the relay")
                .publishPercentileHistogram().minimumExpectedValue(1.0)
                .maximumExpectedValue((double) Math.max(1, config.outbox().batchSize())).register(meters);
        transactions = Timer.builder("outbox.relay.transaction")
                .description("How long a committed Kafka transaction of the relay takes, from begin to commit")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(meters);
    }

    /** A batch of {@code rows} went out in a transaction that took {@code nanos}. */
    void committed(int rows, long nanos) {
        batches.record(rows);
        transactions.record(nanos, TimeUnit.NANOSECONDS);
    }
}
