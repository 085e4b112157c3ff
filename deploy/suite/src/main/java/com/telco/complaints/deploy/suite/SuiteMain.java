package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.KafkaPrincipals;
import com.telco.complaints.deploy.suite.demo.Demo;
import com.telco.complaints.deploy.suite.demo.DemoSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/run.sh}: starts the suite, waits until every service is ready, prints where
 * everything is, and on Ctrl-C or SIGTERM stops everything it started. With {@code --demo} it runs
 * the traffic simulator ({@link Demo}) against the ready suite, and on Ctrl-C (or at the end of
 * the demo's duration) prints the demo's report before it stops. Exit status: 0 after a requested
 * stop, 1 when the suite could not be started, 2 for a wrong command line.
 */
public final class SuiteMain {

    private static final String LOG4J_CONFIG = "log4j2.configurationFile";

    private final Suite suite;
    private final DemoSettings demoSettings;
    private final PrintStream out = System.out;
    private boolean stopping;
    private volatile Demo demo;

    private SuiteMain(Suite suite, DemoSettings demoSettings) {
        this.suite = suite;
        this.demoSettings = demoSettings;
    }

    public static void main(String[] args) {
        // Before the first logger exists. A name of its own, so that a test class path holding this
        // jar keeps its own logging configuration.
        if (System.getProperty(LOG4J_CONFIG) == null) {
            System.setProperty(LOG4J_CONFIG, "suite-log4j2.xml");
        }
        if (args.length > 0 && args[0].equals("token")) {
            token(List.of(args).subList(1, args.length));
            return;
        }
        Suite suite;
        DemoSettings demo;
        try {
            CommandLine.Parsed parsed = CommandLine.parse(List.of(args), System.getenv());
            if (parsed.help()) {
                System.out.print(usage());
                return;
            }
            suite = parsed.suite().build();
            demo = parsed.demo();
        } catch (IllegalArgumentException | SuiteException e) {
            System.err.println("suite: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        new SuiteMain(suite, demo).run();
    }

    private void run() {
        Signals.onTermination(signal -> stopAndExit(signal + " received"));
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
        if (demoSettings != null) {
            synchronized (this) {
                if (!stopping) {
                    demo = Demo.start(suite, demoSettings, out);
                }
            }
        }
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
            Demo running = demo;
            if (running != null && running.over() && !isStopping()) {
                stopAndExit("the demo's " + Demo.human(demoSettings.duration()) + " are over");
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

    /** @param why e.g. {@code SIGINT received} */
    private void stopAndExit(String why) {
        Demo running;
        synchronized (this) {
            if (stopping) {
                System.err.println("suite: " + why + ": already stopping");
                return;
            }
            stopping = true;
            running = demo;
        }
        out.println();
        if (running != null) {
            out.println("suite: " + why + ", ending the demo's traffic");
            running.finish();
            out.println();
        }
        out.println("suite: " + why + ", stopping the services, then what was started for them");
        if (running != null) {
            stopServices();
            running.cleanUp(suite.endpoints());
        }
        suite.close();
        out.println("suite: stopped");
        System.exit(0);
    }

    /** The services side by side, so that the demo can remove its topics and database before the broker stops. */
    private void stopServices() {
        List<Thread> stoppers = suite.settings().services().stream()
                .map(service -> new Thread(() -> suite.stop(service), "stop-" + service))
                .toList();
        stoppers.forEach(Thread::start);
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        if (settings.services().contains(Service.ANALYTICS)) {
            out.println();
            consoleLines(suite.baseUri(Service.ANALYTICS), settings.dataDir(),
                    settings.repoRoot().resolve("deploy").resolve("run-data"), settings.localTokens())
                    .forEach(out::println);
        }
        out.println();
        out.printf("  Kafka        %s   (%s)%n", endpoints.bootstrapServers(), suite.kafkaOrigin());
        out.printf("  topics       %s%n", String.join(", ", endpoints.topics().all()));
        if (endpoints.kafka().secured()) {
            out.printf("  Kafka logins SASL/SCRAM-SHA-512, ACLs; client settings per principal (%s) in %s%n",
                    String.join(", ", endpoints.kafka().logins().keySet()),
                    KafkaPrincipals.clientsDir(settings.kafkaDataDir()));
        }
        out.printf("  PostgreSQL   %s   (%s)%n", endpoints.jdbcUrl(), suite.postgresOrigin());
        out.printf("  logs         %s/<service>.log%n", settings.logsDir());
        out.println();
        out.printf("Stop everything with Ctrl-C, or: kill %d%n", ProcessHandle.current().pid());
        out.flush();
    }

    /**
     * Where the web console is (analytics' {@code /console/}) and how to sign in to it: with a token of the suite's
     * key pair ({@code deploy/run.sh token}, naming the data directory when it is not the default), or through the
     * identity provider the services were pointed at.
     */
    static List<String> consoleLines(URI analytics, Path dataDir, Path defaultDataDir, boolean localTokens) {
        String console = analytics.resolve("/console/").toString();
        if (!localTokens) {
            return List.of(String.format("  %-18s %s   (sign in through the identity provider the services trust)",
                    "web console", console));
        }
        String dataDirOption = dataDir.toAbsolutePath().normalize().equals(defaultDataDir.toAbsolutePath().normalize())
                ? "" : " --data-dir " + dataDir;
        return List.of(String.format("  %-18s %s", "web console", console),
                String.format("  %-18s deploy/run.sh token --role operator --subject you --name 你的名字%s", "",
                        dataDirOption),
                String.format("  %-18s (paste the token on the sign-in page; roles: operator, agent --department D, "
                        + "surveyor, auditor, admin)", ""));
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

    /** {@code deploy/run.sh token ...}: the token alone on stdout; exit 2 for a wrong command line. */
    private static void token(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.print(TokenCommand.usage());
            return;
        }
        try {
            System.out.println(TokenCommand.mint(args, System.getenv(), () -> RepoRoot.find(java.nio.file.Path.of(""))));
        } catch (IllegalArgumentException | IllegalStateException | SuiteException e) {
            System.err.println("suite token: " + e.getMessage() + " (see deploy/run.sh token --help)");
            System.exit(2);
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
