package com.telco.complaints.eventing.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.outbox.OutboxRelay;
import com.telco.complaints.testsupport.Metrics;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.telco.complaints.eventing.testapp.TestApp.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboard shows of the relay (rows per committed Kafka transaction, and how long each takes)
 * and of the consumer (records it went past).
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class EventingMetricsIT {

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;

    @Test
    void threeRowsCommittedTogetherAreOneBatchOfThreeRowsAndOneTimedTransaction() {
        double batches = Metrics.counter("outbox_relay_batch_rows_count");
        double rows = Metrics.counter("outbox_relay_batch_rows_sum");
        double transactions = Metrics.counter("outbox_relay_transaction_seconds_count");
        double seconds = Metrics.counter("outbox_relay_transaction_seconds_sum");
        appendThreeWhileTheRelayIsStopped();

        eventually().untilAsserted(() -> {
            assertThat(Metrics.counter("outbox_relay_batch_rows_count") - batches).isEqualTo(1);
            assertThat(Metrics.counter("outbox_relay_batch_rows_sum") - rows).isEqualTo(3);
            assertThat(Metrics.counter("outbox_relay_transaction_seconds_count") - transactions).isEqualTo(1);
            assertThat(Metrics.counter("outbox_relay_transaction_seconds_sum") - seconds).isPositive();
        });
        // Buckets, not client-side quantiles: Prometheus takes the quantiles over every instance.
        assertThat(Metrics.counter("outbox_relay_batch_rows_bucket", "le", "+Inf")).isPositive();
    }

    @Test
    void theLiveConsumerCountsTheRecordsItGoesPast() {
        double applied = Metrics.counter("log_applied_total");
        appendThreeWhileTheRelayIsStopped();
        // This application follows complaint-events too: its own three events come back to it.
        eventually().untilAsserted(() -> assertThat(Metrics.counter("log_applied_total") - applied)
                .isGreaterThanOrEqualTo(3));
    }

    private void appendThreeWhileTheRelayIsStopped() {
        relay.stop();
        try {
            for (int i = 0; i < 3; i++) {
                ComplaintRegistered event = TestEvents.registered(TestEvents.newComplaintId(), Instant.now());
                QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
            }
        } finally {
            relay.start();
        }
        eventually().until(() -> outbox.pending() == 0);
    }
}
