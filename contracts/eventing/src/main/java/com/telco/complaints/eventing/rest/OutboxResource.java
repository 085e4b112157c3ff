package com.telco.complaints.eventing.rest;

import com.telco.complaints.eventing.outbox.Outbox;
import jakarta.inject.Inject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations: what waits in the outbox, and the rows the broker refused for good. */
@Path("/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
public class OutboxResource {

    @Inject
    Outbox outbox;

    public record Summary(long pending, long failed) {}

    @GET
    @Operation(summary = "Rows waiting to be relayed, and rows the broker refused")
    public Summary summary() {
        return new Summary(outbox.pending(), outbox.failedCount());
    }

    @GET
    @Path("/failed")
    @Operation(summary = "Rows the broker refused for good (too large, invalid), newest first, with the reason")
    public Response failed(@QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        return Page.ok(outbox.failed(p.size(), p.offset()), outbox.failedCount());
    }

    @POST
    @Path("/failed/{id}/retry")
    @Operation(summary = "Put a refused row back at the end of the outbox (after the broker's limit was raised)",
            description = "Its case's later events may already be on the log: consumers see it out of order.")
    public Response retry(@PathParam("id") long id) {
        if (!outbox.retryFailed(id)) {
            throw new RequestProblems.NotFound("No refused outbox row " + id);
        }
        return Response.noContent().build();
    }
}
