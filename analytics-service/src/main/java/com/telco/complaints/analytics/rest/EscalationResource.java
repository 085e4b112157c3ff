package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.domain.Escalation;
import com.telco.complaints.analytics.store.EscalationStore;
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

import java.time.Instant;
import java.util.List;

/**
 * Operations' view of overdue work orders and outages: every escalation routing raised (a level of the department's
 * ladder, a notice to management of a key customer's or the regulator's order, or a notice to the emergency
 * leadership group of an outage incident), open until its work order ends. For
 * operators, administrators and auditors; departments and desks only, no customer's personal data.
 */
@Path("/escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class EscalationResource {

    /**
     * One escalation.
     *
     * @param level       the ladder's level (LADDER); null for a notice
     * @param addressedTo the ladder's desk (LADDER), management or the emergency leadership group (NOTICE)
     * @param reason      KEY_CUSTOMER_OVERDUE, REGULATOR_OVERDUE, INCIDENT_SIZE or INCIDENT_KEY_CUSTOMER (NOTICE); null
     *                    for a level of the ladder
     * @param incidentId  the incident of a notice of the incident reasons; null otherwise
     * @param deadline    the RETURN deadline that passed; null for a notice of an incident
     * @param department  the department holding the work order when it was raised
     * @param eventId     the event that raised it (WorkOrderEscalated, EscalationNotice), as in the audit archive
     */
    public record EscalationView(String complaintId, String dispatchId, String department, String kind,
                                 Integer level, String addressedTo, String reason, String incidentId,
                                 Instant deadline, Instant raisedAt, String status, Instant resolvedAt,
                                 String eventId) {

        static EscalationView of(Escalation e) {
            return new EscalationView(e.complaintId(), e.dispatchId(), e.department(), e.kind().name(), e.level(),
                    e.addressedTo(), e.reason() == null ? null : e.reason().name(), e.incidentId(), e.deadline(),
                    e.raisedAt(),
                    e.status().name(), e.resolvedAt(), e.eventId().toString());
        }
    }

    /** A page of escalations; {@code total} counts every escalation the filters match. */
    public record EscalationPage(int page, int size, long total, List<EscalationView> items) {}

    @Inject
    EscalationStore escalations;

    @GET
    @Operation(summary = "Escalations of overdue work orders and notices of outage incidents, the oldest open first",
            description = "One row per WorkOrderEscalated (kind LADDER: level 1, 2, …, addressedTo = the desk of the "
                    + "holding department's escalation ladder) and per EscalationNotice (kind NOTICE: a key customer's "
                    + "(KEY_CUSTOMER_OVERDUE) or the regulator's (REGULATOR_OVERDUE) overdue work order reported to "
                    + "addressedTo, enterprise management; or an outage incident grown past the emergency plan's "
                    + "size (INCIDENT_SIZE) or touching a key customer (INCIDENT_KEY_CUSTOMER) reported to the "
                    + "emergency leadership group, with its incidentId, on the complaint that tipped it), each with the "
                    + "complaint, the work order (for an incident, the complaint's work order the incident holds), the "
                    + "department holding it then, the RETURN deadline that passed (null for an incident: none "
                    + "passed) and raisedAt (the event's occurredAt). status OPEN while the work order is open; "
                    + "RESOLVED once it is returned (for an incident: resolved) or superseded or the case closes, "
                    + "with resolvedAt. Filters: status (OPEN, RESOLVED), department, kind (LADDER, NOTICE). "
                    + "Ordered open first, then by raisedAt, complaint number and level, so pages are stable. page "
                    + "from 0, size 1-500 (default 50). total (also in X-Total-Count) counts every matching "
                    + "escalation.")
    public Response list(@QueryParam("status") String status, @QueryParam("department") String department,
                         @QueryParam("kind") String kind, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        EscalationStore.Filter filter = new EscalationStore.Filter(
                params.oneOf("status", status, Escalation.Status.class),
                department == null || department.isBlank() ? null : department,
                params.oneOf("kind", kind, Escalation.Kind.class));
        Page p = params.page(page, size, 50, 500);
        params.validate();
        long total = escalations.count(filter);
        List<EscalationView> items = escalations.list(filter, p.size(), p.offset()).stream()
                .map(EscalationView::of).toList();
        return Page.ok(new EscalationPage(p.number(), p.size(), total, items), total);
    }
}
