package com.telco.complaints.bench;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.deploy.suite.Service;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Projection lag: events arrive on the log at a steady {@code rate}; for one case in
 * {@value #SAMPLE}, the time from the broker's acknowledgement of its last event until analytics'
 * {@code /cases/{id}} shows it closed. Measured after a warm-up, so the figure is the steady state.
 */
final class LagBench {

    static final int SAMPLE = 20;

    private LagBench() {}

    /** Followed cases of the measured run that analytics did not show closed within 60 s. */
    private static final AtomicLong LOST = new AtomicLong();

    static Results run(int rate, Duration duration) throws Exception {
        Results results = new Results("projection-lag");
        List<Service> services = List.of(Service.ANALYTICS);
        try (BenchSuite suite = BenchSuite.start(services, Map.of())) {
            suite.recordMemory(results, "idle", services);
            Properties p = new Properties();
            p.putAll(suite.endpoints().kafkaAdmin()); // stands in for the services that write the log
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
            HttpLoad http = new HttpLoad(suite.token("operator"));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new ByteArraySerializer())) {
                String topic = suite.endpoints().topics().events();
                System.out.println("warming up ...");
                steady(producer, topic, http, suite, rate, Duration.ofSeconds(20), "W" + suite.runId, null);
                Histogram lag = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
                long sent = steady(producer, topic, http, suite, rate, duration, "L" + suite.runId, lag);
                results.add("events offered", sent / (double) duration.toSeconds(), "events/s");
                results.add("projection lag p50", lag.getValueAtPercentile(50) / 1000.0, "ms");
                results.add("projection lag p99", lag.getValueAtPercentile(99) / 1000.0, "ms", "<= 500 ms");
                results.add("projection lag max", lag.getMaxValue() / 1000.0, "ms");
                results.add("  cases followed and seen closed", lag.getTotalCount(), "cases");
                results.add("  cases not seen closed within 60 s", LOST.get(), "cases", "0");
            }
            suite.recordMemory(results, "after lag run", services);
        }
        return results;
    }

    /** Sends cases' events at {@code rate} events/s; follows one case in SAMPLE into {@code lag} when given. */
    private static long steady(KafkaProducer<String, byte[]> producer, String topic, HttpLoad http, BenchSuite suite,
                               int rate, Duration duration, String prefix, Histogram lag) throws Exception {
        LogFiller cases = new LogFiller(prefix, 7);
        EventCodec codec = EventCodec.standard();
        String source = CloudEvents.sourceOf("bench");
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2);
        AtomicLong pending = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long total = rate * duration.toSeconds();
        long sent = 0;
        for (int i = 0; sent < total; i++) {
            List<ComplaintEvent> events = cases.oneCase(i);
            boolean follow = lag != null && i % SAMPLE == 0 && events.size() > 4;
            for (int e = 0; e < events.size(); e++) {
                long due = start + sent * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                ComplaintEvent event = events.get(e);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.complaintId(), codec.toJson(event));
                CloudEvents.headers(event, source).forEach((k, v) -> record.headers().add(k, CloudEvents.bytes(v)));
                boolean last = e == events.size() - 1;
                if (follow && last) {
                    URI uri = suite.uri(Service.ANALYTICS, "/cases/" + event.complaintId());
                    pending.incrementAndGet();
                    producer.send(record, (metadata, error) -> {
                        long acked = System.nanoTime();
                        poll(pollers, http, uri, acked, lag, pending);
                    });
                } else {
                    producer.send(record);
                }
                sent++;
            }
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        pollers.shutdownNow();
        return sent;
    }

    private static void poll(ScheduledExecutorService pollers, HttpLoad http, URI uri, long acked, Histogram lag,
                             AtomicLong pending) {
        pollers.schedule(() -> {
            try {
                var response = http.get(uri);
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"CLOSED\"")) {
                    lag.recordValue(Math.max(1, (System.nanoTime() - acked) / 1000));
                    pending.decrementAndGet();
                    return;
                }
            } catch (Exception e) {
                // polled again
            }
            if (System.nanoTime() - acked > TimeUnit.SECONDS.toNanos(60)) {
                pending.decrementAndGet();
                LOST.incrementAndGet();
                return;
            }
            poll(pollers, http, uri, acked, lag, pending);
            // Every 10 ms at first, then every tenth of the wait so far: within 10% (or 10 ms), and a
            // backlog is not made worse by a storm of polls.
        }, Math.max(10, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acked) / 10), TimeUnit.MILLISECONDS);
    }
}
