package com.telco.complaints.sla.rest;

import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.sla.domain.SlaCase;
import com.telco.complaints.sla.store.ClockStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The door for operations: open clocks, and every clock of a case as it stood at any instant. Read by
 * operators, administrators and auditors (who check that deadlines were kept).
 */
@Path("/sla")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class ClockResource {

    @Inject
    com.telco.complaints.sla.messaging.CalendarBook calendars;
    @Inject
    ClockStore clocks;
    @Inject
    Clock clock;

    @GET
    @Path("/clocks")
    @Operation(summary = "Open clocks, most urgent (nearest deadline) first",
            description = "state=RUNNING (before the warning point), WARNING (past it), BREACHED (past the deadline), "
                    + "as they stand now. page from 0, size 1-1000 (default 100); the header X-Total-Count counts "
                    + "the open clocks in that state on all pages.")
    @APIResponse(responseCode = "200", description = "One page of open clocks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ClockView.class)))
    public Response open(@QueryParam("state") String state,
                         @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        ClockStore.StateFilter filter = params.oneOf("state", state, ClockStore.StateFilter.class);
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        Instant now = clock.instant();
        List<ClockView> views = clocks.open(filter, now, p.size(), p.offset()).stream()
                .map(o -> ClockView.of(o.complaintId(), o.clock(), now, calendars.current())).toList();
        return Page.ok(views, clocks.countOpen(filter, now));
    }

    @GET
    @Path("/complaints/{complaintId}")
    @Operation(summary = "Every clock of a case as it stood at asOf (default now)")
    public Response ofComplaint(@PathParam("complaintId") String complaintId, @QueryParam("asOf") String asOf) {
        QueryParams params = new QueryParams();
        Instant at = params.instant("asOf", asOf, clock.instant());
        params.validate();
        SlaCase sla = clocks.find(complaintId)
                .orElseThrow(() -> new RequestProblems.NotFound("No clocks for complaint " + complaintId));
        List<ClockView> views = sla.clocks().stream()
                .filter(c -> !c.startedAt().isAfter(at))
                .sorted(Comparator.comparing((com.telco.complaints.sla.domain.TrackedClock c) -> c.startedAt())
                        .thenComparing(c -> c.clock().ordinal()))
                .map(c -> ClockView.of(complaintId, c, at, calendars.current())).toList();
        return Response.ok(new CaseClocks(complaintId, at, views)).build();
    }

    /** The clocks of a case at an instant. */
    public record CaseClocks(String complaintId, Instant asOf, List<ClockView> clocks) {}
}
