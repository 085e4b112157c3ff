package com.telco.complaints.bench;

import com.telco.complaints.deploy.infra.Ports;
import com.telco.complaints.deploy.infra.LocalTokens;
import com.telco.complaints.deploy.infra.SuiteTopics;
import com.telco.complaints.deploy.suite.Endpoints;
import com.telco.complaints.deploy.suite.RunDatabase;
import com.telco.complaints.deploy.suite.Service;
import com.telco.complaints.deploy.suite.Suite;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;


import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services under measurement as separate processes (their packaged jars), with the default
 * JVM flags of the launcher, on a broker of this run (or KAFKA_BOOTSTRAP_SERVERS) and a database
 * and topics of this run only, dropped at the end.
 */
final class BenchSuite implements AutoCloseable {

    /** The system property naming the benchmark being run (for the names of its profiles). */
    static final String BENCHMARK = "bench.benchmark";

    final Suite suite;
    final String runId;

    private BenchSuite(Suite suite, String runId) {
        this.suite = suite;
        this.runId = runId;
    }

    static BenchSuite start(Collection<Service> services, Map<String, String> slaProperties) {
        String runId = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Suite.Builder builder = Suite.builder()
                .services(services)
                .freePorts()
                .dataDir(Path.of("deploy", "bench", "target", "run-" + runId))
                .topics(SuiteTopics.DEFAULT.withSuffix("-bench-" + runId))
                .database("complaints_bench_" + runId)
                .readyTimeout(Duration.ofSeconds(180));
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !bootstrap.isBlank()) {
            builder.kafkaBootstrapServers(bootstrap);
        } else {
            builder.kafkaPort(freePortPair());
        }
        builder.postgresServerOrEmbedded(System.getenv().getOrDefault("PGHOST", "127.0.0.1"),
                Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432")),
                System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv("PGPASSWORD"));
        slaProperties.forEach((k, v) -> builder.systemProperty(Service.SLA, k, v));
        // Every benchmark complaint goes the whole way: one that no rule fits goes to the customer service desk
        // (as before triage existed) instead of waiting for an operator, so the figures stay comparable.
        builder.systemProperty(Service.ROUTING, "routing.fallback-department", "service-desk");
        String javaOptions = System.getenv("BENCH_JAVA_OPTIONS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            // Other JVM options for the services than Suite.DEFAULT_JAVA_OPTIONS, e.g. a larger heap.
            builder.javaOptions(java.util.Arrays.asList(javaOptions.trim().split("\\s+")));
        }
        String jfr = System.getenv("BENCH_JFR");
        if (jfr != null && !jfr.isBlank()) {
            // A profile of each service, for where-the-time-goes notes: BENCH_JFR=<directory>, one file per
            // benchmark and service (<benchmark>-<service>.jfr), so that `all` keeps every profile.
            try {
                java.nio.file.Files.createDirectories(Path.of(jfr));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("creating " + jfr, e);
            }
            for (Service s : services) {
                builder.environment(s, "JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=settings=profile,filename="
                        + Path.of(jfr).toAbsolutePath().resolve(System.getProperty(BENCHMARK, "bench") + "-" + s.name().toLowerCase() + ".jfr"));
            }
        }
        Suite suite = builder.build();
        suite.start();
        try {
            suite.awaitReady();
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return new BenchSuite(suite, runId);
    }

    Endpoints endpoints() {
        return suite.endpoints();
    }

    /**
     * A bearer token of the benchmark's caller in {@code role} ({@code submitter} registers,
     * {@code operator} reads views, {@code admin} starts replays), signed with the suite's local key.
     */
    String token(String role) {
        return suite.token(new LocalTokens.Caller("bench-" + role, "Benchmark " + role, role, null));
    }

    URI uri(Service service, String path) {
        return suite.baseUri(service).resolve(path);
    }

    /** Resident memory of each running service, in MB. */
    Map<Service, Double> rssMb(Collection<Service> services) {
        Map<Service, Double> rss = new EnumMap<>(Service.class);
        for (Service s : services) {
            suite.rssKib(s).ifPresent(kib -> rss.put(s, kib / 1024.0));
        }
        return rss;
    }

    void recordMemory(Results results, String when, List<Service> services) {
        rssMb(services).forEach((service, mb) -> results.add("RSS " + service.name().toLowerCase() + " (" + when + ")",
                mb, "MB", "<= 300 MB"));
    }

    @Override
    public void close() {
        Endpoints endpoints = suite.endpoints();
        suite.close();
        if (endpoints == null) {
            return;
        }
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null && !System.getenv("KAFKA_BOOTSTRAP_SERVERS").isBlank()) {
            // A broker that outlives the run keeps nothing of it: the run's topics and the raw limits' topic go.
            try (Admin admin = Admin.create(endpoints.kafkaAdmin())) {
                endpoints.deleteTopics();
                admin.deleteTopics(List.of("bench-raw-" + runId)).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("bench: could not delete all of the run's topics: " + e.getMessage());
            }
        }
        try {
            RunDatabase.drop(endpoints); // false: an embedded server went with the suite, and its data with target/
        } catch (Exception e) {
            System.err.println("bench: could not drop the run's database: " + e.getMessage());
        }
    }

    private static int freePortPair() {
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            if (port < 65000 && !Ports.answers("127.0.0.1", port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two free ports in a row for the broker");
    }
}
