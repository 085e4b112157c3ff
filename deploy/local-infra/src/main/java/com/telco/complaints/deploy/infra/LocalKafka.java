package com.telco.complaints.deploy.infra;

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
import java.util.List;
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
     */
    public record Settings(String host, int port, int controllerPort, Path dataDir, String heapOpts,
                           Duration startTimeout) {
        public static Settings defaults(Path dataDir) {
            return new Settings("127.0.0.1", 9092, 9093, dataDir,
                    System.getenv().getOrDefault("KAFKA_HEAP_OPTS", "-Xms128m -Xmx512m"), Duration.ofSeconds(90));
        }

        public Settings withPort(int port) {
            return new Settings(host, port, port + 1, dataDir, heapOpts, startTimeout);
        }
    }

    private final String bootstrapServers;
    private final Process process;

    private LocalKafka(String bootstrapServers, Process process) {
        this.bootstrapServers = bootstrapServers;
        this.process = process;
    }

    /** Uses the broker at the configured address if one answers there, otherwise starts one. */
    public static LocalKafka startOrReuse(Settings settings) {
        String bootstrap = settings.host() + ":" + settings.port();
        if (Ports.answers(settings.host(), settings.port())) {
            LOG.info("Kafka: reusing the broker that answers at {}", bootstrap);
            return new LocalKafka(bootstrap, null);
        }
        return start(settings);
    }

    private static LocalKafka start(Settings settings) {
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
        command.add("-Dlog4j2.configurationFile=kafka-broker-log4j2.xml");
        command.add("-Dkafka.logs.dir=" + logs);
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(MAIN);
        command.addAll(List.of("--host", settings.host(), "--port", String.valueOf(settings.port()),
                "--controller-port", String.valueOf(settings.controllerPort()),
                "--data-dir", settings.dataDir().toString()));
        Path stderr = logs.resolve("stderr.log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kafka broker: " + e.getMessage(), e);
        }
        LocalKafka kafka = new LocalKafka(settings.host() + ":" + settings.port(), process);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-kafka-broker"));
        long started = System.nanoTime();
        try {
            awaitReady(process, settings.startTimeout());
        } catch (RuntimeException e) {
            kafka.close();
            throw new IllegalStateException(e.getMessage() + "; broker stderr: " + tail(stderr), e);
        }
        LOG.info("Kafka: broker started at {} in {} ms (pid {}, data in {})", kafka.bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(), settings.dataDir());
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
