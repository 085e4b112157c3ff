package com.telco.complaints.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registrations over HTTP/1.1 with keep-alive: at a fixed offered rate (open loop, each latency
 * measured from when the request was due, so a stall is not hidden) or as fast as a number of
 * clients can go (closed loop).
 */
final class HttpLoad {

    /** What one run of load did. */
    record Outcome(long sent, long created, long failed, Histogram latencyMicros, double seconds, List<String> ids) {
        double createdPerSecond() {
            return created / seconds;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    private final URI complaints;

    HttpLoad(URI complaints) {
        this.complaints = complaints;
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(complaints).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Submitted-By", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {@code rate} registrations a second for {@code duration}; {@code onCreated} gets (id, due nanos). */
    Outcome openLoop(int rate, Duration duration, long seed, IdSink onCreated) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        long total = rate * duration.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        CountDownLatch answered = new CountDownLatch((int) total);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            client.sendAsync(request(Bodies.complaint(random)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        if (error == null && response.statusCode() == 201) {
                            latency.recordValue(Math.max(1, (now - due) / 1000));
                            created.incrementAndGet();
                            String id = idOf(response.body());
                            ids.add(id);
                            onCreated.accept(id, due);
                        } else {
                            failed.incrementAndGet();
                        }
                        answered.countDown();
                    });
        }
        answered.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(total, created.get(), failed.get(), latency, seconds, List.copyOf(ids));
    }

    /** {@code clients} clients each registering as fast as answers come, for {@code duration}. */
    Outcome closedLoop(int clients, Duration duration, long seed) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long until = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seed + c);
            next(random, until, latency, created, failed, done);
        }
        done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(created.get() + failed.get(), created.get(), failed.get(), latency, seconds, List.of());
    }

    private void next(SplittableRandom random, long until, Histogram latency, AtomicLong created, AtomicLong failed,
                      CountDownLatch done) {
        if (System.nanoTime() >= until) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(request(Bodies.complaint(random)),
                HttpResponse.BodyHandlers.ofString());
        call.whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 201) {
                latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                created.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            next(random, until, latency, created, failed, done);
        });
    }

    /** Plain GET returning the status and body, for polling the read side. */
    HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(String body) {
        int at = body.indexOf("\"complaintId\":\"") + 15;
        return body.substring(at, body.indexOf('"', at));
    }

    @FunctionalInterface
    interface IdSink {
        void accept(String complaintId, long dueNanos);

        static IdSink none() {
            return (id, due) -> { };
        }
    }
}
