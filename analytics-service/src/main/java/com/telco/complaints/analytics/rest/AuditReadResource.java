package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.store.AuditReads.AuditRead;
import com.telco.complaints.analytics.store.AuditReads;
import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Auditors see who read which case's audit archive, and when: the audit doors record every read. */
@Path("/audit/reads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditReadResource {

    /** A page of reads, newest first; {@code total} counts every read the filter matches. */
    public record ReadPage(int page, int size, long total, List<AuditRead> items) {}

    @Inject
    AuditReads reads;

    @GET
    @Operation(summary = "Reads of the audit doors, newest first",
            description = "Each successful read of /audit/complaints/{complaintId}/events or /state: who (subject and "
                    + "name of the auditor's token), the door, the complaint, the query string as sent (decoded; null "
                    + "when none) and when (readAt, wall-clock time). A read that failed (404, 400) is not listed, "
                    + "nor are reads of this list. Kept through rebuilds: it is not a projection of the log. Filter: "
                    + "complaintId. page from 0, size 1-500 (default 50); total (also in X-Total-Count) counts every "
                    + "matching read.")
    public Response list(@QueryParam("complaintId") String complaintId, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        Page p = params.page(page, size, 50, 500);
        params.validate();
        AuditReads.Page found = reads.list(complaintId == null || complaintId.isBlank() ? null : complaintId,
                p.number(), p.size());
        return Page.ok(new ReadPage(p.number(), p.size(), found.total(), found.rows()), found.total());
    }
}
