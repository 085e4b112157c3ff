package com.telco.complaints.sla.rest;

import com.telco.complaints.sla.messaging.Replayer;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rebuild every clock by replaying complaint-events from offset 0. */
@Path("/sla/replay")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    @Inject
    Replayer replayer;

    @POST
    @Operation(summary = "Replay the log from offset 0 into fresh tables, then swap them in (202)")
    public Response start() {
        return Response.accepted(replayer.start()).build();
    }

    @GET
    @Operation(summary = "Progress: events read, events/s, percent, state")
    public Replayer.Progress progress() {
        return replayer.progress();
    }

    @DELETE
    @Operation(summary = "Abandon a running replay; the live clocks are unchanged")
    public Replayer.Progress cancel() {
        return replayer.cancel();
    }
}
