package com.telco.complaints.routing.rest;

import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.eventing.rest.TextRule;
import com.telco.complaints.routing.Declaring;
import com.telco.complaints.routing.Declaring.Declaration;
import com.telco.complaints.routing.IncidentDoor.IncidentNotFound;
import com.telco.complaints.routing.Rescheduling;
import com.telco.complaints.routing.Resolving;
import com.telco.complaints.routing.config.RoutingConfig;
import com.telco.complaints.routing.domain.DispatchRules;
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.ReturnRequest;
import com.telco.complaints.routing.store.IncidentStore;
import com.telco.complaints.routing.store.IncidentStore.Counts;
import com.telco.complaints.routing.store.WorkOrderStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Outage incidents (seed 002, 应急处置): an operator declares one, and the complaints of its fault join it instead of
 * each being dispatched; its department works it as one work order, reschedules its estimated repair time and resolves
 * it with one return for every complaint it holds. Operators declare; operators and the incident's department's
 * agents reschedule and resolve; operators, agents, administrators and auditors read.
 */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private static final List<String> STATUSES = List.of("OPEN", "RESOLVED");
    private static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final int REASON_MAX = 1000;

    @Inject
    IncidentStore incidents;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    Declaring declaring;
    @Inject
    Rescheduling rescheduling;
    @Inject
    Resolving resolving;
    @Inject
    DispatchRules rules;
    @Inject
    Caller caller;
    @Inject
    RoutingConfig config;
    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare an outage incident",
            description = "Body: region, category, title, faultDescription, estimatedRepairAt (ISO-8601 with its "
                    + "offset, in the future), department (optional: the one the dispatch rules choose for the category "
                    + "in the region), and either match { from, to } (complaints of the region and category registered "
                    + "from `from`, inclusive, to `to`, exclusive; no `to`: as long as the incident is open) or "
                    + "complaintIds (those complaints). Every open complaint routing knows that it gathers and no "
                    + "department has answered yet joins it at once (IncidentLinked, its own work order held by the "
                    + "incident, superseding an open one); complaints registered later join it while it is open. The "
                    + "window may span at most routing.incidents.longest-window (P31D), from `from` to `to` or to now. "
                    + "Idempotency-Key: the same key by the same operator again answers the incident it declared (200) "
                    + "and declares none. 201 with the incident and its Location · 200 the incident declared before "
                    + "with this key · 400 invalid, every wrong field listed · 409 the key declared another incident "
                    + "· 503 with Retry-After when the database stays busy (nothing declared).")
    public Response declare(@HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        IncidentBody parsed = new IncidentBody(JsonBody.object(body));
        Declaration declaration = parsed.read(rules, clock.instant(), config.incidents().longestWindow());
        if (declaration == null) {
            throw new RequestProblems.Invalid(parsed.errors());
        }
        Declaring.Declared declared = declaring.declare(declaration, caller.subject(),
                Causation.given(idempotencyKey) ? idempotencyKey : null, Causation.of(idempotencyKey));
        String incidentId = declared.incident().incidentId();
        URI location = URI.create("/incidents/" + incidentId);
        return (declared.before() ? Response.ok().location(location) : Response.created(location))
                .entity(detail(incidentId)).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AGENT, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Outage incidents, the newest declared first",
            description = "status: OPEN or RESOLVED (absent: both). Paged by page and size; the total is in "
                    + "X-Total-Count. Each with the counts of the complaints it holds.")
    public Response list(@QueryParam("status") String status, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        params.oneOf("status", status, STATUSES);
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        Incident.Status shown = status == null || status.isBlank() ? null : Incident.Status.valueOf(status.trim());
        List<Incident> found = incidents.page(shown, p.size(), p.offset());
        Map<String, Counts> counts = found.isEmpty() ? Map.of()
                : incidents.counts(found.stream().map(Incident::incidentId).toList());
        List<IncidentView> views = found.stream().map(i -> IncidentView.of(i, counts.getOrDefault(i.incidentId(),
                new Counts(0, 0, 0)))).toList();
        return Page.ok(views, incidents.count(shown));
    }

    @GET
    @Path("/{incidentId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AGENT, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One outage incident, with the complaints it holds",
            description = "The incident, which complaints it gathers, the estimated repair time and its revision, the "
                    + "counts (linked, open, returned), and each linked complaint with its held work order's status "
                    + "and the case's. 404 unknown.")
    public Response get(@PathParam("incidentId") String incidentId) {
        return Response.ok(detail(incidentId)).build();
    }

    @POST
    @Path("/{incidentId}/estimate")
    @RolesAllowed({Roles.OPERATOR, Roles.AGENT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an incident's estimated repair time",
            description = "Body: estimatedRepairAt (ISO-8601 with its offset, in the future) and reason (1–1000 "
                    + "characters, as the customers are told). By an operator or an agent of the incident's department. "
                    + "A new revision; every linked complaint whose held work order is still open is owed it "
                    + "(EstimatedRepairChanged); the estimate it has already changes nothing (no revision, nobody told "
                    + "again). 503 with Retry-After when the database stays busy (nothing changed). 200 with "
                    + "the incident · 404 unknown · 403 another department's, for an agent · 409 resolved · 400 invalid.")
    public Response estimate(@PathParam("incidentId") String incidentId,
                             @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        JsonBody parsed = JsonBody.object(body);
        List<FieldError> errors = new ArrayList<>();
        Instant estimate = null;
        String reason = null;
        if (parsed.isObject()) {
            reason = parsed.text("reason");
            estimate = IncidentBody.dateTime(parsed.json().get("estimatedRepairAt"), "estimatedRepairAt", true, errors);
            if (estimate != null && !estimate.isAfter(clock.instant())) {
                errors.add(new FieldError("estimatedRepairAt", "must be in the future"));
            }
            if (parsed.typeErrors().isEmpty()) {
                TextRule.check(errors, "reason", reason, REASON_MAX, true, true);
            }
        }
        errors.addAll(0, parsed.typeErrors());
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        known(incidentId);
        rescheduling.reschedule(incidentId, estimate, reason, byDepartment(), caller.subject(),
                Causation.of(idempotencyKey));
        return Response.ok(detail(incidentId)).build();
    }

    @POST
    @Path("/{incidentId}/resolve")
    @RolesAllowed({Roles.OPERATOR, Roles.AGENT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve an incident with one return for every complaint it holds",
            description = "Body: a return, as POST /work-orders/{id}/return takes it (reconstruction, customerDemand, "
                    + "problemFound, measures, resolution, operatorAtFault and/or faultOf, accountable). By an agent of "
                    + "the incident's department or an operator. The incident is RESOLVED and gathers nothing more; "
                    + "every linked complaint whose held work order is still open is returned with it (Returned of its "
                    + "own order), and surveyed as usual. 200 with the incident · 404 unknown · 403 another "
                    + "department's, for an agent · 409 resolved already · 400 invalid, every wrong field listed "
                    + "· 503 with Retry-After when the database stays busy (nothing changed).")
    public Response resolve(@PathParam("incidentId") String incidentId,
                            @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        ReturnRequest request = ReturnBody.read(body, caller);
        known(incidentId);
        resolving.resolve(incidentId, request, byDepartment(), Causation.of(idempotencyKey));
        return Response.ok(detail(incidentId)).build();
    }

    /** The department an agent acts for; null for an operator, who acts for any. */
    private String byDepartment() {
        return caller.is(Roles.OPERATOR) ? null : caller.agentDepartment();
    }

    /** A 404 for anything that is not an incident's id (a NUL, 200 characters) before the database is asked. */
    private static void known(String incidentId) {
        if (!INCIDENT_ID.matcher(incidentId).matches()) {
            throw new IncidentNotFound(incidentId.length() > 64 ? incidentId.substring(0, 64) + "…" : incidentId);
        }
    }

    private IncidentView detail(String incidentId) {
        known(incidentId);
        IncidentStore.IncidentRow row = incidents.find(incidentId).orElseThrow(() -> new IncidentNotFound(incidentId));
        Counts counts = incidents.counts(List.of(incidentId)).getOrDefault(incidentId, new Counts(0, 0, 0));
        return IncidentView.of(row, counts, workOrders.heldBy(incidentId));
    }
}
