package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two sla-service processes (the packaged application) in one consumer group over six partitions,
 * with RETURN limits of seconds in calendar time so that warnings and breaches happen during the
 * test. Every warning and breach is raised, none twice, also when one instance is killed (kill -9)
 * half-way and the other takes its partitions over.
 */
class TwoInstancesProcessIT {

    private static final int CASES = 36;
    private final SuiteTestResource namespace = new SuiteTestResource();
    private final List<Process> instances = new ArrayList<>();
    private Map<String, String> config;

    @BeforeEach
    void start() throws Exception {
        config = namespace.start();
        instances.add(launch("sla-a"));
        instances.add(launch("sla-b"));
        for (Process p : instances) {
            awaitReady(p);
        }
    }

    @AfterEach
    void stop() {
        for (Process p : instances) {
            p.destroyForcibly();
        }
        namespace.stop();
    }

    @Test
    void allWarningsAndBreachesAreRaisedOnceAcrossTwoInstancesAndAKill() throws Exception {
        try (EventLog log = new EventLog(config.get("kafka.bootstrap.servers"), config.get("complaints.topics.events"))) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < CASES; i++) {
                String id = TestEvents.newComplaintId();
                ids.add(id);
                Instant now = Instant.now();
                log.publish(TestEvents.registered(id, now));
                log.publish(TestEvents.dispatched(id, now, "network-ops"));
                if (i == CASES / 2) {
                    // Half-way: one instance dies without a chance to clean up.
                    await().atMost(Duration.ofSeconds(60)).until(() -> count(log, ids, SlaWarningRaised.class) > 0);
                    instances.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    count(log, ids, SlaWarningRaised.class) >= CASES && count(log, ids, SlaBreached.class) >= CASES);

            // A barrier on the surviving instance, which now owns every partition: a case whose warning is due
            // at once. Once it is on the log and the survivor's outbox is empty, every earlier raise is on the log.
            String marker = TestEvents.newComplaintId();
            Instant past = Instant.now().minusSeconds(9);
            log.publish(TestEvents.registered(marker, past));
            log.publish(TestEvents.dispatched(marker, past, "network-ops"));
            log.await(SlaWarningRaised.class, marker, 1, Duration.ofSeconds(60));
            Outboxes.awaitDrained("http://127.0.0.1:" + readiness.get(instances.get(1)), Callers.tokenOf(Callers.ADMIN));

            LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
            for (String id : ids) {
                List<ComplaintEvent> events = census.records(id).stream().map(EventLog.Entry::event).toList();
                String dispatchId = events.stream().filter(e -> e instanceof Dispatched).map(e -> ((Dispatched) e)
                        .dispatchId()).findFirst().orElseThrow();
                assertThat(events.stream().filter(e -> e instanceof SlaWarningRaised w && w.clock() == SlaClock.RETURN
                        && dispatchId.equals(w.dispatchId()))).as("warnings of " + id).hasSize(1);
                assertThat(events.stream().filter(e -> e instanceof SlaBreached b && b.clock() == SlaClock.RETURN
                        && dispatchId.equals(b.dispatchId()))).as("breaches of " + id).hasSize(1);
            }
        }
    }

    private static long count(EventLog log, Set<String> ids, Class<? extends ComplaintEvent> type) {
        Predicate<ComplaintEvent> ours = e -> type.isInstance(e) && ids.contains(e.complaintId());
        return log.events().stream().filter(ours).count();
    }

    private Process launch(String name) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(jar).as("the packaged sla-service (mvn package)").exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + config.get("kafka.bootstrap.servers"),
                "-Dquarkus.datasource.jdbc.url=" + config.get("quarkus.datasource.jdbc.url"),
                "-Dquarkus.datasource.username=" + config.get("quarkus.datasource.username"),
                "-Dquarkus.datasource.password=" + config.get("quarkus.datasource.password"),
                "-Dcomplaints.topics.events=" + config.get("complaints.topics.events"),
                "-Dcomplaints.topics.business-calendar=" + config.get("complaints.topics.business-calendar"),
                "-Dmp.messaging.incoming.log-in.group.id=" + config.get("mp.messaging.incoming.log-in.group.id"),
                "-Dmp.jwt.verify.publickey=" + config.get("mp.jwt.verify.publickey"),
                "-Dmp.jwt.verify.issuer=" + config.get("mp.jwt.verify.issuer"),
                "-Dsla.policies.return-default.limit=PT10S",
                "-Dsla.policies.return-normal.limit=PT10S",
                "-Dsla.watch.grace=PT0.5S",
                "-Dsla.watch.interval=PT0.1S",
                "-jar", jar.toString());
        File out = Path.of("target", name + ".log").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
        readiness.put(p, port);
        return p;
    }

    private final Map<Process, Integer> readiness = new java.util.HashMap<>();

    private void awaitReady(Process p) {
        int port = readiness.get(p);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(p.isAlive()).as("instance on port " + port + " is running").isTrue();
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                        .toURL().openConnection();
                return c.getResponseCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
