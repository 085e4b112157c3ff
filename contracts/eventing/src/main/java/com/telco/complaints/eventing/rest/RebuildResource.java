package com.telco.complaints.eventing.rest;

import com.telco.complaints.eventing.rebuild.Rebuild;
import com.telco.complaints.eventing.rebuild.RebuildProgress;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Inject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations: rebuild every projection table of the service from offset 0. */
@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
@IfBuildProperty(name = "complaints.eventing.projection", stringValue = "true", enableIfMissing = true)
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    @POST
    @Operation(summary = "Rebuild every projection table from offset 0 into fresh tables, then swap them in (202)",
            description = "The live tables serve until the swap. 409 when another instance is rebuilding.")
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(summary = "Progress of the last rebuild: state, events read, events/s, percent, phase times")
    public RebuildProgress progress() {
        return rebuild.progress();
    }

    @DELETE
    @Operation(summary = "Abandon a running rebuild; the live tables are unchanged")
    public RebuildProgress cancel() {
        return rebuild.cancel();
    }
}
