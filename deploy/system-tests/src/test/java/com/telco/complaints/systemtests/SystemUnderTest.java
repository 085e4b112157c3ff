package com.telco.complaints.systemtests;

import com.telco.complaints.deploy.infra.SuiteTopics;
import com.telco.complaints.deploy.suite.Endpoints;
import com.telco.complaints.deploy.suite.RunDatabase;
import com.telco.complaints.deploy.suite.Service;
import com.telco.complaints.deploy.suite.Suite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The whole suite as the system tests see it: a broker (one of its own on a free port, or the one
 * KAFKA_BOOTSTRAP_SERVERS names), PostgreSQL (the server at 127.0.0.1:5432 or PGHOST/PGPORT, or an
 * embedded one when none answers) and the five services as processes from their packaged jars, on
 * free HTTP ports, with topics and a database of this run only, SLA limits of seconds in calendar
 * time and an escalation ladder of seconds. Started once per test JVM (see {@link RunningSuite});
 * closing stops the services, then removes this run's database and, on a broker it did not start,
 * its topics.
 */
final class SystemUnderTest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemUnderTest.class);

    /**
     * RETURN limit of a normal complaint of a standard customer (and of every policy not named below):
     * scenarios that return before the 80% point have 48 s for it, room enough on two busy cores.
     */
    static final Duration RETURN_LIMIT = Duration.ofSeconds(60);
    /**
     * RETURN limit of an urgent complaint: the SLA scenario watches these in real time, and returns one
     * before its 80% point (24 s after its dispatch).
     */
    static final Duration URGENT_RETURN_LIMIT = Duration.ofSeconds(30);
    /**
     * RETURN limit of an urgent complaint of a key customer: the escalation scenario watches it warn and breach in
     * real time, and transfers the work order in between, so the 20% between the warning and the deadline (12 s)
     * leave room for the urge to reach the queue and for the transfer. Only that scenario registers key customers.
     */
    static final Duration KEY_URGENT_RETURN_LIMIT = Duration.ofSeconds(60);
    /**
     * PROOF limit of a billing dispute (15 days in production): the dispute scenario records one provider's proof
     * through billing's door well before it and waits for the other dispute's refund at its deadline.
     */
    static final Duration PROOF_LIMIT = Duration.ofSeconds(30);
    /**
     * RETURN limit of a normal complaint of a key customer: longer than the urgent one, so that a normal key
     * complaint dispatched first is due after an urgent one dispatched just after it (the escalation scenario's
     * queue sorted by deadline), and is returned long before its own warning.
     */
    static final Duration KEY_RETURN_LIMIT = Duration.ofSeconds(120);
    /** SURVEY limit, in calendar time instead of "the end of the working day". */
    static final Duration SURVEY_LIMIT = Duration.ofSeconds(90);
    /**
     * The customer's clocks of complaints that came in by {@link #CUSTOMER_DESK_CHANNEL}: 1.5 s for each hour
     * of the standard (CONTACT 36 s, ANSWER and PROGRESS 72 s), room for a contact 4 h before its deadline to
     * reach the SLA service in time on two busy cores. Complaints of other channels keep the shipped limits
     * (hours), which no scenario reaches.
     */
    static final Duration CUSTOMER_HOUR = Duration.ofMillis(1500);
    static final String CUSTOMER_DESK_CHANNEL = "SOCIAL_MEDIA";
    /** How long after its point the SLA service's deadline watch raises a warning or breach (its default). */
    static final Duration WATCH_GRACE = Duration.ofSeconds(2);
    /**
     * routing's escalation ladder for every department: level 1 (the holding department's supervisor desk) at the
     * breach, level 2 (the escalation desk) this long after the deadline instead of the shipped four hours.
     */
    static final Duration SECOND_LEVEL_DELAY = Duration.ofSeconds(5);
    static final String SECOND_LEVEL_DESK = "escalation-desk";
    /** How often routing's escalation watch looks for a level falling due (shipped: every 30 s). */
    static final Duration ESCALATION_WATCH_INTERVAL = Duration.ofSeconds(1);

    private static final Path DATA_DIR = Path.of("target", "suite-run");

    private final Suite suite;
    private final String runId;
    private final boolean ownBroker;
    private final FakeIdentityProvider identityProvider;

    private SystemUnderTest(Suite suite, String runId, boolean ownBroker, FakeIdentityProvider identityProvider) {
        this.suite = suite;
        this.runId = runId;
        this.ownBroker = ownBroker;
        this.identityProvider = identityProvider;
    }

    static SystemUnderTest start() {
        String runId = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        deleteRecursively(DATA_DIR);
        Suite.Builder builder = Suite.builder()
                .freePorts()
                .dataDir(DATA_DIR)
                .topics(SuiteTopics.DEFAULT.withSuffix("-st-" + runId.replace('_', '-')))
                .database("complaints_st_" + runId.toLowerCase(Locale.ROOT))
                .readyTimeout(Duration.ofSeconds(180));

        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        boolean ownBroker = bootstrap == null || bootstrap.isBlank();
        if (ownBroker) {
            // Never 9092: a development broker may run there, and this run wants one of its own.
            builder.kafkaPort(freePortPair());
        } else {
            builder.kafkaBootstrapServers(bootstrap);
        }
        String pgHost = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        int pgPort = Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
        builder.postgresServerOrEmbedded(pgHost, pgPort, System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv("PGPASSWORD"));

        shortSlaLimits().forEach((key, value) -> builder.systemProperty(Service.SLA, key, value));
        shortEscalationLadder().forEach((key, value) -> builder.systemProperty(Service.ROUTING, key, value));
        // Consumer groups of this run only, like its topics: a run beside a live suite on the same broker
        // never joins that suite's groups.
        for (Service service : Service.values()) {
            builder.systemProperty(service, "mp.messaging.incoming.log-in.group.id",
                    service.id() + "-st-" + runId.replace('_', '-'));
        }

        // The console's single sign-on at a provider of the tests' own (its person already logged in there): the
        // sign-in page offers one more button, #sign-in-sso; pasted tokens work as before.
        FakeIdentityProvider identityProvider = FakeIdentityProvider.start();
        identityProvider.consoleSettings().forEach((key, value) -> builder.systemProperty(Service.ANALYTICS, key, value));

        Suite suite;
        long begin = System.nanoTime();
        try {
            suite = builder.build();
            identityProvider.serve(suite.baseUri(Service.ANALYTICS) + "/console/", suite::token);
            suite.start();
        } catch (RuntimeException e) {
            identityProvider.close();
            throw e;
        }
        try {
            suite.awaitReady();
        } catch (RuntimeException e) {
            suite.close();
            identityProvider.close();
            throw e;
        }
        LOG.info("system tests: suite ready in {} s; run {}, {}, services' logs in {}",
                Duration.ofNanos(System.nanoTime() - begin).toSeconds(), runId, suite.endpoints(),
                suite.settings().logsDir().toAbsolutePath());
        return new SystemUnderTest(suite, runId, ownBroker, identityProvider);
    }

    /** Seconds instead of hours, all in calendar time, so warnings and breaches happen during the run. */
    static Map<String, String> shortSlaLimits() {
        String normal = RETURN_LIMIT.toString();
        String urgent = URGENT_RETURN_LIMIT.toString();
        Map<String, String> limits = new java.util.HashMap<>(Map.of(
                "sla.policies.return-default.limit", normal,
                "sla.policies.return-normal.limit", normal,
                "sla.policies.return-key-normal.limit", KEY_RETURN_LIMIT.toString(),
                "sla.policies.return-regulator.limit", normal,
                "sla.policies.return-urgent.limit", urgent,
                "sla.policies.return-key-urgent.limit", KEY_URGENT_RETURN_LIMIT.toString(),
                "sla.policies.survey-default.kind", "CALENDAR",
                "sla.policies.survey-default.limit", SURVEY_LIMIT.toString(),
                "sla.watch.grace", WATCH_GRACE.toString()));
        limits.put("sla.policies.proof-default.limit", PROOF_LIMIT.toString());
        for (String clock : new String[] {"contact", "answer", "progress"}) {
            String prefix = "sla.policies." + clock + "-customer-desk.";
            limits.put(prefix + "clock", clock.toUpperCase(Locale.ROOT));
            limits.put(prefix + "channel", CUSTOMER_DESK_CHANNEL);
            limits.put(prefix + "kind", "CALENDAR");
            limits.put(prefix + "limit", CUSTOMER_HOUR.multipliedBy(clock.equals("contact") ? 24 : 48).toString());
        }
        return limits;
    }

    /**
     * The escalation ladder of seconds: level 2 {@link #SECOND_LEVEL_DELAY} after the deadline, looked for every
     * {@link #ESCALATION_WATCH_INTERVAL}, so a work order left open climbs the whole ladder during the run.
     */
    static Map<String, String> shortEscalationLadder() {
        return Map.of(
                "routing.escalation.ladder", "supervisor, " + SECOND_LEVEL_DESK + "@" + SECOND_LEVEL_DELAY,
                "routing.escalation.watch-interval", ESCALATION_WATCH_INTERVAL.toString());
    }

    Suite suite() {
        return suite;
    }

    Endpoints endpoints() {
        return suite.endpoints();
    }

    String runId() {
        return runId;
    }

    /** The identity provider the console's single sign-on leads to (analytics' {@code console.oidc.*}). */
    FakeIdentityProvider identityProvider() {
        return identityProvider;
    }

    @Override
    public void close() {
        Endpoints endpoints = suite.endpoints();
        suite.close();
        identityProvider.close();
        if (endpoints == null) {
            return;
        }
        dropDatabase(endpoints);
        if (!ownBroker) {
            try {
                endpoints.deleteTopics();
                LOG.info("system tests: topics {} deleted", endpoints.topics().all());
            } catch (RuntimeException e) {
                LOG.warn("system tests: could not delete this run's topics: {}", e.getMessage());
            }
        }
    }

    /** This run's database is of no use afterwards; an embedded server went with the suite, and its data with target/. */
    private static void dropDatabase(Endpoints endpoints) {
        String database = RunDatabase.name(endpoints);
        try {
            if (RunDatabase.drop(endpoints)) {
                LOG.info("system tests: database {} and its services' roles dropped", database);
            }
        } catch (SQLException e) {
            LOG.info("system tests: database {} not dropped ({})", database, e.getMessage());
        }
    }

    /** A free port whose neighbour is free too: a broker started here puts its controller on port + 1. */
    private static int freePortPair() {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                if (port < 65535 && port != 9092 && port != 9091) {
                    try (ServerSocket ignored = new ServerSocket(port + 1)) {
                        return port;
                    } catch (IOException taken) {
                        // try another
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no two neighbouring free ports found for the broker");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
