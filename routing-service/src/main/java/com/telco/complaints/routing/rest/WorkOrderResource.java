package com.telco.complaints.routing.rest;

import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.routing.Returning;
import com.telco.complaints.routing.domain.ReturnValidation;
import com.telco.complaints.routing.store.WorkOrderStore;
import com.telco.complaints.routing.store.WorkOrderStore.WorkOrderRow;
import io.quarkus.security.ForbiddenException;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The door for departments: their queues, one work order, and returning it. An agent sees and
 * returns only its own department's work orders (the token's department claim); operators,
 * administrators and auditors read every department's.
 */
@Path("/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

    private static final List<String> STATUSES = List.of("OPEN", "RETURNED", "SUPERSEDED");

    @Inject
    WorkOrderStore workOrders;
    @Inject
    Returning returning;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A department's queue, oldest first",
            description = "Filters: department, status (OPEN, RETURNED, SUPERSEDED). The total is in X-Total-Count. "
                    + "An agent gets its own department's queue (the token's department): department defaults to it, "
                    + "and naming another department is a 403.")
    public Response queue(@QueryParam("department") String department, @QueryParam("status") String status,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        String shown = queueDepartment(department);
        QueryParams params = new QueryParams();
        params.oneOf("status", status, STATUSES);
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        List<WorkOrderView> views = workOrders.queue(shown, status, p.size(), p.offset()).stream()
                .map(WorkOrderView::of).toList();
        return Page.ok(views, workOrders.count(shown, status));
    }

    @GET
    @Path("/{dispatchId}")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One work order", description = "404 unknown · 403 another department's, for an agent")
    public Response get(@PathParam("dispatchId") String dispatchId) {
        WorkOrderRow row = workOrders.find(dispatchId)
                .orElseThrow(() -> new RequestProblems.NotFound("No work order " + dispatchId));
        requireVisible(row.department());
        return Response.ok(WorkOrderView.of(row)).build();
    }

    @POST
    @Path("/{dispatchId}/return")
    @RolesAllowed(Roles.AGENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a work order with its result",
            description = "By an agent of the work order's department; the returner recorded (returnedBy) is the "
                    + "token's subject, and a returnedBy in the body, optional, must name that subject. "
                    + "200 accepted (Returned on the log) · 404 unknown · 403 another department's (nothing "
                    + "written) · 409 not open (returned already, superseded) · 400 invalid, every wrong field "
                    + "listed (a returnedBy naming someone else is a 400 of its own)")
    public Response returnWorkOrder(@PathParam("dispatchId") String dispatchId,
                                    @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        ReturnBody parsed = new ReturnBody(JsonBody.object(body));
        List<FieldError> errors = new ArrayList<>(parsed.typeErrors());
        if (errors.isEmpty()) {
            errors.addAll(ReturnValidation.errors(parsed.request));
        }
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        caller.mustBe("returnedBy", parsed.request.returnedBy());
        String causation = Causation.of(idempotencyKey);
        Returned returned = returning.returnWorkOrder(dispatchId, parsed.request.by(caller.subject()),
                caller.agentDepartment(), causation);
        return workOrders.find(returned.dispatchId()).map(row -> Response.ok(WorkOrderView.of(row)).build())
                .orElseThrow();
    }

    /**
     * The queue's department filter: as asked for the roles that read every department (null: all);
     * for an agent its own department, whether asked for or not (another one is a 403).
     */
    private String queueDepartment(String asked) {
        if (asked != null) {
            requireVisible(asked);
        }
        return agentsOwnDepartment().orElse(asked);
    }

    /** A 403 when the caller is an agent of another department than {@code department}. */
    private void requireVisible(String department) {
        agentsOwnDepartment().filter(own -> !own.equals(department)).ifPresent(own -> {
            throw new ForbiddenException("Agent " + caller.subject() + " acts for " + own
                    + " and sees only its work orders, not " + department + "'s");
        });
    }

    /** The one department the caller is limited to: an agent's, unless it also holds a role that reads them all. */
    private Optional<String> agentsOwnDepartment() {
        boolean readsAll = caller.is(Roles.OPERATOR) || caller.is(Roles.ADMIN) || caller.is(Roles.AUDITOR);
        return readsAll ? Optional.empty() : Optional.of(caller.agentDepartment());
    }
}
