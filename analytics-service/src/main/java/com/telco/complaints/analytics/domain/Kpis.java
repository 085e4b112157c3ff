package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.FaultParty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
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
            department = the department of the complaint's first work order as dispatched (UNDISPATCHED until \
            dispatched; FIRST_CONTACT for a complaint resolved at the first contact and not dispatched since), so a \
            redispatched or transferred complaint stays with the department it was first sent to. Figures per group: \
            volume = complaints; onTimeReturnRate = returnsOnTime / returnsJudged, where returnsJudged counts \
            work orders whose RETURN deadline was announced (SlaClockStarted) and that were returned or \
            breached, and returnsOnTime those returned at or before that deadline (a complaint resolved at the \
            first contact has no work order to count, unless its survey failed and it was then dispatched); \
            warnings and breaches = clocks (RETURN, SURVEY, CASE) of the complaints that raised \
            SlaWarningRaised / SlaBreached; handling time = ComplaintClosed.occurredAt - registration, over closed complaints: mean, and p90 \
            by nearest rank (the value at rank ceil(0.9 n) of the sorted times); satisfactionRate = \
            SurveyPassed / (SurveyPassed + SurveyFailed), counting every answer (of a work order, or of the answer \
            given at the first contact); redispatchRate = complaints with more than one work order other than \
            the manager hotline's / volume (the first work order of a complaint resolved at the first contact whose \
            survey failed is not a redispatch); recurrenceRate = complaints whose customer phone had a \
            complaint of the same category closed in the 30 days before this one's registration / volume; \
            firstContactResolutionRate = complaints registered as resolved at the first contact (即时处理: \
            ComplaintRegistered.resolvedAtFirstContact, not dispatched) / volume, whatever their survey said \
            after. \
            What became of the work orders of the group's complaints (all of them, the manager hotline's \
            included): workOrders = work orders dispatched; transferred = those passed to another department at \
            least once (WorkOrderTransferred), counted in the group of their complaint, so grouped by department \
            against the department its first work order was dispatched to, never the one it was transferred to; \
            misroutingRate = transferred / workOrders; urged = work orders urged at the RETURN clock's warning \
            (WorkOrderUrged); escalated = work orders escalated to a level of the ladder at least once \
            (WorkOrderEscalated; a notice to management alone is not counted); faults = returns per party found at \
            fault (Returned.faultOf: DEPARTMENT, CUSTOMER_SERVICE_CENTRE, THIRD_PARTY, CUSTOMER, NONE), listing only \
            the parties found and leaving out returns that name none. A complaint closed as RECORDED (dissatisfied \
            at the customer-service centre's own fault, not redispatched) counts as closed, and its failed survey as \
            an answer that was not satisfied. \
            What the customer is owed (DB3212/T 1102-2022), each figure settled by the log, so an open case whose \
            deadline has not come counts neither way: replyRate = complaints given the final answer (reached, or \
            sent in writing) / complaints owing one (answered, ANSWER breached, or closed); contactTimeliness = \
            complaints whose customer was first reached (a reached contact or an answered survey call) by the \
            CONTACT deadline (24 h) / complaints reached or CONTACT breached; answerTimeliness = complaints \
            answered by the ANSWER deadline (48 h) / complaints answered or ANSWER breached; a complaint resolved \
            at the first contact was reached and given the final answer at registration, so it counts as replied, \
            reached and answered on time as soon as it is registered (its clocks announced or not); \
            progressCompliance = PROGRESS runs ended by a reached contact, the answer or the close at or before \
            their deadline / runs ended or breached; complaintsPer10k = complaints of regions whose subscriber \
            base is configured (analytics.kpis.subscribers."<region>") × 10,000 / those regions' subscribers (of \
            the group's region when grouped by region; null when none is configured), over the period asked. \
            Targets of the seeds: replyRate 100%, contact and answer timeliness and progress compliance at least \
            90%, complaintsPer10k under 5 (none for firstContactResolutionRate); belowTarget names the figures \
            that miss theirs. A rate with a zero denominator is null.""";

    /** The targets of the seeds (001 and 002: reply rate 100%, timeliness above 90%; 004: under 5 per 10,000). */
    public enum Target {
        REPLY_RATE("replyRate", 1.0, true),
        CONTACT_TIMELINESS("contactTimeliness", 0.9, true),
        ANSWER_TIMELINESS("answerTimeliness", 0.9, true),
        PROGRESS_COMPLIANCE("progressCompliance", 0.9, true),
        COMPLAINTS_PER_10K("complaintsPer10k", 5.0, false);

        private final String figure;
        private final double bound;
        private final boolean atLeast;

        Target(String figure, double bound, boolean atLeast) {
            this.figure = figure;
            this.bound = bound;
            this.atLeast = atLeast;
        }

        public String figure() {
            return figure;
        }

        /** {@code >= bound} or {@code < bound}, as published. */
        public String rule() {
            return (atLeast ? ">= " : "< ") + bound;
        }

        /** Whether {@code value} misses the target; a figure that is null (nothing to judge) misses nothing. */
        public boolean missedBy(Double value) {
            return value != null && (atLeast ? value < bound : value >= bound);
        }

        Double of(Figures f) {
            return switch (this) {
                case REPLY_RATE -> f.replyRate();
                case CONTACT_TIMELINESS -> f.contactTimeliness();
                case ANSWER_TIMELINESS -> f.answerTimeliness();
                case PROGRESS_COMPLIANCE -> f.progressCompliance();
                case COMPLAINTS_PER_10K -> f.complaintsPer10k();
            };
        }
    }

    /**
     * The subscribers the complaints are counted against: per region, as configured; a region without a
     * figure is left out of complaints per 10,000.
     */
    public record Subscribers(Map<String, Long> byRegion) {
        public static final Subscribers NONE = new Subscribers(Map.of());

        public Subscribers {
            byRegion = Map.copyOf(byRegion);
        }

        long total() {
            return byRegion.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The figures of one group of complaints. */
    public record Figures(String group, long volume, long closed,
                          long returnsJudged, long returnsOnTime, Double onTimeReturnRate,
                          long warnings, long breaches,
                          Duration meanHandlingTime, Duration p90HandlingTime,
                          long surveysAnswered, long surveysPassed, Double satisfactionRate,
                          long redispatched, Double redispatchRate,
                          long workOrders, long transferred, Double misroutingRate, long urged, long escalated,
                          Map<FaultParty, Long> faults,
                          long recurrences, Double recurrenceRate,
                          long resolvedAtFirstContact, Double firstContactResolutionRate,
                          long repliesDue, long replied, Double replyRate,
                          long contactsJudged, long contactsOnTime, Double contactTimeliness,
                          long answersJudged, long answersOnTime, Double answerTimeliness,
                          long progressJudged, long progressMet, Double progressCompliance,
                          Long subscribers, Double complaintsPer10k) {

        /** The figures that miss their target, in the order of {@link Target}. */
        public List<String> belowTarget() {
            return Arrays.stream(Target.values()).filter(t -> t.missedBy(t.of(this))).map(Target::figure).toList();
        }
    }

    private Kpis() {}

    /** The figures per group, ordered by group. */
    public static List<Figures> byGroup(Collection<KpiCase> cases, GroupBy groupBy, Subscribers subscribers) {
        Map<String, List<KpiCase>> groups = new TreeMap<>();
        for (KpiCase c : cases) {
            groups.computeIfAbsent(c.key(groupBy), k -> new ArrayList<>()).add(c);
        }
        List<Figures> figures = new ArrayList<>(groups.size());
        groups.forEach((key, members) -> figures.add(of(key, members, groupBy == GroupBy.REGION
                ? new Subscribers(subscribers.byRegion().containsKey(key)
                        ? Map.of(key, subscribers.byRegion().get(key)) : Map.of())
                : subscribers)));
        return figures;
    }

    /** The figures of {@code cases} taken as one group, complaints counted against {@code subscribers}. */
    public static Figures of(String group, Collection<KpiCase> cases, Subscribers subscribers) {
        long closed = 0;
        long judged = 0;
        long onTime = 0;
        long warnings = 0;
        long breaches = 0;
        long passed = 0;
        long failed = 0;
        long redispatched = 0;
        long workOrders = 0;
        long transferred = 0;
        long urged = 0;
        long escalated = 0;
        Map<FaultParty, Long> faults = new EnumMap<>(FaultParty.class);
        long recurrences = 0;
        long resolvedAtFirstContact = 0;
        long repliesDue = 0;
        long replied = 0;
        long contactsJudged = 0;
        long contactsOnTime = 0;
        long answersJudged = 0;
        long answersOnTime = 0;
        long progressJudged = 0;
        long progressMet = 0;
        long counted = 0;
        long[] handling = new long[cases.size()];
        for (KpiCase c : cases) {
            CustomerObligations owed = c.owed();
            repliesDue += owed.replyDue();
            replied += owed.replied();
            contactsJudged += owed.contactJudged();
            contactsOnTime += owed.contactOnTime();
            answersJudged += owed.answerJudged();
            answersOnTime += owed.answerOnTime();
            progressJudged += owed.progressJudged();
            progressMet += owed.progressMet();
            if (subscribers.byRegion().containsKey(c.region())) {
                counted++;
            }
            judged += c.returnsJudged();
            onTime += c.returnsOnTime();
            warnings += c.warnings();
            breaches += c.breaches();
            passed += c.surveysPassed();
            failed += c.surveysFailed();
            if (c.attempts() > 1) {
                redispatched++;
            }
            WorkOrderCounts orders = c.orders();
            workOrders += orders.dispatched();
            transferred += orders.transferred();
            urged += orders.urged();
            escalated += orders.escalated();
            orders.faults().forEach(party -> faults.merge(party, 1L, Long::sum));
            if (c.recurrence()) {
                recurrences++;
            }
            if (c.resolvedAtFirstContact()) {
                resolvedAtFirstContact++;
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
                redispatched, rate(redispatched, volume),
                workOrders, transferred, rate(transferred, workOrders), urged, escalated,
                Collections.unmodifiableMap(faults),
                recurrences, rate(recurrences, volume),
                resolvedAtFirstContact, rate(resolvedAtFirstContact, volume),
                repliesDue, replied, rate(replied, repliesDue),
                contactsJudged, contactsOnTime, rate(contactsOnTime, contactsJudged),
                answersJudged, answersOnTime, rate(answersOnTime, answersJudged),
                progressJudged, progressMet, rate(progressMet, progressJudged),
                subscribers.byRegion().isEmpty() ? null : subscribers.total(),
                subscribers.byRegion().isEmpty() ? null : rate(counted * 10_000, subscribers.total()));
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
