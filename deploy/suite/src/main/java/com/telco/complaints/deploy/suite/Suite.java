package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.ChildProcesses;
import com.telco.complaints.deploy.infra.KafkaClients;
import com.telco.complaints.deploy.infra.KafkaPrincipals;
import com.telco.complaints.deploy.infra.LocalKafka;
import com.telco.complaints.deploy.infra.LocalPostgres;
import com.telco.complaints.deploy.infra.LocalTokens;
import com.telco.complaints.deploy.infra.Ports;
import com.telco.complaints.deploy.infra.Secrets;
import com.telco.complaints.deploy.infra.ServiceRoles;
import com.telco.complaints.deploy.infra.SuiteTopics;
import com.telco.complaints.deploy.suite.SuiteSettings.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole suite on one machine: the Kafka broker and PostgreSQL (reused when they already run,
 * started otherwise, or the ones the settings point at) and the services as separate processes
 * from their runnable jars, each on its port with its log file.
 *
 * <pre>{@code
 * try (Suite suite = Suite.builder()
 *         .httpPortBase(18081)
 *         .systemProperty(Service.SLA, "some.sla.setting", "PT10S")
 *         .build()
 *         .start()) {
 *     suite.awaitReady();
 *     suite.kill(Service.ROUTING);      // kill -9
 *     suite.restart(Service.ROUTING);   // start it again and wait until it is ready
 * }
 * }</pre>
 *
 * Closing stops the services first, then the broker and the embedded PostgreSQL if this suite
 * started them; a broker or server that was already running is left alone. A JVM shutdown hook
 * closes a suite that was not closed.
 */
public final class Suite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Suite.class);

    /**
     * JVM options of each service. A small fixed heap and the serial collector keep a service
     * well under 300 MB resident: with five services, a broker and PostgreSQL on two cores, the
     * parallel collectors' extra threads and regions buy nothing. ExitOnOutOfMemoryError turns a
     * heap that is too small into a visible exit instead of a service limping along. Code-cache
     * flushing is off: at a few complaints a second most compiled code looks cold between two uses,
     * and the sweeper threw it away to have it compiled again, which cost a third of a service's CPU.
     * Only the quick compiler (C1) runs: the optimising one spent 40% of each service's CPU for
     * minutes after start-up at 20 complaints a second, on paths that wait on the broker and the
     * database anyway. Measured with {@code deploy/bench.sh cost} and {@code sla-replay} on two cores:
     * idle suite 0.23 to 0.10 cores, resident memory 220-265 to 165-185 MB, less than half the CPU
     * per complaint at 5 a second (with the own-echo skip), a replay 13% slower. Without the
     * performance-data file (UsePerfData, read by jps and jstat only) the JVM's periodic task thread
     * no longer samples counters 20 times a second in every idle service.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m",
            "-XX:-UseCodeCacheFlushing", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError");

    /**
     * Environment of each service. glibc gives every thread that mallocs its own 64 MB arena (up to
     * eight per core); the JVM's native allocations spread over a dozen arenas then keep tens of
     * megabytes resident that two arenas would share.
     */
    public static final Map<String, String> DEFAULT_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final String DEFAULT_DATABASE = "complaints";

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;

    private final SuiteSettings settings;
    private final Health health = new Health();
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final Thread shutdownHook = new Thread(this::close, "stop-complaint-suite");
    private volatile boolean closing;
    private boolean started;
    private boolean closed;
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private Endpoints endpoints;
    private LocalTokens localTokens;

    private Suite(SuiteSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SuiteSettings settings() {
        return settings;
    }

    /**
     * Starts or reuses the broker and PostgreSQL, creates the topics and the database when missing,
     * and starts every service without waiting for it; see {@link #awaitReady()}. On failure
     * whatever was started is stopped again.
     */
    public synchronized Suite start() {
        if (started) {
            throw new IllegalStateException("this suite was already started");
        }
        started = true;
        requireRunnableJars();
        requireFreePorts();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            if (settings.localTokens()) {
                localTokens(); // the key pair the services verify tokens with, created on the first start
            }
            String bootstrapServers = startOrReuseKafka();
            KafkaClients kafkaClients = topicsAndPrincipals(bootstrapServers);
            endpoints = startOrReusePostgres(bootstrapServers).withSecrets(secrets()).withKafka(kafkaClients);
            String java = ChildProcesses.javaExecutable();
            for (Service service : settings.services()) {
                ServiceProcess process = new ServiceProcess(settings.launch(service, endpoints, java));
                processes.put(service, process);
                process.start(true);
                LOG.info("{}: starting on port {} (pid {}), log {}", service, settings.port(service),
                        process.pid().getAsLong(), settings.logFile(service));
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * A bearer token for {@code caller}, signed with this suite's local key pair (valid 12 hours):
     * what the demo, the system tests and the benchmarks call the doors with.
     */
    public String token(LocalTokens.Caller caller) {
        if (!settings.localTokens()) {
            throw new IllegalStateException("the services verify tokens of another issuer; ask it for a token");
        }
        return localTokens().mint(caller, Duration.ofHours(12));
    }

    /** The local key pair, read from the data directory once. */
    private synchronized LocalTokens localTokens() {
        if (localTokens == null) {
            localTokens = LocalTokens.in(settings.authDir());
        }
        return localTokens;
    }

    /** Waits until every service of the suite is ready, at most the configured ready timeout. */
    public void awaitReady() {
        awaitReady(settings.services(), settings.readyTimeout());
    }

    public void awaitReady(Service service, Duration timeout) {
        awaitReady(List.of(service), timeout);
    }

    /**
     * Polls {@code /q/health/ready} of each service until all answer UP. Fails as soon as one
     * exits, or at the timeout, naming the services that are not ready, their last health answer
     * and the tail of their logs.
     */
    public void awaitReady(Collection<Service> services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Service, Health.Answer> waiting = new EnumMap<>(Service.class);
        services.forEach(service -> waiting.put(service, new Health.Answer(-1, "not asked yet")));
        while (true) {
            for (Iterator<Map.Entry<Service, Health.Answer>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Service, Health.Answer> entry = it.next();
                Service service = entry.getKey();
                ServiceProcess process = process(service);
                if (process.exited()) {
                    throw new SuiteException(service + " exited with status " + process.exitValue()
                            + " before it was ready." + tailOf(process));
                }
                Health.Answer answer = health.get(readinessUri(service));
                if (answer.up()) {
                    LOG.info("{}: ready after {} ms", service, process.sinceStart().toMillis());
                    it.remove();
                } else {
                    entry.setValue(answer);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (closing) {
                throw new SuiteException("the suite is stopping");
            }
            if (System.nanoTime() - deadline > 0) {
                throw notReady(waiting, timeout);
            }
            sleep(POLL_INTERVAL);
        }
    }

    private SuiteException notReady(Map<Service, Health.Answer> waiting, Duration timeout) {
        StringBuilder message = new StringBuilder("not ready within " + timeout.toSeconds() + " s: ");
        message.append(waiting.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().describe() + ")")
                .collect(Collectors.joining(", ")));
        waiting.keySet().forEach(service -> message.append(tailOf(process(service))));
        return new SuiteException(message.toString());
    }

    private static String tailOf(ServiceProcess process) {
        return System.lineSeparator() + "---- last " + LOG_TAIL_LINES + " lines of " + process.launch().log() + ":"
                + System.lineSeparator() + process.logTail(LOG_TAIL_LINES);
    }

    /** Kills the service with SIGKILL, as a crash would; returns once the process is gone. */
    public void kill(Service service) {
        process(service).kill();
        LOG.info("{}: killed (SIGKILL)", service);
    }

    /** Stops the service cleanly (SIGTERM, then SIGKILL after a grace period). */
    public void stop(Service service) {
        ServiceProcess process = process(service);
        if (process.isAlive()) {
            stopAndReport(process);
        }
    }

    private static void stopAndReport(ServiceProcess process) {
        long begin = System.nanoTime();
        if (process.stop(SERVICE_STOP_GRACE)) {
            LOG.info("{}: stopped in {} ms", process.service(), (System.nanoTime() - begin) / 1_000_000);
        } else {
            LOG.warn("{}: still running {} s after SIGTERM; killed (SIGKILL)", process.service(),
                    SERVICE_STOP_GRACE.toSeconds());
        }
    }

    /** Starts a stopped or killed service again with the same settings, without waiting; its log is appended to. */
    public synchronized void start(Service service) {
        if (closing) {
            throw new IllegalStateException("the suite is stopping");
        }
        ServiceProcess process = process(service);
        process.start(false);
        LOG.info("{}: starting again on port {} (pid {})", service, settings.port(service), process.pid().getAsLong());
    }

    /** Stops the service if it runs, starts it again and waits until it is ready. */
    public void restart(Service service) {
        stop(service);
        start(service);
        awaitReady(service, settings.readyTimeout());
    }

    public boolean isRunning(Service service) {
        return process(service).isAlive();
    }

    public URI baseUri(Service service) {
        return URI.create("http://127.0.0.1:" + settings.port(service));
    }

    public URI readinessUri(Service service) {
        return baseUri(service).resolve("/q/health/ready");
    }

    public Path logFile(Service service) {
        return settings.logFile(service);
    }

    public OptionalLong pid(Service service) {
        return process(service).pid();
    }

    /** Resident memory of the service's process in KiB, from /proc; empty if it is not running. */
    public OptionalLong rssKib(Service service) {
        OptionalLong pid = pid(service);
        return pid.isPresent() && isRunning(service) ? ProcStatus.rssKib(pid.getAsLong()) : OptionalLong.empty();
    }

    /** Whether {@code path} on the service answers 200 (e.g. whether Swagger UI is included in the build). */
    public boolean answersOk(Service service, String path) {
        return health.get(baseUri(service).resolve(path)).up();
    }

    /** The broker, database and topics the services use; null before {@link #start()}. */
    public synchronized Endpoints endpoints() {
        return endpoints;
    }

    /** Where the broker came from, in words, for the launcher's banner. */
    public synchronized String kafkaOrigin() {
        if (kafka == null) {
            return "given (KAFKA_BOOTSTRAP_SERVERS)";
        }
        return kafka.startedHere()
                ? "started here: pid " + kafka.processHandle().pid() + ", data in " + settings.kafkaDataDir()
                : "already running: reused, left running at exit";
    }

    /** Where PostgreSQL came from, in words, for the launcher's banner. */
    public synchronized String postgresOrigin() {
        if (postgres == null) {
            return "given (QUARKUS_DATASOURCE_JDBC_URL)";
        }
        return postgres.embedded()
                ? "embedded, started here: data in " + settings.postgresDataDir()
                : "server already running: used, left running at exit";
    }

    /**
     * Stops everything this suite started: the services first (all at once, each with a grace
     * period), then the broker and the embedded PostgreSQL it started. Safe to call more than once.
     */
    @Override
    public void close() {
        closing = true; // lets a concurrent awaitReady give up at once
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            // Side by side, so one slow service does not hold up the others' grace periods.
            List<Thread> stoppers = processes.values().stream()
                    .filter(ServiceProcess::isAlive)
                    .map(process -> new Thread(() -> stopAndReport(process), "stop-" + process.service()))
                    .toList();
            stoppers.forEach(Thread::start);
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (kafka != null) {
                if (kafka.startedHere()) {
                    boolean stillRunning = kafka.processHandle().isAlive();
                    kafka.close(); // logs the stop itself when there is one
                    if (!stillRunning) {
                        // Ctrl-C in a terminal signals the broker's process group directly.
                        LOG.info("Kafka: the broker started here had already stopped");
                    }
                } else {
                    LOG.info("Kafka: the broker at {} was already running; left running", kafka.bootstrapServers());
                }
            }
            if (postgres != null && postgres.embedded()) {
                postgres.close();
                LOG.info("PostgreSQL: embedded server stopped");
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // closing from the hook itself
            }
        }
    }

    private String startOrReuseKafka() {
        SuiteSettings.Kafka settingsKafka = settings.kafka();
        if (settingsKafka.external()) {
            String bootstrapServers = settingsKafka.bootstrapServers();
            if (!anyAnswers(bootstrapServers)) {
                throw new SuiteException("no Kafka broker answers at " + bootstrapServers + " (KAFKA_BOOTSTRAP_SERVERS)");
            }
            LOG.info("Kafka: using the broker at {}", bootstrapServers);
            return bootstrapServers;
        }
        kafka = LocalKafka.startOrReuse(
                LocalKafka.Settings.defaults(settings.kafkaDataDir()).withPort(settingsKafka.localPort()).secure());
        return kafka.bootstrapServers();
    }

    /**
     * Creates the topics that are missing and, on the broker started here, every principal with its
     * rights (KafkaPrincipals); their client settings are written under the broker's data directory.
     * An external broker is used as given: its principals and ACLs are its operator's.
     */
    private KafkaClients topicsAndPrincipals(String bootstrapServers) {
        if (kafka == null) {
            settings.topics().ensureExist(bootstrapServers, settings.kafka().partitions());
            return KafkaClients.NONE;
        }
        settings.topics().ensureExist(kafka.adminSettings(), settings.kafka().partitions());
        KafkaClients clients = KafkaPrincipals.grant(kafka.adminSettings(), settings.topics(), settings.kafkaDataDir());
        LOG.info("Kafka: SASL/SCRAM required; principals {} with their ACLs; client settings in {}",
                clients.logins().keySet(), KafkaPrincipals.clientsDir(settings.kafkaDataDir()));
        return clients;
    }

    private Endpoints startOrReusePostgres(String bootstrapServers) {
        Database database = settings.database();
        if (database.mode() == Database.Mode.JDBC_URL) {
            LOG.info("PostgreSQL: using {} as given", database.jdbcUrl());
            return new Endpoints(bootstrapServers, database.jdbcUrl(), database.user(), database.password(),
                    settings.topics());
        }
        if (database.mode() == Database.Mode.SERVER && !Ports.answers(database.host(), database.port())) {
            throw new SuiteException("no PostgreSQL answers at " + database.host() + ":" + database.port()
                    + " (PGHOST/PGPORT)");
        }
        LocalPostgres.Settings pgSettings = new LocalPostgres.Settings(database.host(), database.port(),
                database.user(), database.password(), settings.postgresDataDir(), 0);
        if (database.mode() == Database.Mode.EMBEDDED) {
            // LocalPostgres starts an embedded server when nothing answers at the address it is
            // given, so it is given a port nothing listens on.
            pgSettings = new LocalPostgres.Settings("127.0.0.1", Ports.free(), "postgres", null,
                    settings.postgresDataDir(), 0);
        }
        postgres = LocalPostgres.startOrReuse(pgSettings);
        postgres.createDatabaseIfMissing(database.name());
        return new Endpoints(bootstrapServers, postgres.jdbcUrl(database.name()), postgres.user(),
                postgres.password(), settings.topics(), serviceRoles(database.name()), Map.of());
    }

    /**
     * What the services must know and the database must not: analytics' audit chain key, kept under
     * the data directory's {@code auth/} (unless given as {@code analytics.audit.chain-key}).
     */
    private Map<Service, Map<String, String>> secrets() {
        if (settings.systemProperties().getOrDefault(Service.ANALYTICS, Map.of()).containsKey("analytics.audit.chain-key")) {
            return Map.of();
        }
        return Map.of(Service.ANALYTICS, Map.of("ANALYTICS_AUDIT_CHAIN_KEY",
                Secrets.in(settings.authDir(), "audit-chain.key")));
    }

    /**
     * A role of its own for each service, {@code <database>_<schema>} (runs on other databases of the
     * same server never share one), owning its schemas and nothing else: no service runs as the
     * superuser. The passwords are kept under the data directory's {@code auth/}.
     */
    private Map<Service, Endpoints.Login> serviceRoles(String database) {
        Map<Service, Endpoints.Login> logins = new EnumMap<>(Service.class);
        try (Connection superuser = postgres.connect(database)) {
            for (Service service : Service.values()) {
                String role = database + "_" + service.schema();
                String password = ServiceRoles.passwordIn(settings.authDir(), role);
                ServiceRoles.ensure(superuser, database, role, password, service.schema());
                logins.put(service, new Endpoints.Login(role, password));
            }
        } catch (SQLException e) {
            throw new SuiteException("cannot connect to database " + database + " to set up the services' roles: "
                    + e.getMessage());
        }
        LOG.info("PostgreSQL: each service logs in as its own role ({})", logins.values().stream()
                .map(Endpoints.Login::user).toList());
        return logins;
    }

    /** Whether any of the comma-separated host:port addresses accepts connections. */
    static boolean anyAnswers(String bootstrapServers) {
        for (String address : bootstrapServers.split(",")) {
            String trimmed = address.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0) {
                return true; // not host:port: let the Kafka clients judge it
            }
            try {
                if (Ports.answers(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)))) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    private void requireRunnableJars() {
        List<Path> missing = settings.services().stream()
                .map(service -> service.runnableJar(settings.repoRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
        if (!missing.isEmpty()) {
            throw new SuiteException("missing runnable jars " + missing
                    + "; build them from the repository root with ./mvnw -B -q package -DskipTests");
        }
    }

    private void requireFreePorts() {
        List<String> taken = settings.services().stream()
                .filter(service -> Ports.answers("127.0.0.1", settings.port(service)))
                .map(service -> settings.port(service) + " (" + service + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new SuiteException("port(s) already in use: " + String.join(", ", taken)
                    + ". Is a suite already running? Choose other HTTP ports.");
        }
    }

    private synchronized ServiceProcess process(Service service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not started in this suite (services: "
                    + settings.services() + ")");
        }
        return process;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("interrupted while waiting for the services");
        }
    }

    /** What to run and how; every setting has the default {@code deploy/run.sh} uses. */
    public static final class Builder {

        private Path repoRoot;
        private Path dataDir;
        private final Set<Service> services = EnumSet.allOf(Service.class);
        private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
        private boolean freePorts;
        private List<String> javaOptions = DEFAULT_JAVA_OPTIONS;
        private final Map<String, String> environmentForAll = new LinkedHashMap<>(DEFAULT_ENVIRONMENT);
        private final Map<Service, Map<String, String>> environment = new EnumMap<>(Service.class);
        private final Map<String, String> systemPropertiesForAll = new LinkedHashMap<>();
        private final Map<Service, Map<String, String>> systemProperties = new EnumMap<>(Service.class);
        private String kafkaBootstrapServers;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int partitions = 6;
        private SuiteTopics topics = SuiteTopics.DEFAULT;
        private Database database = new Database(Database.Mode.SERVER_OR_EMBEDDED, null, "127.0.0.1", 5432,
                "postgres", null, DEFAULT_DATABASE);
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;

        private Builder() {}

        /** The repository with the built services; found from the working directory by default. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Broker data, embedded PostgreSQL data and service logs; {@code deploy/run-data} by default. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder services(Collection<Service> services) {
            if (services.isEmpty()) {
                throw new IllegalArgumentException("no services to run");
            }
            this.services.clear();
            this.services.addAll(services);
            return this;
        }

        public Builder services(Service... services) {
            return services(Arrays.asList(services));
        }

        public Builder port(Service service, int port) {
            ports.put(service, checkPort(port));
            return this;
        }

        /** intake-service on {@code base}, routing-service on base + 1, … analytics-service on base + 4. */
        public Builder httpPortBase(int base) {
            for (Service service : Service.values()) {
                port(service, base + service.ordinal());
            }
            return this;
        }

        /** A port nothing listens on for every service whose port was not set; for tests running side by side. */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        /** Replaces {@link #DEFAULT_JAVA_OPTIONS}. */
        public Builder javaOptions(List<String> javaOptions) {
            this.javaOptions = List.copyOf(javaOptions);
            return this;
        }

        /** An environment variable for every service, e.g. {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true}. */
        public Builder environment(String name, String value) {
            environmentForAll.put(name, value);
            return this;
        }

        public Builder environment(Service service, String name, String value) {
            environment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** A configuration property for every service, passed as {@code -Dkey=value}. */
        public Builder systemProperty(String key, String value) {
            systemPropertiesForAll.put(key, value);
            return this;
        }

        public Builder systemProperty(Service service, String key, String value) {
            systemProperties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /** Use this broker as it is (it must answer); nothing is started. */
        public Builder kafkaBootstrapServers(String bootstrapServers) {
            this.kafkaBootstrapServers = bootstrapServers;
            return this;
        }

        /** Reuse the broker answering at 127.0.0.1:{@code port}, or start one there (the default, 9092). */
        public Builder kafkaPort(int port) {
            this.kafkaBootstrapServers = null;
            this.kafkaPort = checkPort(port);
            return this;
        }

        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1");
            }
            this.partitions = partitions;
            return this;
        }

        /** Topics of their own (e.g. {@code SuiteTopics.DEFAULT.withSuffix("-st1")}), created when missing. */
        public Builder topics(SuiteTopics topics) {
            this.topics = Objects.requireNonNull(topics);
            return this;
        }

        /** Use this database as it is: nothing is started or created. */
        public Builder jdbcUrl(String jdbcUrl, String user, String password) {
            database = new Database(Database.Mode.JDBC_URL, jdbcUrl, null, 0, user, password, null);
            return this;
        }

        /** The PostgreSQL server at host:port, which must answer. */
        public Builder postgresServer(String host, int port, String user, String password) {
            database = new Database(Database.Mode.SERVER, null, host, checkPort(port), user, password, database.name());
            return this;
        }

        /** The server at host:port if one answers there, otherwise an embedded PostgreSQL (the default, 127.0.0.1:5432). */
        public Builder postgresServerOrEmbedded(String host, int port, String user, String password) {
            database = new Database(Database.Mode.SERVER_OR_EMBEDDED, null, host, checkPort(port), user, password,
                    database.name());
            return this;
        }

        /** An embedded PostgreSQL of this suite, whatever runs at 127.0.0.1:5432. */
        public Builder embeddedPostgres() {
            database = new Database(Database.Mode.EMBEDDED, null, "127.0.0.1", 0, "postgres", null, database.name());
            return this;
        }

        /** The database the services use (created when missing); {@code complaints} by default. */
        public Builder database(String name) {
            database = new Database(database.mode(), database.jdbcUrl(), database.host(), database.port(),
                    database.user(), database.password(), name);
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            if (readyTimeout.isNegative() || readyTimeout.isZero()) {
                throw new IllegalArgumentException("the ready timeout must be positive");
            }
            this.readyTimeout = readyTimeout;
            return this;
        }

        /** The settings these choices amount to; looks up the repository root and free ports if asked. */
        public SuiteSettings settings() {
            Path root = repoRoot != null ? repoRoot.toAbsolutePath().normalize() : RepoRoot.find(Path.of(""));
            Path data = dataDir != null ? dataDir.toAbsolutePath().normalize() : root.resolve("deploy").resolve("run-data");
            List<Service> chosen = new ArrayList<>(services);
            Map<Service, Integer> chosenPorts = new EnumMap<>(Service.class);
            Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);
            Map<Service, Map<String, String>> props = new EnumMap<>(Service.class);
            for (Service service : chosen) {
                Integer port = ports.get(service);
                chosenPorts.put(service, port != null ? port : freePorts ? Ports.free() : service.defaultPort());
                env.put(service, merged(environmentForAll, environment.get(service)));
                props.put(service, merged(systemPropertiesForAll, systemProperties.get(service)));
            }
            if (chosenPorts.values().stream().distinct().count() < chosenPorts.size()) {
                throw new IllegalArgumentException("two services on the same port: " + chosenPorts);
            }
            return new SuiteSettings(root, data, chosen, chosenPorts, javaOptions, env, props,
                    new SuiteSettings.Kafka(kafkaBootstrapServers, kafkaPort, partitions), database, topics,
                    readyTimeout);
        }

        public Suite build() {
            return new Suite(settings());
        }

        private static Map<String, String> merged(Map<String, String> forAll, Map<String, String> forOne) {
            Map<String, String> merged = new LinkedHashMap<>(forAll);
            if (forOne != null) {
                merged.putAll(forOne);
            }
            return merged;
        }

        private static int checkPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
            return port;
        }
    }
}
