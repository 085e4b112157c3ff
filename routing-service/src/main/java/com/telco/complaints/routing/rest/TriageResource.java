package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.routing.Triaging;
import com.telco.complaints.routing.domain.DispatchRules;
import com.telco.complaints.routing.store.CaseStore;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The triage queue (the operator procedures' 派单, T3): complaints no dispatch rule fits wait here, oldest
 * first, until an operator names the department. What the complaint is about is shown so that the
 * operator can choose; the customer's name and phone are not (they are not needed to dispatch).
 */
@Path("/work-orders/triage")
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    /** A complaint waiting for triage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TriageView(String complaintId, String category, String subcategory, String region, String channel,
                             String urgency, String tier, String description, String demand, Instant registeredAt,
                             Instant waitingSince, String reason) {

        static TriageView of(CaseState state) {
            ComplaintRegistered r = state.registration();
            return new TriageView(state.complaintId(), r.category().name(), r.subcategory(), r.region(),
                    r.channel().name(), r.urgency().name(),
                    r.customer() == null || r.customer().tier() == null ? null : r.customer().tier().name(),
                    r.description(), r.demand(), r.occurredAt(), state.triage().occurredAt(), state.triage().reason());
        }
    }

    @Inject
    CaseStore cases;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    DispatchRules rules;
    @Inject
    Triaging triaging;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Complaints no dispatch rule fits, waiting for an operator, oldest first",
            description = "Paged by page and size; the total is in X-Total-Count. The SLA service's DISPATCH clock "
                    + "(half a working day) watches each wait.")
    public Response queue(@QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        List<TriageView> views = cases.triage(p.size(), p.offset()).stream().map(TriageView::of).toList();
        return Page.ok(views, cases.triageCount());
    }

    @POST
    @Path("/{complaintId}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Dispatch a complaint from the triage queue to a department",
            description = "Body: department (a configured department, see GET /departments). The operator is the "
                    + "token's subject, recorded as the actor of the Dispatched (rule triage). 200 with the work "
                    + "order · 404 unknown complaint · 409 not waiting for triage (dispatched already) · 400 "
                    + "invalid, every wrong field listed.")
    public Response dispatch(@PathParam("complaintId") String complaintId,
                             @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        JsonBody parsed = JsonBody.object(body);
        String department = parsed.isObject() ? parsed.text("department") : null;
        List<FieldError> errors = new ArrayList<>(parsed.typeErrors());
        if (parsed.isObject() && errors.isEmpty()) {
            rules.problemWith(department).ifPresent(problem -> errors.add(new FieldError("department", problem)));
        }
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        String causation = Causation.of(idempotencyKey);
        Dispatched dispatched = triaging.dispatch(complaintId, department, caller.subject(), causation);
        return workOrders.find(dispatched.dispatchId()).map(row -> Response.ok(WorkOrderView.of(row, true)).build())
                .orElseThrow();
    }
}
