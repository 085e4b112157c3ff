package com.telco.complaints.analytics.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KPI arithmetic of DOMAIN.md §7 over a set of complaints (the caller chooses which: those
 * registered in the period). Every rate is a share of a stated denominator and is null when the
 * denominator is zero, never 0 or NaN.
 */
public final class Kpis {

    /** The published definition of each figure; also in the OpenAPI document. */
    public static final String DEFINITION = """
            Population: complaints registered (ComplaintRegistered.occurredAt) in [from, to), each with \
            everything the log says about it up to now (a cohort: a complaint registered in the period and \
            closed after it still counts as closed). Grouping: category, channel and region as registered; \
            department = the department of the complaint's first work order (UNDISPATCHED until dispatched), \
            so a redispatched complaint stays with the department it was first sent to. Figures per group: \
            volume = complaints; onTimeReturnRate = returnsOnTime / returnsJudged, where returnsJudged counts \
            work orders whose RETURN deadline was announced (SlaClockStarted) and that were returned or \
            breached, and returnsOnTime those returned at or before that deadline; warnings and breaches = \
            clocks (RETURN, SURVEY, CASE) of the complaints that raised SlaWarningRaised / SlaBreached; \
            handling time = ComplaintClosed.occurredAt - registration, over closed complaints: mean, and p90 \
            by nearest rank (the value at rank ceil(0.9 n) of the sorted times); satisfactionRate = \
            SurveyPassed / (SurveyPassed + SurveyFailed), counting every answer; redispatchRate = complaints \
            with more than one work order / volume; recurrenceRate = complaints whose customer phone had a \
            complaint of the same category closed in the 30 days before this one's registration / volume. \
            A rate with a zero denominator is null.""";

    /** The figures of one group of complaints. */
    public record Figures(String group, long volume, long closed,
                          long returnsJudged, long returnsOnTime, Double onTimeReturnRate,
                          long warnings, long breaches,
                          Duration meanHandlingTime, Duration p90HandlingTime,
                          long surveysAnswered, long surveysPassed, Double satisfactionRate,
                          long redispatched, Double redispatchRate,
                          long recurrences, Double recurrenceRate) {}

    private Kpis() {}

    /** The figures per group, ordered by group. */
    public static List<Figures> byGroup(Collection<KpiCase> cases, GroupBy groupBy) {
        Map<String, List<KpiCase>> groups = new TreeMap<>();
        for (KpiCase c : cases) {
            groups.computeIfAbsent(c.key(groupBy), k -> new ArrayList<>()).add(c);
        }
        List<Figures> figures = new ArrayList<>(groups.size());
        groups.forEach((key, members) -> figures.add(of(key, members)));
        return figures;
    }

    /** The figures of {@code cases} taken as one group. */
    public static Figures of(String group, Collection<KpiCase> cases) {
        long closed = 0;
        long judged = 0;
        long onTime = 0;
        long warnings = 0;
        long breaches = 0;
        long passed = 0;
        long failed = 0;
        long redispatched = 0;
        long recurrences = 0;
        long[] handling = new long[cases.size()];
        for (KpiCase c : cases) {
            judged += c.returnsJudged();
            onTime += c.returnsOnTime();
            warnings += c.warnings();
            breaches += c.breaches();
            passed += c.surveysPassed();
            failed += c.surveysFailed();
            if (c.attempts() > 1) {
                redispatched++;
            }
            if (c.recurrence()) {
                recurrences++;
            }
            Duration handlingTime = c.handlingTime();
            if (handlingTime != null) {
                handling[(int) closed++] = handlingTime.toMillis();
            }
        }
        long[] times = Arrays.copyOf(handling, (int) closed);
        Arrays.sort(times);
        long volume = cases.size();
        return new Figures(group, volume, closed, judged, onTime, rate(onTime, judged), warnings, breaches,
                times.length == 0 ? null : Duration.ofMillis(mean(times)),
                times.length == 0 ? null : Duration.ofMillis(percentile(times, 90)),
                passed + failed, passed, rate(passed, passed + failed),
                redispatched, rate(redispatched, volume), recurrences, rate(recurrences, volume));
    }

    /** {@code part / whole}, or null when there is nothing to divide. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The arithmetic mean, rounded to the nearest unit. */
    public static long mean(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the mean of nothing");
        }
        long sum = 0;
        for (long v : values) {
            sum = Math.addExact(sum, v);
        }
        return Math.round((double) sum / values.length);
    }

    /**
     * The nearest-rank percentile of sorted values: the value at rank ceil(percent/100 × n),
     * counting from 1. Integer arithmetic, so 90% of 10 values is exactly rank 9.
     */
    public static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the percentile of nothing");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(1, rank) - 1];
    }
}
