package com.telco.complaints.sla.rest;

import com.telco.complaints.eventing.rebuild.Rebuild;
import com.telco.complaints.eventing.rebuild.RebuildProgress;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Rebuild every clock by replaying complaint-events from offset 0: the same rebuild as
 * {@code /admin/rebuild}, under the name the SLA service has always had for it. Like that door, only
 * an administrator starts or abandons one; operators may watch its progress.
 */
@Path("/sla/replay")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    @Inject
    Rebuild rebuild;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replay the log from offset 0 into fresh tables, then swap them in (202)",
            description = "The same as POST /admin/rebuild. Each lane folds its partitions' cases in memory and writes "
                    + "them with COPY; a replay that would exhaust the heap fails with the reason.")
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Progress: events read, events/s, percent, state, cases folded (units), phase times")
    public RebuildProgress progress() {
        return rebuild.progress();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Abandon a running replay; the live clocks are unchanged")
    public RebuildProgress cancel() {
        return rebuild.cancel();
    }
}
