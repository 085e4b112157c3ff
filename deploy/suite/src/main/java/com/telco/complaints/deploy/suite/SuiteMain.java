package com.telco.complaints.deploy.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/run.sh}: starts the suite, waits until every service is ready, prints where
 * everything is, and on Ctrl-C or SIGTERM stops everything it started. Exit status: 0 after a
 * requested stop, 1 when the suite could not be started, 2 for a wrong command line.
 */
public final class SuiteMain {

    private static final String LOG4J_CONFIG = "log4j2.configurationFile";

    private final Suite suite;
    private final PrintStream out = System.out;
    private boolean stopping;

    private SuiteMain(Suite suite) {
        this.suite = suite;
    }

    public static void main(String[] args) {
        // Before the first logger exists. A name of its own, so that a test class path holding this
        // jar keeps its own logging configuration.
        if (System.getProperty(LOG4J_CONFIG) == null) {
            System.setProperty(LOG4J_CONFIG, "suite-log4j2.xml");
        }
        Suite suite;
        try {
            CommandLine.Parsed parsed = CommandLine.parse(List.of(args), System.getenv());
            if (parsed.help()) {
                System.out.print(usage());
                return;
            }
            suite = parsed.suite().build();
        } catch (IllegalArgumentException | SuiteException e) {
            System.err.println("suite: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        new SuiteMain(suite).run();
    }

    private void run() {
        Signals.onTermination(this::stopAndExit);
        long begin = System.nanoTime();
        try {
            suite.start();
            suite.awaitReady();
        } catch (RuntimeException | Error e) {
            if (isStopping()) {
                waitForever(); // a signal arrived meanwhile: its handler stops everything and exits
            }
            System.err.println("suite: " + describe(e));
            System.err.println("suite: stopping whatever was started so far");
            suite.close();
            System.exit(1);
        }
        printReady(Duration.ofNanos(System.nanoTime() - begin));
        // The --demo of issue 8 starts its traffic against the running suite here.
        watchUntilStopped();
    }

    /** Says so when a service dies on its own; the others keep running, and only a signal ends the launcher. */
    private void watchUntilStopped() {
        Set<Service> reported = EnumSet.noneOf(Service.class);
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                // only a signal ends the launcher
            }
            for (Service service : suite.settings().services()) {
                if (!isStopping() && !suite.isRunning(service) && reported.add(service)) {
                    System.err.println("suite: " + service + " exited on its own; the other services keep running."
                            + " Its log: " + suite.logFile(service));
                }
            }
        }
    }

    /** Our own failures by their message; anything else with its chain of causes, which is where the reason is. */
    static String describe(Throwable failure) {
        if (failure instanceof SuiteException) {
            return failure.getMessage();
        }
        StringBuilder text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(System.lineSeparator()).append("  caused by ").append(cause);
        }
        return text.toString();
    }

    private void stopAndExit(String signal) {
        synchronized (this) {
            if (stopping) {
                System.err.println("suite: " + signal + ": already stopping");
                return;
            }
            stopping = true;
        }
        out.println();
        out.println("suite: " + signal + " received, stopping the services, then what was started for them");
        suite.close();
        out.println("suite: stopped");
        System.exit(0);
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void printReady(Duration took) {
        SuiteSettings settings = suite.settings();
        Endpoints endpoints = suite.endpoints();
        out.println();
        out.printf("The complaint suite is ready in %.1f s.%n", took.toMillis() / 1000.0);
        out.println();
        for (Service service : settings.services()) {
            String base = suite.baseUri(service).toString();
            OptionalLong rss = suite.rssKib(service);
            out.printf("  %-18s %s   (pid %d%s)%n", service, base, suite.pid(service).orElse(-1),
                    rss.isPresent() ? ", " + rss.getAsLong() / 1024 + " MB resident" : "");
            String swagger = suite.answersOk(service, "/q/swagger-ui/") ? "   Swagger UI " + base + "/q/swagger-ui" : "";
            out.printf("  %-18s health %s/q/health/ready   OpenAPI %s/q/openapi   metrics %s/q/metrics%s%n", "",
                    base, base, base, swagger);
        }
        out.println();
        out.printf("  Kafka        %s   (%s)%n", endpoints.bootstrapServers(), suite.kafkaOrigin());
        out.printf("  topics       %s%n", String.join(", ", endpoints.topics().all()));
        out.printf("  PostgreSQL   %s   (%s)%n", endpoints.jdbcUrl(), suite.postgresOrigin());
        out.printf("  logs         %s/<service>.log%n", settings.logsDir());
        out.println();
        out.printf("Stop everything with Ctrl-C, or: kill %d%n", ProcessHandle.current().pid());
        out.flush();
    }

    private static void waitForever() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // only a signal ends the launcher
            }
        }
    }

    static String usage() {
        try (InputStream in = SuiteMain.class.getResourceAsStream("usage.txt")) {
            if (in == null) {
                return "usage.txt is missing from the launcher's class path\n";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "cannot read usage.txt: " + e.getMessage() + "\n";
        }
    }
}
