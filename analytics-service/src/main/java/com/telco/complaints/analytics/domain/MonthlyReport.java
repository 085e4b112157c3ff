package com.telco.complaints.analytics.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly summary to management (000; DOMAIN.md §7): a month of the business time zone against the month before,
 * in the figures of {@link Kpis} over the complaints registered in each month (the same cohort as {@code GET /kpis}
 * for that period), the month's hotspots by {@link Hotspots}, and the month's incidents and billing disputes.
 *
 * @param volumes              complaints registered, in total and per group, against the previous month
 * @param rates                the figures the centre is measured by, each against its target of the seeds where the
 *                             seeds set one
 * @param hotspots             the month's region × category pairs far above the previous month, at most
 *                             {@link #TOP_HOTSPOTS}, highest first
 * @param breachesByDepartment per department (of the complaints' first work orders), the clocks breached and warned,
 *                             most breaches first
 * @param incidents            the outage incidents declared in the month
 * @param billingDisputes      the month's billing disputes and what became of them
 */
public record MonthlyReport(String month, String zone, Instant from, Instant to, Instant previousFrom,
                            Volumes volumes, List<RateFigure> rates, List<Hotspots.Hotspot> hotspots,
                            List<DepartmentBreaches> breachesByDepartment, List<Incident> incidents,
                            BillingDisputes billingDisputes) {

    /** The published definition; also in the OpenAPI document. */
    public static final String DEFINITION = """
            month (YYYY-MM) is a calendar month of the business time zone (zone, console.zone: Asia/Shanghai by \
            default): [from, to) runs from the start of its first day to the start of the next month's, and the \
            previous month [previousFrom, from) likewise. Every figure is the one GET /kpis gives for that period \
            (complaints registered in it; see /kpis for each definition). volumes: complaints in total and by \
            category, channel, region and department (of the first work order; UNDISPATCHED, FIRST_CONTACT), each \
            with count, previous (the previous month's), change = count - previous and changeRate = change / \
            previous (null when previous is 0). rates: onTimeReturnRate, satisfactionRate, replyRate, \
            contactTimeliness, answerTimeliness, progressCompliance, recurrenceRate and complaintsPer10k with the \
            previous month's value; target is the seeds' rule as GET /kpis lists it (null where the seeds set none) \
            and met whether the month meets it (null without a target or without a value). hotspots: region x \
            category pairs of the month against the previous month as the baseline (usual = previous count x \
            month length / previous month length; count >= analytics.hotspots.min-count and >= \
            analytics.hotspots.factor x usual), the first 10 by count / usual. breachesByDepartment: per \
            department, the breached and warned clocks of its complaints (not the PROOF clocks: that deadline is \
            the service provider's), most breaches first. incidents: the outage incidents declared in the month \
            that complaints joined, with their counts as they stand now (resolvedAt once every linked complaint \
            is returned). billingDisputes: the disputes of the complaints registered in the month, with what \
            became of them up to now (a refund granted after the month counts in the month of its complaint), \
            in total and per service provider.""";

    /** The most hotspots a report lists. */
    public static final int TOP_HOTSPOTS = 10;

    /** The group of a month's total. */
    public static final String ALL = "ALL";

    /** Complaints of one group in the month and the month before. */
    public record VolumeChange(String group, long count, long previous, long change, Double changeRate) {
        static VolumeChange of(String group, long count, long previous) {
            return new VolumeChange(group, count, previous, count - previous, Kpis.rate(count - previous, previous));
        }
    }

    /** The month's volumes: the total, and per group in the order of the group names. */
    public record Volumes(VolumeChange total, List<VolumeChange> byCategory, List<VolumeChange> byChannel,
                          List<VolumeChange> byRegion, List<VolumeChange> byDepartment) {}

    /**
     * @param target the seeds' rule (e.g. {@code >= 0.9}); null when the seeds set none
     * @param met    whether {@code value} meets the target; null without a target or a value
     */
    public record RateFigure(String figure, Double value, Double previous, String target, Boolean met) {}

    public record DepartmentBreaches(String department, long breaches, long warnings) {}

    /**
     * An outage incident declared in the month (seed 002) and the complaints it gathered, as they stand now.
     *
     * @param complaints the complaints linked to it
     * @param returned   of those, the ones its resolution returned
     * @param resolvedAt when its resolution returned them (the last return, once every linked complaint is
     *                   returned); null before
     */
    public record Incident(String incidentId, String region, String category, String title, String department,
                           Instant declaredAt, Instant estimatedRepairAt, Instant resolvedAt, long complaints,
                           long returned) {}

    /**
     * The billing disputes (seed 004) of the complaints registered in the month: disputed, proved by the provider,
     * refunded provisionally, and the same per service provider (most complaints first).
     */
    public record BillingDisputes(long disputes, long proofsReceived, long provisionalRefunds, long refundedFen,
                                  List<SpKpis.SpFigures> perSp) {
        public static final BillingDisputes NONE = new BillingDisputes(0, 0, 0, 0, List.of());

        public BillingDisputes {
            perSp = List.copyOf(perSp);
        }
    }

    /** The figures a report rates, in the order it lists them; those with a seeds' target judged by it. */
    enum Rated {
        ON_TIME_RETURN_RATE("onTimeReturnRate", Kpis.Figures::onTimeReturnRate),
        SATISFACTION_RATE("satisfactionRate", Kpis.Figures::satisfactionRate),
        REPLY_RATE(Kpis.Target.REPLY_RATE),
        CONTACT_TIMELINESS(Kpis.Target.CONTACT_TIMELINESS),
        ANSWER_TIMELINESS(Kpis.Target.ANSWER_TIMELINESS),
        PROGRESS_COMPLIANCE(Kpis.Target.PROGRESS_COMPLIANCE),
        RECURRENCE_RATE("recurrenceRate", Kpis.Figures::recurrenceRate),
        COMPLAINTS_PER_10K(Kpis.Target.COMPLAINTS_PER_10K);

        private final String figure;
        private final Function<Kpis.Figures, Double> value;
        private final Kpis.Target target;

        Rated(String figure, Function<Kpis.Figures, Double> value) {
            this.figure = figure;
            this.value = value;
            this.target = null;
        }

        Rated(Kpis.Target target) {
            this.figure = target.figure();
            this.value = target::of;
            this.target = target;
        }

        RateFigure of(Kpis.Figures month, Kpis.Figures previous) {
            Double v = value.apply(month);
            return new RateFigure(figure, v, value.apply(previous), target == null ? null : target.rule(),
                    target == null || v == null ? null : !target.missedBy(v));
        }
    }

    /**
     * The report of {@code month}.
     *
     * @param cases         the complaints registered in the month
     * @param previousCases those registered in the month before
     * @param hotspots      the month's hotspots against the month before ({@link #hotspotPeriods}, {@link #hotspotRule})
     */
    public static MonthlyReport of(BusinessMonth month, Collection<KpiCase> cases, Collection<KpiCase> previousCases,
                                   Kpis.Subscribers subscribers, List<Hotspots.Hotspot> hotspots,
                                   List<Incident> incidents, BillingDisputes billingDisputes) {
        Volumes volumes = new Volumes(VolumeChange.of(ALL, cases.size(), previousCases.size()),
                volumes(cases, previousCases, GroupBy.CATEGORY), volumes(cases, previousCases, GroupBy.CHANNEL),
                volumes(cases, previousCases, GroupBy.REGION), volumes(cases, previousCases, GroupBy.DEPARTMENT));
        Kpis.Figures total = Kpis.of(ALL, cases, subscribers);
        Kpis.Figures previousTotal = Kpis.of(ALL, previousCases, subscribers);
        List<RateFigure> rates = Arrays.stream(Rated.values()).map(r -> r.of(total, previousTotal)).toList();
        List<DepartmentBreaches> breaches = Kpis.byGroup(cases, GroupBy.DEPARTMENT, Kpis.Subscribers.NONE).stream()
                .map(f -> new DepartmentBreaches(f.group(), f.breaches(), f.warnings()))
                .sorted(Comparator.comparingLong(DepartmentBreaches::breaches).reversed()
                        .thenComparing(DepartmentBreaches::department))
                .toList();
        return new MonthlyReport(month.month().toString(), month.zone().getId(), month.start(), month.end(),
                month.previous().start(), volumes, rates, hotspots.stream().limit(TOP_HOTSPOTS).toList(), breaches,
                List.copyOf(incidents), billingDisputes);
    }

    /** The month as the hotspots' window, the month before as its baseline. */
    public static Hotspots.Periods hotspotPeriods(BusinessMonth month) {
        return new Hotspots.Periods(month.previous().start(), month.start(), month.end());
    }

    /** The configured floor and factor, against the month before: a month's usual level is the previous month's. */
    public static Hotspots.Rule hotspotRule(Hotspots.Rule configured, BusinessMonth month) {
        return new Hotspots.Rule(configured.minCount(), configured.factor(), month.previous().length());
    }

    /** Per group of either month, in the order of the group names. */
    private static List<VolumeChange> volumes(Collection<KpiCase> cases, Collection<KpiCase> previousCases,
                                              GroupBy groupBy) {
        Map<String, Long> now = volumeByGroup(cases, groupBy);
        Map<String, Long> before = volumeByGroup(previousCases, groupBy);
        TreeSet<String> groups = new TreeSet<>(now.keySet());
        groups.addAll(before.keySet());
        return groups.stream()
                .map(g -> VolumeChange.of(g, now.getOrDefault(g, 0L), before.getOrDefault(g, 0L)))
                .toList();
    }

    private static Map<String, Long> volumeByGroup(Collection<KpiCase> cases, GroupBy groupBy) {
        return Kpis.byGroup(cases, groupBy, Kpis.Subscribers.NONE).stream()
                .collect(Collectors.toMap(Kpis.Figures::group, Kpis.Figures::volume, Long::sum, TreeMap::new));
    }
}
