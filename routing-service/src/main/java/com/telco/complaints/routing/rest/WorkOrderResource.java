package com.telco.complaints.routing.rest;

import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.routing.Returning;
import com.telco.complaints.routing.domain.ReturnValidation;
import com.telco.complaints.routing.store.WorkOrderStore;
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
import java.util.UUID;

/** The door for departments: their queues, one work order, and returning it. */
@Path("/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

    private static final List<String> STATUSES = List.of("OPEN", "RETURNED", "SUPERSEDED");

    @Inject
    WorkOrderStore workOrders;
    @Inject
    Returning returning;

    @GET
    @Operation(summary = "A department's queue, oldest first",
            description = "Filters: department, status (OPEN, RETURNED, SUPERSEDED). The total is in X-Total-Count.")
    public Response queue(@QueryParam("department") String department, @QueryParam("status") String status,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        params.oneOf("status", status, STATUSES);
        int p = params.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int s = params.integer("size", size, 100, 1, 1000);
        params.validate();
        List<WorkOrderView> views = workOrders.queue(department, status, s, p * s).stream()
                .map(WorkOrderView::of).toList();
        return Response.ok(views).header("X-Total-Count", workOrders.count(department, status)).build();
    }

    @GET
    @Path("/{dispatchId}")
    @Operation(summary = "One work order")
    public Response get(@PathParam("dispatchId") String dispatchId) {
        return workOrders.find(dispatchId).map(row -> Response.ok(WorkOrderView.of(row)).build())
                .orElseThrow(() -> new RequestProblems.NotFound("No work order " + dispatchId));
    }

    @POST
    @Path("/{dispatchId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a work order with its result",
            description = "200 accepted (Returned on the log) · 404 unknown · 409 not open (returned already, "
                    + "superseded) · 400 invalid, every wrong field listed")
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
        String causation = idempotencyKey != null ? "idempotency-key:" + idempotencyKey : "request:" + UUID.randomUUID();
        Returned returned = returning.returnWorkOrder(dispatchId, parsed.request, causation);
        return workOrders.find(returned.dispatchId()).map(row -> Response.ok(WorkOrderView.of(row)).build())
                .orElseThrow();
    }
}
