package com.telco.complaints.eventing.rest;

import com.telco.complaints.eventing.log.ParkReason;
import com.telco.complaints.eventing.parking.ParkedRecord;
import com.telco.complaints.eventing.parking.Parking;
import com.telco.complaints.eventing.parking.Redrive;
import io.quarkus.arc.properties.IfBuildProperty;
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

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Operations: the records this service could not apply, and re-driving them after a fix. */
@Path("/admin/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
@IfBuildProperty(name = "complaints.eventing.projection", stringValue = "true", enableIfMissing = true)
public class ParkedResource {

    private static final List<String> REASONS = Arrays.stream(ParkReason.values()).map(ParkReason::code).toList();

    @Inject
    Parking parking;
    @Inject
    Redrive redrive;

    @GET
    @Operation(summary = "Parked records, oldest first",
            description = "Each with where it sits on the log (topic, partition, offset), its key, event id and type, "
                    + "the reason (unreadable, unknown-type, newer-version, invalid, failed, behind), the error, first "
                    + "and last failure times, the number of attempts, its headers and its data. Filter: reason. "
                    + "Paged by page and size; the total is in X-Total-Count.")
    public Response list(@QueryParam("reason") String reason, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        String r = params.oneOf("reason", reason, REASONS);
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        return Page.ok(parking.list(r, p.size(), p.offset()), parking.count(r));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One parked record")
    public ParkedRecord get(@PathParam("id") long id) {
        return parking.find(id).orElseThrow(() -> new Redrive.NotParked(id));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Re-drive a parked record after a fix",
            description = "Its case is tried again from its first parked record on, in log order, each applied "
                    + "exactly once and removed; it stops at the first record that still fails, which stays parked "
                    + "with the new reason. 200 with what was applied and what is still parked; 404 unknown id.")
    public Redrive.Outcome retry(@PathParam("id") long id) {
        return redrive.retry(id);
    }

    @POST
    @Path("/{id}/discard")
    @Operation(summary = "Drop a parked record for good, then re-drive the records of its case behind it",
            description = "For a record that can never apply (garbage on the log): the operator's decision, logged. "
                    + "Only the first parked record of a case can be discarded (409 otherwise); 404 unknown id.")
    public Redrive.Outcome discard(@PathParam("id") long id) {
        return redrive.discard(id);
    }

    @POST
    @Path("/retry")
    @Operation(summary = "Re-drive every parked case (optionally only those parked for one reason, e.g. newer-version)")
    public List<Redrive.Outcome> retryAll(@QueryParam("reason") String reason) {
        QueryParams params = new QueryParams();
        String r = params.oneOf("reason", reason, REASONS);
        params.validate();
        return redrive.retryAll(r == null ? null : Set.of(r));
    }
}
