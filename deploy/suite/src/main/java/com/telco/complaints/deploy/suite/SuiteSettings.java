package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.LocalTokens;
import com.telco.complaints.deploy.infra.SuiteTopics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One suite run, fully decided: which services on which ports, with which JVM options and
 * overrides, against which broker and database. Built by {@link Suite.Builder}; pure, so the
 * command lines it produces are unit-tested without starting anything.
 *
 * @param environment      per service, variables set on top of the endpoints (they win over them)
 * @param systemProperties per service, passed as {@code -Dkey=value}; they win over environment
 *                         variables and application.properties in Quarkus' configuration order
 */
public record SuiteSettings(Path repoRoot, Path dataDir, List<Service> services, Map<Service, Integer> ports,
                            List<String> javaOptions, Map<Service, Map<String, String>> environment,
                            Map<Service, Map<String, String>> systemProperties, Kafka kafka, Database database,
                            SuiteTopics topics, Duration readyTimeout) {

    /**
     * @param bootstrapServers an existing broker to use as it is; null to reuse or start the local
     *                         broker on 127.0.0.1:{@code localPort}
     * @param partitions       partitions of the topics when the suite creates them
     */
    public record Kafka(String bootstrapServers, int localPort, int partitions) {
        public boolean external() {
            return bootstrapServers != null;
        }
    }

    /**
     * @param jdbcUrl  used only in mode {@link Mode#JDBC_URL}
     * @param password null for none
     * @param name     the database the services use, created when missing (except in mode JDBC_URL)
     */
    public record Database(Mode mode, String jdbcUrl, String host, int port, String user, String password,
                           String name) {

        public enum Mode {
            /** The JDBC URL is used as it is: nothing is started or created. */
            JDBC_URL,
            /** The server at host:port, which must answer. */
            SERVER,
            /** The server at host:port, or an embedded PostgreSQL when nothing answers there (DESIGN.md). */
            SERVER_OR_EMBEDDED,
            /** Always an embedded PostgreSQL of this run, whatever answers at host:port. */
            EMBEDDED
        }
    }

    public SuiteSettings {
        services = List.copyOf(services);
        ports = Map.copyOf(ports);
        javaOptions = List.copyOf(javaOptions);
        environment = copyPerService(environment);
        systemProperties = copyPerService(systemProperties);
    }

    public int port(Service service) {
        return ports.get(service);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(Service service) {
        return logsDir().resolve(service.id() + ".log");
    }

    public Path kafkaDataDir() {
        return dataDir.resolve("kafka");
    }

    public Path postgresDataDir() {
        return dataDir.resolve("postgres");
    }

    /** The key pair local bearer tokens are signed with ({@link LocalTokens}), created on first start. */
    public Path authDir() {
        return dataDir.resolve("auth");
    }

    /**
     * Whether {@code service} verifies tokens with the local key pair: unless its verification key was
     * configured otherwise (a real OIDC provider's key set, {@code mp.jwt.verify.publickey.location}).
     */
    public boolean localTokens(Service service) {
        Map<String, String> props = systemProperties.getOrDefault(service, Map.of());
        Map<String, String> env = environment.getOrDefault(service, Map.of());
        return !(props.containsKey("mp.jwt.verify.publickey.location") || props.containsKey("mp.jwt.verify.publickey")
                || env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION") || env.containsKey("MP_JWT_VERIFY_PUBLICKEY"));
    }

    /** Whether any service verifies tokens with the local key pair. */
    public boolean localTokens() {
        return services.stream().anyMatch(this::localTokens);
    }

    /** The command line and environment that start {@code service} against {@code endpoints}. */
    public ServiceLaunch launch(Service service, Endpoints endpoints, String javaExecutable) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(javaOptions);
        systemProperties.getOrDefault(service, Map.of()).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(service.runnableJar(repoRoot).toString());

        // Quarkus maps these variables to quarkus.http.port, kafka.bootstrap.servers, quarkus.datasource.*.
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(service)));
        if (System.getenv("QUARKUS_HTTP_HOST") == null) {
            // This machine only, like the broker and the database it starts; QUARKUS_HTTP_HOST=0.0.0.0
            // (or --config quarkus.http.host=...) serves other machines.
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.jdbcUrl());
        Endpoints.Login login = endpoints.loginOf(service);
        if (login.user() != null) {
            env.put("QUARKUS_DATASOURCE_USERNAME", login.user());
        }
        if (login.password() != null) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", login.password());
        }
        if (localTokens(service)) {
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", LocalTokens.verificationKeyFile(authDir()).toUri().toString());
            env.put("MP_JWT_VERIFY_ISSUER", LocalTokens.ISSUER);
        }
        env.putAll(endpoints.secretsOf(service));
        env.putAll(endpoints.kafkaLoginOf(service));
        // Only when they differ: the services' own defaults already name the topics of DESIGN.md.
        if (!SuiteTopics.DEFAULT.equals(endpoints.topics())) {
            env.put("COMPLAINTS_TOPICS_EVENTS", endpoints.topics().events());
            env.put("COMPLAINTS_TOPICS_SUBMISSIONS", endpoints.topics().submissions());
            env.put("COMPLAINTS_TOPICS_SUBMISSIONS_DLQ", endpoints.topics().submissionsDlq());
            env.put("COMPLAINTS_TOPICS_AUDIT_CHECKPOINTS", endpoints.topics().auditCheckpoints());
            env.put("COMPLAINTS_TOPICS_BUSINESS_CALENDAR", endpoints.topics().businessCalendar());
        }
        env.putAll(consoleEnvironment(service));
        env.putAll(environment.getOrDefault(service, Map.of()));
        return new ServiceLaunch(service, port(service), command, env, service.moduleDir(repoRoot), logFile(service));
    }

    /** The variables of the web console that the user's own environment (or {@code --env}) has not set. */
    private Map<String, String> consoleEnvironment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        consoleSettings(service).forEach((name, value) -> {
            if (System.getenv(name) == null) {
                env.put(name, value);
            }
        });
        return env;
    }

    /**
     * What the web console (analytics, {@code /console/}) needs of {@code service}: every service answers the
     * browser's calls from the console's origins, analytics' port by name and by address
     * ({@code COMPLAINTS_CONSOLE_ORIGINS}, CORS); analytics tells the console where the other services' doors are
     * ({@code CONSOLE_DOORS_<SERVICE>}: {@code :<port>}, the page's own scheme and host on that port). A service
     * this suite does not start keeps analytics' default door (its design port); without analytics in the suite the
     * services keep their default origins (analytics on 8085).
     */
    private Map<String, String> consoleSettings(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        if (ports.containsKey(Service.ANALYTICS)) {
            int console = port(Service.ANALYTICS);
            env.put("COMPLAINTS_CONSOLE_ORIGINS", "http://localhost:" + console + ",http://127.0.0.1:" + console);
        }
        if (service == Service.ANALYTICS) {
            for (Service other : services) {
                if (other != Service.ANALYTICS) {
                    env.put("CONSOLE_DOORS_" + other.name(), ":" + port(other));
                }
            }
        }
        return env;
    }

    private static Map<Service, Map<String, String>> copyPerService(Map<Service, Map<String, String>> perService) {
        Map<Service, Map<String, String>> copy = new LinkedHashMap<>();
        // LinkedHashMap inside: -D options keep the order in which they were given.
        perService.forEach((service, values) -> copy.put(service, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        return Collections.unmodifiableMap(copy);
    }
}
