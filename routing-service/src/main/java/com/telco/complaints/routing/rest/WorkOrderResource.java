package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.routing.Returning;
import com.telco.complaints.routing.domain.FieldError;
import com.telco.complaints.routing.domain.ReturnValidation;
import com.telco.complaints.routing.store.WorkOrderStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Set;
import java.util.UUID;

/** The door for departments: their queues, one work order, and returning it. */
@Path("/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

    private static final Set<String> STATUSES = Set.of("OPEN", "RETURNED", "SUPERSEDED");

    @Inject
    WorkOrderStore workOrders;
    @Inject
    Returning returning;

    @GET
    @Operation(summary = "A department's queue, oldest first",
            description = "Filters: department, status (OPEN, RETURNED, SUPERSEDED). The total is in X-Total-Count.")
    public Response queue(@QueryParam("department") String department, @QueryParam("status") String status,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("100") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of OPEN, RETURNED, SUPERSEDED"));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > 1000) {
            errors.add(new FieldError("size", "must be between 1 and 1000"));
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        List<WorkOrderView> views = workOrders.queue(department, status, size, page * size).stream()
                .map(WorkOrderView::of).toList();
        return Response.ok(views).header("X-Total-Count", workOrders.count(department, status)).build();
    }

    @GET
    @Path("/{dispatchId}")
    @Operation(summary = "One work order")
    public Response get(@PathParam("dispatchId") String dispatchId) {
        return workOrders.find(dispatchId).map(row -> Response.ok(WorkOrderView.of(row)).build())
                .orElseGet(() -> Problem.of("not-found", "Not found", 404, "No work order " + dispatchId).toResponse());
    }

    @POST
    @Path("/{dispatchId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a work order with its result",
            description = "200 accepted (Returned on the log) · 404 unknown · 409 not open (returned already, "
                    + "superseded) · 400 invalid, every wrong field listed")
    public Response returnWorkOrder(@PathParam("dispatchId") String dispatchId,
                                    @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        JsonNode json = MalformedJson.parse(body);
        ReturnBody parsed = new ReturnBody(json);
        List<FieldError> errors = new ArrayList<>(parsed.typeErrors);
        if (errors.isEmpty()) {
            errors.addAll(ReturnValidation.errors(parsed.request));
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        String causation = idempotencyKey != null ? "idempotency-key:" + idempotencyKey : "request:" + UUID.randomUUID();
        Returned returned = returning.returnWorkOrder(dispatchId, parsed.request, causation);
        return workOrders.find(returned.dispatchId()).map(row -> Response.ok(WorkOrderView.of(row)).build())
                .orElseThrow();
    }

    private static Response invalid(List<FieldError> errors) {
        return Problem.of("invalid-request", "Invalid request", 400,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid")
                .withErrors(errors).toResponse();
    }
}
