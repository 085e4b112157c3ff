package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.domain.SpKpis;
import com.telco.complaints.analytics.store.DisputeStore;
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
import java.time.Instant;
import java.util.List;

/**
 * KPIs per service provider (seed 004): the complaints naming each SP in a period, its disputed charges and how they
 * ended. Beside GET /kpis, with the same roles and the same period; figures and SP codes only, no customer's personal
 * data.
 */
@Path("/kpis/sp")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class SpKpiResource {

    /** @param providers per spCode, most complaints first */
    public record SpKpiReport(Instant from, Instant to, List<SpKpis.SpFigures> providers) {}

    @Inject
    DisputeStore disputes;
    @Inject
    SpKpis.Subscribers subscribers;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "KPIs per service provider of the complaints registered in [from, to)",
            description = "from and to as for GET /kpis: from defaults to 30 days before to, to to now, at most 366 "
                    + "days apart. " + SpKpis.DEFINITION)
    public SpKpiReport perSp(@QueryParam("from") String from, @QueryParam("to") String to) {
        QueryParams params = new QueryParams();
        KpiResource.Period period = KpiResource.period(params, from, to, clock.instant());
        params.validate();
        return new SpKpiReport(period.from(), period.to(), SpKpis.bySp(
                disputes.spComplaintsRegisteredBetween(period.from(), period.to()), subscribers));
    }
}
