package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.deploy.suite.Endpoints;
import com.telco.complaints.deploy.suite.RunDatabase;
import com.telco.complaints.deploy.suite.Service;
import com.telco.complaints.deploy.suite.Suite;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The traffic of an operator's day, squeezed into minutes, against a running suite and only through
 * its REST doors: publishing systems register complaints (with a burst in one region), departments
 * return their work orders at varied speeds (passing a misrouted one on now and then; routing urges
 * and escalates the late ones), survey agents call the customers. Every second the
 * terminal shows one line of what the services report; at the end, a short report of the KPIs
 * from analytics.
 */
public final class Demo {

    private static final Duration TICK = Duration.ofSeconds(1);
    /** How long a call of the simulation waits for its answer. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Suite suite;
    private final DemoSettings settings;
    private final PrintStream out;
    private final Clock clock = Clock.systemUTC();
    private final Rest rest = new Rest(CALL_TIMEOUT);
    private final DemoTokens tokens;
    private final Random random = new Random();
    private final DemoCounters counters = new DemoCounters();
    private final Traffic traffic = new Traffic(random);
    private final Departments departments;
    private final SurveyAgents agents;
    private final CustomerDesk desk;
    private final ScheduledExecutorService scheduler;
    private final boolean terminal = System.console() != null;
    /** Columns of the terminal: a live line longer than that would wrap, and \r would no longer rewrite it. */
    private final int columns = terminal ? TerminalWidth.columns().orElse(Integer.MAX_VALUE) : Integer.MAX_VALUE;
    private final Instant start;
    private final long startNanos;

    private volatile ScheduledFuture<?> burst;
    private volatile JsonNode kpisByDepartment;
    private volatile Instant kpisAt;
    private volatile JsonNode hotspots;
    private volatile Report.Escalations escalations;
    private double lastArchived = Double.NaN;
    private long lastArchivedNanos;
    private boolean finished;

    private Demo(Suite suite, DemoSettings settings, PrintStream out) {
        this.suite = suite;
        this.settings = settings;
        this.out = out;
        this.tokens = new DemoTokens(suite);
        this.departments = new Departments(suite.baseUri(Service.ROUTING), rest, tokens, random, clock, counters);
        this.agents = new SurveyAgents(suite.baseUri(Service.SURVEY), rest, tokens, random, clock, counters);
        this.desk = new CustomerDesk(suite.baseUri(Service.ROUTING), suite.baseUri(Service.SURVEY),
                suite.baseUri(Service.ANALYTICS), rest, tokens, random, clock, counters, Duration.ofSeconds(60));
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(6, r -> {
            Thread t = new Thread(r, "demo-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.start = clock.instant();
        this.startNanos = System.nanoTime();
    }

    /** Starts the traffic against a suite that is ready. */
    public static Demo start(Suite suite, DemoSettings settings, PrintStream out) {
        Demo demo = new Demo(suite, settings, out);
        demo.begin();
        return demo;
    }

    private void begin() {
        out.printf(Locale.ROOT, "Demo: %.1f complaints/s across channels, categories, regions and tiers; a burst of network"
                        + " complaints in %s %s after the start for %s; departments, the customer desk and survey agents at work.%n",
                settings.rate(), settings.hotspotRegion(), human(settings.burstStart()), human(settings.burstLength()));
        out.println("      SLA limits of the demo (calendar time): return 60 s (urgent and key customers 40 s, urgent key"
                + " customers and regulator transfers 30 s), survey 40 s, case 3 min; the customer is owed contact in"
                + " 30 s, the answer in 60 s, progress every 60 s; triage 20 s. Hotspots: 30 complaints or more.");
        out.println("      Routing urges an order still open at 80% of its return limit and escalates it at the deadline to"
                + " the supervisor desk, 20 s later to the escalation desk; some departments pass a misrouted order on.");
        out.println("      " + (settings.duration() == null ? "Ctrl-C" : "After " + human(settings.duration()) + ", or Ctrl-C,")
                + " ends the traffic, prints the KPIs from analytics and stops the suite.");
        out.println();
        long period = Math.max(1, Math.round(1_000_000 / settings.rate()));
        scheduler.scheduleAtFixedRate(guarded(() -> register(traffic.next())), 0, period, TimeUnit.MICROSECONDS);
        scheduler.schedule(guarded(this::startBurst), settings.burstStart().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(departments::work), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(guarded(agents::work), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(guarded(desk::work), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(guarded(this::refresh), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(this::snapshotReport), 5, 5, TimeUnit.SECONDS);
    }

    private void startBurst() {
        long period = Math.max(1, Math.round(1_000_000 / settings.burstRate()));
        burst = scheduler.scheduleAtFixedRate(guarded(() -> register(traffic.burst(settings.hotspotRegion()))), 0,
                period, TimeUnit.MICROSECONDS);
        scheduler.schedule(() -> burst.cancel(false), settings.burstLength().toMillis(), TimeUnit.MILLISECONDS);
        message("burst: an outage in " + settings.hotspotRegion() + ", " + String.format(Locale.ROOT, "%.1f", settings.burstRate())
                + " extra network complaints/s for " + human(settings.burstLength()));
    }

    /** Whether the demo's duration is over (never, without one). */
    public boolean over() {
        return settings.duration() != null && System.nanoTime() - startNanos >= settings.duration().toNanos();
    }

    /** A publishing system submits one complaint. */
    private void register(Map<String, Object> complaint) {
        String system = "demo-" + complaint.get("channel").toString().toLowerCase(Locale.ROOT);
        Rest.Answer answer = rest.post(suite.baseUri(Service.INTAKE), "/complaints",
                tokens.submitter(system), complaint,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (answer.status() == 201) {
            counters.registered.incrementAndGet();
        } else if (answer.status() == 422) {
            counters.refused.incrementAndGet();
        } else {
            counters.callFailed();
        }
    }

    /** The live line: what routing, survey and analytics answer right now. */
    private void refresh() {
        long open = rest.get(suite.baseUri(Service.ROUTING), "/work-orders?status=OPEN&size=1",
                tokens.operator()).totalCount().orElse(-1);
        long surveys = rest.get(suite.baseUri(Service.SURVEY), "/surveys?status=PENDING&size=1",
                tokens.operator()).totalCount().orElse(-1);
        Rest.Answer kpis = rest.get(suite.baseUri(Service.ANALYTICS), "/kpis?from=" + since(), tokens.operator());
        JsonNode total = kpis.ok() ? kpis.body().path("total") : null;
        Figures.Sample sample = new Figures.Sample(Duration.ofNanos(System.nanoTime() - startNanos),
                counters.registered.get(), open, surveys,
                total == null ? -1 : total.path("warnings").asLong(),
                total == null ? -1 : total.path("breaches").asLong(),
                total == null ? -1 : total.path("closed").asLong(), eventsPerSecond());
        String line = Figures.line(sample);
        synchronized (this) {
            if (finished) {
                return;
            }
            if (terminal) {
                out.print("\r" + (line.length() < columns ? line : line.substring(0, Math.max(0, columns - 1))) + "\u001B[K");
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    /** Events archived by analytics per second since the last sample, from its /q/metrics. */
    private OptionalDouble eventsPerSecond() {
        OptionalDouble archived = Figures.counter(rest.text(suite.baseUri(Service.ANALYTICS), "/q/metrics"),
                "events_archived_total");
        long now = System.nanoTime();
        OptionalDouble rate = OptionalDouble.empty();
        if (archived.isPresent() && !Double.isNaN(lastArchived) && archived.getAsDouble() >= lastArchived) {
            rate = OptionalDouble.of((archived.getAsDouble() - lastArchived) * 1e9 / (now - lastArchivedNanos));
        }
        lastArchived = archived.orElse(Double.NaN);
        lastArchivedNanos = now;
        return rate;
    }

    /** Kept for the report: on Ctrl-C in a terminal the services get the signal too, and may no longer answer. */
    private void snapshotReport() {
        Rest.Answer kpis = rest.get(suite.baseUri(Service.ANALYTICS), "/kpis?groupBy=department&from=" + since(),
                tokens.operator());
        if (kpis.ok()) {
            kpisByDepartment = kpis.body();
            kpisAt = clock.instant();
        }
        Rest.Answer found = rest.get(suite.baseUri(Service.ANALYTICS), "/hotspots?window=" + hotspotWindow(),
                tokens.operator());
        if (found.ok()) {
            hotspots = found.body();
        }
        Report.Escalations read = escalations(CALL_TIMEOUT);
        if (read != null) {
            escalations = read;
        }
    }

    /**
     * The escalations analytics knows (the demo's own database holds only the demo's): the ladder's levels counted
     * over its pages, notices and those still open from X-Total-Count; null when analytics does not answer.
     */
    private Report.Escalations escalations(Duration timeout) {
        URI analytics = suite.baseUri(Service.ANALYTICS);
        Rest.Answer notices = rest.get(analytics, "/escalations?kind=NOTICE&size=1", tokens.operator(), timeout);
        Rest.Answer open = rest.get(analytics, "/escalations?status=OPEN&size=1", tokens.operator(), timeout);
        List<JsonNode> ladder = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            Rest.Answer answer = rest.get(analytics, "/escalations?kind=LADDER&size=500&page=" + page,
                    tokens.operator(), timeout);
            if (!answer.ok()) {
                return null;
            }
            ladder.add(answer.body());
            if (answer.body().path("items").size() < 500) {
                break;
            }
        }
        if (notices.totalCount().isEmpty() || open.totalCount().isEmpty()) {
            return null;
        }
        return new Report.Escalations(Report.Escalations.levelsOf(ladder), notices.totalCount().getAsLong(),
                open.totalCount().getAsLong());
    }

    /** Ends the traffic and prints the report; only the first call does anything. */
    public void finish() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Fresh figures if analytics still answers; otherwise those of the last snapshot.
        Duration quick = Duration.ofSeconds(2);
        Rest.Answer kpis = rest.get(suite.baseUri(Service.ANALYTICS), "/kpis?groupBy=department&from=" + since(),
                tokens.operator(), quick);
        String asOf = "now";
        JsonNode report = kpisByDepartment;
        if (kpis.ok()) {
            report = kpis.body();
        } else if (kpisAt != null) {
            asOf = "at " + LocalTime.ofInstant(kpisAt, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS)
                    + " (analytics no longer answered)";
        }
        Rest.Answer found = rest.get(suite.baseUri(Service.ANALYTICS), "/hotspots?window=" + hotspotWindow(),
                tokens.operator(), quick);
        Report.Escalations escalated = escalations(quick);
        out.print(Report.render(Duration.ofNanos(System.nanoTime() - startNanos), counters, report, asOf,
                escalated != null ? escalated : escalations, found.ok() ? found.body() : hotspots));
        out.flush();
    }

    /**
     * Removes this demo's topics and, when it had one of its own, its database; call once the
     * services are stopped.
     */
    public void cleanUp(Endpoints endpoints) {
        if (endpoints == null) {
            return;
        }
        try {
            endpoints.deleteTopics();
            out.println("demo: topics " + String.join(", ", endpoints.topics().all()) + " deleted");
        } catch (RuntimeException e) {
            out.println("demo: could not delete the topics " + endpoints.topics().all() + ": " + e.getMessage());
        }
        if (!settings.ownDatabase()) {
            return;
        }
        String database = RunDatabase.name(endpoints);
        try {
            if (RunDatabase.drop(endpoints)) {
                out.println("demo: database " + database + " and its services' roles dropped");
            }
        } catch (SQLException e) {
            out.println("demo: could not drop the database " + database + ": " + e.getMessage());
        }
    }

    private String since() {
        return URLEncoder.encode(start.minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8);
    }

    /** The whole demo so far, in whole minutes (at least the one minute /hotspots allows). */
    private String hotspotWindow() {
        long minutes = Math.max(1, (Duration.between(start, clock.instant()).toSeconds() + 59) / 60);
        return Duration.ofMinutes(minutes).toString();
    }

    private void message(String text) {
        synchronized (this) {
            if (finished) {
                return;
            }
            out.print(terminal ? "\r\u001B[K" : "");
            out.println("demo: " + text);
        }
    }

    /** A task of the scheduler that fails stops repeating without a word: say so and go on instead. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                counters.callFailed();
            }
        };
    }

    public static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
    }
}
