package com.telco.complaints.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Apache Kafka broker (KRaft, one node) on this machine, started from the Maven Central
 * artifacts in its own JVM, or the broker that already answers at the configured address.
 * Closing stops only a broker this instance started.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final String CLASSPATH_RESOURCE = "META-INF/kafka-broker.classpath";
    private static final String MAIN = "com.telco.complaints.deploy.kafka.KafkaBrokerMain";
    private static final String READY = "KAFKA READY ";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * @param dataDir  where the broker keeps its logs and data; reused on the next start
     * @param heapOpts JVM heap options of the broker
     * @param secured  whether the broker requires SASL and authorizes with ACLs (see
     *                 {@link KafkaPrincipals}); the admin's password is kept under {@code dataDir}
     */
    public record Settings(String host, int port, int controllerPort, Path dataDir, String heapOpts,
                           Duration startTimeout, boolean secured) {
        /** A broker open to any client on this machine: the tests' own. */
        public static Settings defaults(Path dataDir) {
            return new Settings("127.0.0.1", 9092, 9093, dataDir,
                    System.getenv().getOrDefault("KAFKA_HEAP_OPTS", "-Xms128m -Xmx512m"), Duration.ofSeconds(90), false);
        }

        public Settings withPort(int port) {
            return new Settings(host, port, port + 1, dataDir, heapOpts, startTimeout, secured);
        }

        /** The same, requiring SASL and ACLs. */
        public Settings secure() {
            return new Settings(host, port, controllerPort, dataDir, heapOpts, startTimeout, true);
        }
    }

    private final String bootstrapServers;
    private final Process process;
    private final KafkaLogin admin;

    private LocalKafka(String bootstrapServers, Process process, KafkaLogin admin) {
        this.bootstrapServers = bootstrapServers;
        this.process = process;
        this.admin = admin;
    }

    /**
     * Uses the broker at the configured address if one answers there, otherwise starts one. A secured
     * broker that answers must accept the admin login kept in the data directory.
     */
    public static LocalKafka startOrReuse(Settings settings) {
        String bootstrap = settings.host() + ":" + settings.port();
        KafkaLogin admin = settings.secured() ? adminLogin(settings.dataDir()) : null;
        if (Ports.answers(settings.host(), settings.port())) {
            LocalKafka running = new LocalKafka(bootstrap, null, admin);
            if (admin != null) {
                running.requireAdminAccepted();
            }
            LOG.info("Kafka: reusing the broker that answers at {}", bootstrap);
            return running;
        }
        return start(settings, admin);
    }

    /** The admin's PLAIN login, which the broker knows from its configuration before any SCRAM credential exists. */
    private static KafkaLogin adminLogin(Path dataDir) {
        try {
            return KafkaLogin.plain(KafkaPrincipals.ADMIN, Files.readString(KafkaPrincipals.adminSecretFile(dataDir)).strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Kafka admin's password under " + dataDir, e);
        }
    }

    private void requireAdminAccepted() {
        Map<String, Object> settings = new HashMap<>(adminSettings());
        settings.put("default.api.timeout.ms", "10000");
        settings.put("request.timeout.ms", "5000");
        try (Admin client = Admin.create(settings)) {
            client.describeCluster().nodes().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a Kafka broker answers at " + bootstrapServers + " but does not accept "
                    + "the admin login kept in this data directory (" + e.getMessage() + "): stop that broker or "
                    + "use another port");
        }
    }

    private static LocalKafka start(Settings settings, KafkaLogin admin) {
        Path logs = settings.dataDir().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + logs, e);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: a Ctrl-C in the terminal reaches the launcher, which stops the broker
            // after the services that use it, instead of reaching the broker at the same moment.
            command.add(SETSID.toString());
        }
        command.add(ChildProcesses.javaExecutable());
        command.addAll(List.of(settings.heapOpts().trim().split("\\s+")));
        command.add("-XX:+UseG1GC");
        command.add("-XX:-UsePerfData"); // no counters sampled 20 times a second for jstat
        command.add("-Dlog4j2.configurationFile=kafka-broker-log4j2.xml");
        command.add("-Dkafka.logs.dir=" + logs);
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(MAIN);
        command.addAll(List.of("--host", settings.host(), "--port", String.valueOf(settings.port()),
                "--controller-port", String.valueOf(settings.controllerPort()),
                "--data-dir", settings.dataDir().toString()));
        if (admin != null) {
            command.addAll(List.of("--admin-secret", KafkaPrincipals.adminSecretFile(settings.dataDir()).toString()));
        }
        Path stderr = logs.resolve("stderr.log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kafka broker: " + e.getMessage(), e);
        }
        LocalKafka kafka = new LocalKafka(settings.host() + ":" + settings.port(), process, admin);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-kafka-broker"));
        long started = System.nanoTime();
        try {
            awaitReady(process, settings.startTimeout());
        } catch (RuntimeException e) {
            kafka.close();
            throw new IllegalStateException(e.getMessage() + "; broker stderr: " + tail(stderr), e);
        }
        LOG.info("Kafka: broker started at {} in {} ms (pid {}, data in {}{})", kafka.bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(), settings.dataDir(),
                admin == null ? "" : "; SASL and ACLs required");
        return kafka;
    }

    private static void awaitReady(Process process, Duration timeout) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the broker went away; onExit reports it
            }
        }, "kafka-broker-stdout");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(() -> ready.completeExceptionally(
                new IllegalStateException("the Kafka broker exited with status " + process.exitValue())));
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka broker was not ready within " + timeout);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() == null ? e.toString() : e.getCause().getMessage());
        }
    }

    /**
     * The broker's class path: its launcher jar plus the jars listed at build time (Kafka's server
     * and tools, e.g. for ProducerPerformance in the benchmarks).
     */
    public static String brokerClasspath() {
        URL resource = LocalKafka.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " not found: build deploy/kafka-broker first");
        }
        try (InputStream in = resource.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return codeSourceOf(resource) + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** The jar or classes directory that holds {@code resource}. */
    private static String codeSourceOf(URL resource) {
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                return Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI()).toString();
            }
            Path file = Path.of(resource.toURI());
            return file.getParent().getParent().toString();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kafka-broker jar from " + url, e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean secured() {
        return admin != null;
    }

    /**
     * The admin's client settings with the address: what the launcher sets the broker up with
     * (topics, principals). On a broker without SASL just the address.
     */
    public Map<String, Object> adminSettings() {
        Map<String, Object> settings = new HashMap<>();
        if (admin != null) {
            settings.putAll(admin.settings());
        }
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
    }

    /** Whether this instance started the broker (and will stop it). */
    public boolean startedHere() {
        return process != null;
    }

    public ProcessHandle processHandle() {
        return process == null ? null : process.toHandle();
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            ChildProcesses.stop(process, Duration.ofSeconds(30));
            LOG.info("Kafka: broker at {} stopped", bootstrapServers);
        }
    }
}
