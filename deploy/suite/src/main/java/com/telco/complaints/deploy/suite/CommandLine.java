package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.suite.demo.DemoSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's options, read from the command line and the environment; the command line wins
 * over the environment, which wins over the defaults. Pure: it reads only what it is given, so it
 * is unit-tested with plain lists and maps. The options are described in usage.txt.
 */
final class CommandLine {

    /**
     * What was asked for: the usage text, or a suite to run.
     *
     * @param demo the traffic simulator to run alongside the suite; null without --demo
     */
    record Parsed(boolean help, Suite.Builder suite, DemoSettings demo) {}

    private static final Set<String> FLAGS = Set.of("--embedded-postgres", "--demo");
    private static final List<String> OPTIONS_WITH_VALUE = List.of("--services", "--http-port-base", "--kafka-port",
            "--data-dir", "--java-opts", "--ready-timeout", "--config", "--repo-root", "--demo-rate", "--demo-duration");

    private CommandLine() {}

    static Parsed parse(List<String> args, Map<String, String> env) {
        return parse(args, env, DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
    }

    /** @param demoRunId names the topics and the database of a demo, so that each demo starts empty */
    static Parsed parse(List<String> args, Map<String, String> env, String demoRunId) {
        Map<String, String> given = new HashMap<>();
        List<String> configs = new ArrayList<>();
        boolean embeddedPostgres = false;
        boolean demo = false;
        if (args.contains("--help") || args.contains("-h")) {
            return new Parsed(true, null, null); // whatever else is on the command line
        }
        for (OptionArgs.Arg arg : OptionArgs.read(args, FLAGS, Set.copyOf(OPTIONS_WITH_VALUE))) {
            switch (arg.name()) {
                case "--embedded-postgres" -> embeddedPostgres = true;
                case "--demo" -> demo = true;
                case "--config" -> configs.add(arg.value());
                default -> given.put(arg.name(), arg.value());
            }
        }
        Options options = new Options(given, env);
        Suite.Builder suite = Suite.builder();

        String repoRoot = options.value("--repo-root", null);
        if (repoRoot != null) {
            suite.repoRoot(Path.of(repoRoot));
        }
        String dataDir = options.value("--data-dir", "SUITE_DATA_DIR");
        if (dataDir != null) {
            suite.dataDir(Path.of(dataDir));
        }
        String services = options.value("--services", "SUITE_SERVICES");
        if (services != null) {
            suite.services(Arrays.stream(services.split(",")).filter(s -> !s.isBlank()).map(Service::byName).toList());
        }
        String portBase = options.value("--http-port-base", "SUITE_HTTP_PORT_BASE");
        if (portBase != null) {
            suite.httpPortBase(number(portBase, "--http-port-base"));
        }
        String javaOpts = options.value("--java-opts", "SUITE_JAVA_OPTS");
        if (javaOpts != null) {
            suite.javaOptions(javaOpts.isBlank() ? List.of() : List.of(javaOpts.trim().split("\\s+")));
        }
        String readyTimeout = options.value("--ready-timeout", "SUITE_READY_TIMEOUT");
        if (readyTimeout != null) {
            suite.readyTimeout(Duration.ofSeconds(number(readyTimeout, "--ready-timeout")));
        }
        // A token key set (a real OIDC provider's) and an audit chain key of the environment win over
        // the local ones.
        for (String name : List.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY",
                "ANALYTICS_AUDIT_CHAIN_KEY")) {
            if (env.get(name) != null && !env.get(name).isBlank()) {
                suite.environment(name, env.get(name));
            }
        }
        applyKafka(suite, options);
        applyPostgres(suite, options, embeddedPostgres);
        DemoSettings demoSettings = demo ? applyDemo(suite, options, demoRunId) : null;
        if (!demo && (options.given("--demo-rate") != null || options.given("--demo-duration") != null)) {
            throw new IllegalArgumentException("--demo-rate and --demo-duration go with --demo");
        }
        // Last, so that they win over the demo's SLA limits.
        for (String config : configs) {
            applyConfig(suite, config);
        }
        return new Parsed(false, suite, demoSettings);
    }

    /**
     * The demo's own topics and (unless the user named one) database, so that its figures are its
     * own and nothing else is touched, its short SLA limits and escalation ladder.
     */
    private static DemoSettings applyDemo(Suite.Builder suite, Options options, String runId) {
        String rate = options.value("--demo-rate", "SUITE_DEMO_RATE");
        String duration = options.value("--demo-duration", "SUITE_DEMO_DURATION");
        double perSecond;
        try {
            perSecond = rate == null ? DemoSettings.DEFAULT_RATE : Double.parseDouble(rate.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--demo-rate expects complaints per second, e.g. 2 or 0.5, got '" + rate + "'");
        }
        int seconds = duration == null ? 0 : number(duration, "--demo-duration");
        if (seconds < 0) {
            throw new IllegalArgumentException("--demo-duration expects seconds, 0 for until Ctrl-C");
        }
        boolean ownDatabase = options.env("QUARKUS_DATASOURCE_JDBC_URL") == null && options.env("PGDATABASE") == null;
        DemoSettings demo = DemoSettings.of(perSecond, seconds == 0 ? null : Duration.ofSeconds(seconds), runId, ownDatabase);
        suite.topics(demo.topics());
        if (ownDatabase) {
            suite.database(demo.database());
        }
        DemoSettings.SLA_LIMITS.forEach((key, value) -> suite.systemProperty(Service.SLA, key, value));
        DemoSettings.ROUTING_SETTINGS.forEach((key, value) -> suite.systemProperty(Service.ROUTING, key, value));
        DemoSettings.ANALYTICS_SETTINGS.forEach((key, value) -> suite.systemProperty(Service.ANALYTICS, key, value));
        return demo;
    }

    /** --kafka-port on the command line, else KAFKA_BOOTSTRAP_SERVERS, else KAFKA_PORT, else 9092. */
    private static void applyKafka(Suite.Builder suite, Options options) {
        String cliPort = options.given("--kafka-port");
        String bootstrap = options.env("KAFKA_BOOTSTRAP_SERVERS");
        if (cliPort != null) {
            suite.kafkaPort(number(cliPort, "--kafka-port"));
        } else if (bootstrap != null) {
            suite.kafkaBootstrapServers(bootstrap);
        } else if (options.env("KAFKA_PORT") != null) {
            suite.kafkaPort(number(options.env("KAFKA_PORT"), "KAFKA_PORT"));
        }
    }

    /**
     * --embedded-postgres, else QUARKUS_DATASOURCE_JDBC_URL as given, else SUITE_EMBEDDED_POSTGRES,
     * else the server at PGHOST:PGPORT (which must answer when either is set), else the server at
     * 127.0.0.1:5432 or an embedded one when nothing answers there.
     */
    private static void applyPostgres(Suite.Builder suite, Options options, boolean embeddedOnCommandLine) {
        String jdbcUrl = options.env("QUARKUS_DATASOURCE_JDBC_URL");
        if (embeddedOnCommandLine) {
            suite.embeddedPostgres();
        } else if (jdbcUrl != null) {
            suite.jdbcUrl(jdbcUrl, options.env("QUARKUS_DATASOURCE_USERNAME"), options.env("QUARKUS_DATASOURCE_PASSWORD"));
            return;
        } else if (truthy(options.env("SUITE_EMBEDDED_POSTGRES"))) {
            suite.embeddedPostgres();
        } else {
            String host = options.env("PGHOST");
            String port = options.env("PGPORT");
            if (host != null && host.startsWith("/")) {
                throw new IllegalArgumentException("PGHOST=" + host + " is a socket directory; the services connect over TCP: give a host name");
            }
            String user = options.env("PGUSER") != null ? options.env("PGUSER") : "postgres";
            String chosenHost = host != null ? host : "127.0.0.1";
            int chosenPort = port != null ? number(port, "PGPORT") : 5432;
            if (host != null || port != null) {
                suite.postgresServer(chosenHost, chosenPort, user, options.env("PGPASSWORD"));
            } else {
                suite.postgresServerOrEmbedded(chosenHost, chosenPort, user, options.env("PGPASSWORD"));
            }
        }
        String database = options.env("PGDATABASE");
        if (database != null) {
            suite.database(database);
        }
    }

    /** {@code KEY=VALUE} for every service, {@code SERVICE:KEY=VALUE} for one; passed as -DKEY=VALUE. */
    static void applyConfig(Suite.Builder suite, String config) {
        int equals = config.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--config expects [SERVICE:]KEY=VALUE, got '" + config + "'");
        }
        String target = config.substring(0, equals);
        String value = config.substring(equals + 1);
        int colon = target.indexOf(':');
        String prefix = colon > 0 ? target.substring(0, colon) : null;
        // A property name may itself hold a colon inside quotes; a plain word before it names a service.
        if (prefix != null && !prefix.contains(".") && !prefix.contains("\"")) {
            suite.systemProperty(Service.byName(prefix), target.substring(colon + 1), value);
        } else {
            suite.systemProperty(target, value);
        }
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " expects a whole number, got '" + text + "'");
        }
    }

    private static boolean truthy(String text) {
        return text != null && List.of("true", "yes", "1").contains(text.trim().toLowerCase(Locale.ROOT));
    }

    /** Options from the command line and the environment; blank variables count as unset. */
    private record Options(Map<String, String> given, Map<String, String> environment) {

        String value(String option, String variable) {
            String fromCommandLine = given(option);
            return fromCommandLine != null ? fromCommandLine : variable == null ? null : env(variable);
        }

        String given(String option) {
            return given.get(option);
        }

        String env(String variable) {
            String value = environment.get(variable);
            return value == null || value.isBlank() ? null : value;
        }
    }
}
