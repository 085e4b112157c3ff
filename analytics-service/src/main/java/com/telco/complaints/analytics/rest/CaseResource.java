package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.store.CaseStore.CaseFilter;
import com.telco.complaints.analytics.store.CaseStore.CaseRow;
import com.telco.complaints.analytics.store.CaseStore;
import com.telco.complaints.analytics.store.IncidentStore;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.eventing.rest.RequestProblems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * Operations' view of cases: one case, and filtered, paged lists (queues). For operators and
 * administrators, and for auditors. Neither a case nor a list row carries the customer's personal
 * data (name, phone, contact), so every role sees the same answer (see {@link CaseView}).
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class CaseResource {

    /** A page of cases; {@code total} counts every case the filters match. */
    public record CasePage(int page, int size, long total, List<CaseRow> items) {}

    @Inject
    CaseStore cases;
    @Inject
    IncidentStore incidents;

    @GET
    @Path("/{complaintId}")
    @Operation(summary = "One case as it stands now",
            description = "Status, classification, current work order and department, attempts, every work order "
                    + "(the department holding it after its transfers, how often it was transferred, when it was "
                    + "urged, the escalation level it reached, when management was told, who its return found at "
                    + "fault), every deadline announced with its warning and breach, survey outcome and timestamps; "
                    + "for a complaint resolved during the first contact (即时处理) what was done and explained then "
                    + "(resolvedAtFirstContact: measures, explanation), null otherwise; for a complaint linked to an "
                    + "outage incident (seed 002) incident: incidentId, title, the dispatchId of its work order the "
                    + "incident holds, linkedAt, the estimatedRepairAt the customer was last told and its revision, "
                    + "null otherwise; for a complaint disputing a service provider's charge (seed 004) "
                    + "billingDispute: spCode, serviceName, amountFen, billingPeriod and its outcome "
                    + "(proofReceivedAt, or refundGrantedAt and refundedFen), null otherwise; 404 if unknown.")
    public CaseView get(@PathParam("complaintId") String complaintId) {
        return cases.find(complaintId).map(r -> CaseView.of(r, incidents.titleOf(r.state().incident()), null))
                .orElseThrow(() -> new RequestProblems.NotFound("No case " + complaintId));
    }

    @GET
    @Operation(summary = "Cases, filtered and paged",
            description = "Filters: status (REGISTERED, TRIAGE, DISPATCHED, RETURNED, SATISFIED, DISSATISFIED, CLOSED, "
                    + "RESOLVED_AT_FIRST_CONTACT: resolved during the first contact, not dispatched, survey pending), "
                    + "department (of the current work order: the department's queue), category, region. Ordered by "
                    + "registration time, then complaint number, so pages are stable. page from 0, size 1-500 "
                    + "(default 50). total (also in X-Total-Count) counts every matching case.")
    public Response list(@QueryParam("status") String status, @QueryParam("department") String department,
                         @QueryParam("category") String category, @QueryParam("region") String region,
                         @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        params.oneOf("status", status, CaseStatus.class);
        params.oneOf("category", category, Category.class);
        Page p = params.page(page, size, 50, 500);
        params.validate();
        CaseStore.Page found = cases.list(new CaseFilter(blankToNull(status), blankToNull(department),
                blankToNull(category), blankToNull(region)), p.number(), p.size());
        return Page.ok(new CasePage(p.number(), p.size(), found.total(), found.rows()), found.total());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
