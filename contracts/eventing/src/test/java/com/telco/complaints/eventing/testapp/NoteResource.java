package com.telco.complaints.eventing.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A door of the test application with the path ids every service's doors have, to test what the library checks there. */
@Path("/notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
public class NoteResource {

    @GET
    @Path("/{complaintId}/orders/{dispatchId}")
    public Map<String, String> get(@PathParam("complaintId") String complaintId,
                                   @PathParam("dispatchId") String dispatchId) {
        return Map.of("complaintId", complaintId, "dispatchId", dispatchId);
    }
}
