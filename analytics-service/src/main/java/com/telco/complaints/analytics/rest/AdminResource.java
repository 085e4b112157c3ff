package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.messaging.Rebuilder;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operations: rebuild every analytics table from the log. */
@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    Rebuilder rebuilder;

    @POST
    @Operation(summary = "Rebuild the archive and every view from offset 0 into fresh tables, then swap them in (202)")
    public Response rebuild() {
        return Response.accepted(rebuilder.start()).build();
    }

    @GET
    @Operation(summary = "Progress of the last rebuild: state, events read, events/s, percent")
    public Rebuilder.Progress progress() {
        return rebuilder.progress();
    }
}
