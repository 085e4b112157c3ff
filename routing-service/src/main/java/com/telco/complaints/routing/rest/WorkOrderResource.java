package com.telco.complaints.routing.rest;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.eventing.rest.TextRule;
import com.telco.complaints.routing.Proving;
import com.telco.complaints.routing.Returning;
import com.telco.complaints.routing.Transferring;
import com.telco.complaints.routing.domain.DispatchRules;
import com.telco.complaints.routing.domain.ReturnRequest;
import com.telco.complaints.routing.store.IncidentStore;
import com.telco.complaints.routing.store.IncidentStore.IncidentOrder;
import com.telco.complaints.routing.store.WorkOrderStore;
import com.telco.complaints.routing.store.WorkOrderStore.WorkOrderRow;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The door for departments: their queues, one work order, returning it and passing it on, recording a service
 * provider's proof on it. An agent sees, returns, transfers and records proofs only on its own department's work
 * orders (the token's department claim); operators, administrators and auditors read every department's, and operators
 * may transfer any and record a proof on any. A queue shows an outage incident as one work order (see
 * {@link WorkOrderView}); the complaints' orders it holds are reached through it ({@code GET /incidents/{id}}).
 */
@Path("/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

    private static final List<String> STATUSES = List.of("OPEN", "RETURNED", "SUPERSEDED");
    private static final List<String> BOOLEANS = List.of("true", "false");
    private static final List<String> SORTS = List.of("deadline", "dispatched");
    static final int TRANSFER_REASON_MAX = 1000;
    static final int PROOF_SUMMARY_MAX = 4000;

    @Inject
    WorkOrderStore workOrders;
    @Inject
    Returning returning;
    @Inject
    Transferring transferring;
    @Inject
    Proving proving;
    @Inject
    IncidentStore incidents;
    @Inject
    DispatchRules rules;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A department's queue, the nearest return deadline first",
            description = "Filters, combined: department, status (OPEN, RETURNED, SUPERSEDED), warned and breached "
                    + "(true or false: whether the RETURN clock's warning, or deadline, was raised), and the complaint "
                    + "on the order's category (NETWORK, BUSINESS, SERVICE) and region (matched exactly, e.g. TZ-HL; "
                    + "blank: any). sort: deadline (the default: the nearest RETURN deadline first) or dispatched (the "
                    + "oldest order first). The total of orders matching every filter is in X-Total-Count. An agent "
                    + "gets its own department's queue (the token's department): department defaults to it, and "
                    + "naming another department is a 403. Agents and auditors see the customer in full; operators "
                    + "and administrators see the name, phone and contact masked. An outage incident stands in its "
                    + "department's queue as one work order (kind INCIDENT: its id is the incident's, its deadline the "
                    + "estimated repair time, with the title and the count of complaints it holds); the complaints' "
                    + "orders it holds are not listed (GET /incidents/{id} lists them).")
    public Response queue(@QueryParam("department") String department, @QueryParam("status") String status,
                          @QueryParam("warned") String warned, @QueryParam("breached") String breached,
                          @QueryParam("category") String category, @QueryParam("region") String region,
                          @QueryParam("sort") String sort, @QueryParam("page") String page,
                          @QueryParam("size") String size) {
        String shown = queueDepartment(department);
        QueryParams params = new QueryParams();
        params.oneOf("status", status, STATUSES);
        params.oneOf("warned", warned, BOOLEANS);
        params.oneOf("breached", breached, BOOLEANS);
        Category complaintCategory = params.oneOf("category", category, Category.class);
        params.oneOf("sort", sort, SORTS);
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        WorkOrderStore.Queue queue = new WorkOrderStore.Queue(shown, status, flag(warned), flag(breached),
                complaintCategory, region == null || region.isBlank() ? null : region,
                "dispatched".equals(sort) ? WorkOrderStore.Sort.DISPATCHED : WorkOrderStore.Sort.DEADLINE);
        boolean masked = customerMasked();
        List<WorkOrderView> views = workOrders.queue(queue, p.size(), p.offset()).stream()
                .map(item -> WorkOrderView.of(item, masked)).toList();
        return Page.ok(views, workOrders.count(queue));
    }

    private static Boolean flag(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    @GET
    @Path("/{dispatchId}")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One work order, with the complaint on it and its history",
            description = "404 unknown · 403 another department's, for an agent. Agents and auditors see the customer "
                    + "in full; operators and administrators see the name, phone and contact masked. A complaint that "
                    + "disputes a service provider's charge shows it (dispute: spCode, serviceName, disputedAmountFen, "
                    + "billingPeriod, and proofReceivedAt or refundGrantedAt and refundedFen once it ended). An "
                    + "incident's id gives the incident's one work order.")
    public Response get(@PathParam("dispatchId") String dispatchId) {
        Optional<WorkOrderRow> row = workOrders.find(dispatchId);
        if (row.isEmpty()) {
            IncidentOrder incident = incidents.orders(List.of(dispatchId)).stream().findFirst()
                    .orElseThrow(() -> new RequestProblems.NotFound("No work order " + dispatchId));
            requireVisible(incident.incident().department());
            return Response.ok(WorkOrderView.of(incident)).build();
        }
        requireVisible(row.get().department());
        return Response.ok(WorkOrderView.of(row.get(), customerMasked())).build();
    }

    @POST
    @Path("/{dispatchId}/return")
    @RolesAllowed(Roles.AGENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a work order with its result",
            description = "By an agent of the work order's department; the returner recorded (returnedBy) is the "
                    + "token's subject, and a returnedBy in the body, optional, must name that subject. faultOf "
                    + "(DEPARTMENT, CUSTOMER_SERVICE_CENTRE, THIRD_PARTY, CUSTOMER, NONE) and accountable are optional; "
                    + "operatorAtFault may be left out when faultOf says it, and must agree with it when both are given. "
                    + "200 accepted (Returned on the log) · 404 unknown · 403 another department's (nothing "
                    + "written) · 409 not open (returned already, superseded) · 400 invalid, every wrong field "
                    + "listed (a returnedBy naming someone else is a 400 of its own)")
    public Response returnWorkOrder(@PathParam("dispatchId") String dispatchId,
                                    @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        ReturnRequest request = ReturnBody.read(body, caller);
        String causation = Causation.of(idempotencyKey);
        Returned returned = returning.returnWorkOrder(dispatchId, request,
                caller.agentDepartment(), causation);
        return workOrders.find(returned.dispatchId()).map(row -> Response.ok(WorkOrderView.of(row, customerMasked()))
                .build()).orElseThrow();
    }

    @POST
    @Path("/{dispatchId}/transfer")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pass an open work order to another department",
            description = "Body: department (a configured department, see GET /departments) and reason (1–1000 "
                    + "characters). By an agent of the department holding it, or by an operator. The order keeps its "
                    + "id and its RETURN deadline; WorkOrderTransferred goes on the log. 200 with the work order · 404 "
                    + "unknown · 403 another department's, for an agent (nothing written) · 409 not open (returned, "
                    + "superseded, case closed) or already the department's · 400 invalid, every wrong field listed. The same "
                    + "Idempotency-Key again (by the same caller) answers 200 with the order and transfers nothing.")
    public Response transfer(@PathParam("dispatchId") String dispatchId,
                             @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        JsonBody parsed = JsonBody.object(body);
        String department = parsed.isObject() ? parsed.text("department") : null;
        String reason = parsed.isObject() ? parsed.text("reason") : null;
        List<FieldError> errors = new ArrayList<>(parsed.typeErrors());
        if (parsed.isObject() && errors.isEmpty()) {
            rules.problemWith(department).ifPresent(problem -> errors.add(new FieldError("department", problem)));
            TextRule.check(errors, "reason", reason, TRANSFER_REASON_MAX, true, true);
        }
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        String byDepartment = caller.is(Roles.OPERATOR) ? null : caller.agentDepartment();
        transferring.transfer(dispatchId, department, reason, byDepartment, caller.subject(),
                Causation.of(idempotencyKey, "transfer:" + caller.subject()));
        // The caller passed the order on: the customer is the new department's to call, and shown masked.
        return workOrders.find(dispatchId).map(row -> Response.ok(WorkOrderView.of(row, true)).build()).orElseThrow();
    }

    @POST
    @Path("/{dispatchId}/sp-proof")
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the service provider's proof of a disputed charge",
            description = "Body: summary (1–4000 characters: what the proof is). By an agent of the department holding "
                    + "the work order, or by an operator. The charge is upheld and no provisional refund is owed "
                    + "(SpProofReceived on the log; it stops the PROOF clock). 201 with the work order · 404 unknown "
                    + "· 403 another department's, for an agent (nothing written) · 409 the complaint disputes no "
                    + "charge, the proof was received already, the refund was granted already, or it comes at or "
                    + "after the PROOF deadline the SLA service announced (the provisional refund is owed then); a "
                    + "closed case takes it (closing does not settle the charge) · 503 with Retry-After when the "
                    + "database stays busy (nothing written) · 400 invalid.")
    public Response proof(@PathParam("dispatchId") String dispatchId,
                          @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        JsonBody parsed = JsonBody.object(body);
        String summary = parsed.isObject() ? parsed.text("summary") : null;
        List<FieldError> errors = new ArrayList<>(parsed.typeErrors());
        if (parsed.isObject() && errors.isEmpty()) {
            TextRule.check(errors, "summary", summary, PROOF_SUMMARY_MAX, true, true);
        }
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        String byDepartment = caller.is(Roles.OPERATOR) ? null : caller.agentDepartment();
        proving.prove(dispatchId, summary, byDepartment, caller.subject(), Causation.of(idempotencyKey));
        return workOrders.find(dispatchId).map(row -> Response.created(URI.create("/work-orders/" + dispatchId))
                .entity(WorkOrderView.of(row, customerMasked())).build()).orElseThrow();
    }

    /** Agents (who call the customer back) and auditors see the customer in full; anyone else masked. */
    private boolean customerMasked() {
        return !caller.is(Roles.AGENT) && !caller.is(Roles.AUDITOR);
    }

    /**
     * The queue's department filter: as asked for the roles that read every department (null: all);
     * for an agent its own department, whether asked for or not (another one is a 403).
     */
    private String queueDepartment(String asked) {
        if (asked != null) {
            requireVisible(asked);
        }
        return agentsOwnDepartment().orElse(asked);
    }

    /** A 403 when the caller is an agent of another department than {@code department}. */
    private void requireVisible(String department) {
        agentsOwnDepartment().filter(own -> !own.equals(department)).ifPresent(own -> {
            throw new ForbiddenException("Agent " + caller.subject() + " acts for " + own
                    + " and sees only its work orders, not " + department + "'s");
        });
    }

    /** The one department the caller is limited to: an agent's, unless it also holds a role that reads them all. */
    private Optional<String> agentsOwnDepartment() {
        boolean readsAll = caller.is(Roles.OPERATOR) || caller.is(Roles.ADMIN) || caller.is(Roles.AUDITOR);
        return readsAll ? Optional.empty() : Optional.of(caller.agentDepartment());
    }
}
