package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.AnalyticsConfig;
import com.telco.complaints.analytics.domain.GroupBy;
import com.telco.complaints.analytics.domain.KpiCase;
import com.telco.complaints.analytics.domain.Kpis;
import com.telco.complaints.analytics.store.CaseStore;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * KPIs of DOMAIN.md §7 for a period, by category, channel, region or department. For operators,
 * administrators and auditors; figures only, no customer's personal data.
 */
@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class KpiResource {

    /**
     * The figures of one group; each rate comes with its numerator and denominator (volume for the
     * redispatch, recurrence and first-contact resolution rates; workOrders for the misrouting rate), and is null
     * when the denominator is zero. Handling times as ISO-8601 durations and in seconds.
     *
     * @param faults returns counted per party they found at fault (Returned.faultOf), only the parties found
     */
    public record FiguresView(String group, long volume, long closed,
                              Double onTimeReturnRate, long returnsOnTime, long returnsJudged,
                              long warnings, long breaches,
                              String meanHandlingTime, Double meanHandlingSeconds,
                              String p90HandlingTime, Double p90HandlingSeconds,
                              Double satisfactionRate, long surveysPassed, long surveysAnswered,
                              Double redispatchRate, long redispatched,
                              Double misroutingRate, long transferred, long workOrders, long urged, long escalated,
                              Map<FaultParty, Long> faults,
                              Double recurrenceRate, long recurrences,
                              Double firstContactResolutionRate, long resolvedAtFirstContact,
                              Double replyRate, long replied, long repliesDue,
                              Double contactTimeliness, long contactsOnTime, long contactsJudged,
                              Double answerTimeliness, long answersOnTime, long answersJudged,
                              Double progressCompliance, long progressMet, long progressJudged,
                              Double complaintsPer10k, Long subscribers, List<String> belowTarget) {

        static FiguresView of(Kpis.Figures f) {
            return new FiguresView(f.group(), f.volume(), f.closed(), f.onTimeReturnRate(), f.returnsOnTime(),
                    f.returnsJudged(), f.warnings(), f.breaches(), text(f.meanHandlingTime()),
                    seconds(f.meanHandlingTime()), text(f.p90HandlingTime()), seconds(f.p90HandlingTime()),
                    f.satisfactionRate(), f.surveysPassed(), f.surveysAnswered(), f.redispatchRate(),
                    f.redispatched(), f.misroutingRate(), f.transferred(), f.workOrders(), f.urged(), f.escalated(),
                    f.faults(), f.recurrenceRate(), f.recurrences(), f.firstContactResolutionRate(),
                    f.resolvedAtFirstContact(), f.replyRate(), f.replied(), f.repliesDue(),
                    f.contactTimeliness(), f.contactsOnTime(), f.contactsJudged(), f.answerTimeliness(),
                    f.answersOnTime(), f.answersJudged(), f.progressCompliance(), f.progressMet(), f.progressJudged(),
                    f.complaintsPer10k(), f.subscribers(), f.belowTarget());
        }

        private static String text(Duration d) {
            return d == null ? null : d.toString();
        }

        private static Double seconds(Duration d) {
            return d == null ? null : d.toMillis() / 1000.0;
        }
    }

    /** A target of the seeds: the figure, and the rule it must meet (e.g. {@code >= 0.9}). */
    public record TargetView(String figure, String rule) {}

    /**
     * @param groups  per group, ordered by group; empty when no groupBy was asked
     * @param targets the seeds' targets; each figure's belowTarget names those it misses
     */
    public record KpiReport(Instant from, Instant to, String groupBy, FiguresView total, List<FiguresView> groups,
                            List<TargetView> targets) {}

    private static final List<TargetView> TARGETS = java.util.Arrays.stream(Kpis.Target.values())
            .map(t -> new TargetView(t.figure(), t.rule())).toList();

    @Inject
    CaseStore cases;
    @Inject
    AnalyticsConfig config;
    /** The longest period one report covers: its cases are folded in memory. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    @Inject
    Clock clock;

    /** The complaints' registrations a KPI door covers: [from, to). */
    record Period(Instant from, Instant to) {}

    /**
     * Reads a KPI door's from and to (GET /kpis, GET /kpis/sp): to defaults to {@code now}, from to 30 days before
     * to, at most {@link #MAX_RANGE} apart; a wrong one is collected in {@code params}.
     */
    static Period period(QueryParams params, String from, String to, Instant now) {
        Instant end = params.instant("to", to, now);
        Instant start = params.instant("from", from, end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            params.fail("from", "must be before to");
        } else if (start.isBefore(end.minus(MAX_RANGE))) {
            params.fail("from", "at most " + MAX_RANGE.toDays() + " days before to: ask for a longer period year by year");
        }
        return new Period(start, end);
    }

    @GET
    @Operation(summary = "KPIs of the complaints registered in [from, to), in total and per group",
            description = "from defaults to 30 days before to, to to now, at most 366 days apart; groupBy: "
                    + "category, channel, region or department. " + Kpis.DEFINITION)
    public KpiReport kpis(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("groupBy") String groupBy) {
        QueryParams params = new QueryParams();
        Period period = period(params, from, to, clock.instant());
        Instant start = period.from();
        Instant end = period.to();
        GroupBy grouping = null;
        if (groupBy != null && !groupBy.isBlank()) {
            grouping = GroupBy.parse(groupBy).orElse(null);
            if (grouping == null) {
                params.fail("groupBy", "must be one of category, channel, region, department");
            }
        }
        params.validate();
        List<KpiCase> population = cases.kpiCases(start, end, config.kpis().recurrenceWindow());
        Kpis.Subscribers subscribers = new Kpis.Subscribers(config.kpis().subscribers());
        List<FiguresView> groups = grouping == null ? List.of()
                : Kpis.byGroup(population, grouping, subscribers).stream().map(FiguresView::of).toList();
        return new KpiReport(start, end, grouping == null ? null : grouping.name().toLowerCase(java.util.Locale.ROOT),
                FiguresView.of(Kpis.of("ALL", population, subscribers)), groups, TARGETS);
    }
}
