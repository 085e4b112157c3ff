package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.AnalyticsConfig;
import com.telco.complaints.analytics.domain.Hotspots;
import com.telco.complaints.analytics.store.CaseStore;
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

/**
 * Possible outages: region × category pairs far above their usual level (DOMAIN.md §8). For
 * operators, administrators and auditors; counts and complaint numbers only, no customer's personal
 * data.
 */
@Path("/hotspots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class HotspotResource {

    public record RuleView(int minCount, double factor, String baseline) {}

    public record HotspotReport(Instant now, String window, Instant windowStart, Instant baselineStart, RuleView rule,
                                List<Hotspots.Hotspot> hotspots) {}

    @Inject
    CaseStore cases;
    @Inject
    Hotspots.Rule rule;
    @Inject
    AnalyticsConfig config;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Region × category pairs whose complaints in the last window stand far above their usual level",
            description = "window: an ISO-8601 duration from PT1M to analytics.hotspots.max-window (default PT1H). "
                    + Hotspots.DEFINITION)
    public HotspotReport hotspots(@QueryParam("window") String window) {
        QueryParams params = new QueryParams();
        Duration length = params.duration("window", window, Duration.ofHours(1));
        params.check("window", length, d -> d.compareTo(Duration.ofMinutes(1)) < 0
                || d.compareTo(config.hotspots().maxWindow()) > 0
                ? "must be between PT1M and " + config.hotspots().maxWindow() : null);
        params.validate();
        Hotspots.Periods periods = Hotspots.Periods.of(clock.instant(), length, rule);
        List<Hotspots.Hotspot> found = Hotspots.detect(cases.pairCounts(periods), length, rule);
        return new HotspotReport(periods.now(), length.toString(), periods.windowStart(), periods.baselineStart(),
                new RuleView(rule.minCount(), rule.factor(), rule.baseline().toString()), found);
    }
}
