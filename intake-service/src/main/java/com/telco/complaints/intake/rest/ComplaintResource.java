package com.telco.complaints.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.Problem;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.intake.Registrar.Outcome;
import com.telco.complaints.intake.Registrar;
import com.telco.complaints.intake.domain.IdempotencyKeys;
import com.telco.complaints.intake.store.ComplaintStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The door for publishing systems: register a complaint, read it back. Who registers is the bearer
 * token's subject; what a reader sees depends on its role (see {@link #viewFor}).
 */
@Path("/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    @Inject
    Registrar registrar;
    @Inject
    ComplaintStore store;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(summary = "Register a complaint",
            description = "The token's subject is recorded as who registered it (registeredBy). 201 with the "
                    + "complaint number; 200 with the first answer for a retry (the same submitter's "
                    + "Idempotency-Key, or the same externalRef); 400 lists every wrong field, or an X-Submitted-By "
                    + "that names anyone but the token's subject; 413, 415; 422 outside the business scope or an "
                    + "Idempotency-Key reused with another body. A complaint resolved during the first contact "
                    + "(即时处理) carries resolvedAtFirstContact {measures, explanation}: it is not dispatched, the "
                    + "customer counts as contacted and answered at registration, and the survey follows; the "
                    + "answer then says resolvedAtFirstContact: true. A BUSINESS complaint that disputes a service "
                    + "provider's charge (seed 004) carries billingDispute {spCode (the SP's enterprise code, 1-32 "
                    + "of A-Z 0-9), serviceName, disputedAmountFen (whole fen, 1 to 10^9), billingPeriod (YYYY-MM, not "
                    + "after the current month)}: it runs the PROOF clock and may earn a provisional refund.")
    public Response register(
            @Parameter(description = "Makes retries safe: the same submitter's key and body always give the same "
                    + "complaint; another submitter's same key is another key")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(deprecated = true, description = "Not needed: the token says who submits. Accepted when it "
                    + "names the token's subject; anyone else is a 400")
            @HeaderParam("X-Submitted-By") String submittedBy,
            byte[] body) {
        caller.mustBe("X-Submitted-By", submittedBy);
        Optional<String> keyProblem = IdempotencyKeys.problem(idempotencyKey);
        if (keyProblem.isPresent()) {
            return Problem.of("invalid-complaint", "Invalid complaint", 400,
                            "The Idempotency-Key header is invalid")
                    .withErrors(List.of(new FieldError("Idempotency-Key", keyProblem.get())))
                    .toResponse();
        }
        JsonNode json = JsonBody.parse(body);
        String causation = Causation.of(idempotencyKey);
        Outcome outcome = registrar.register(json, idempotencyKey, Registrar.Origin.caller("rest", caller.subject(),
                causation));

        if (outcome instanceof Outcome.Created created) {
            return Response.created(URI.create("/complaints/" + created.registered().complaintId()))
                    .entity(RegistrationAnswer.of(created.registered())).build();
        }
        if (outcome instanceof Outcome.Duplicate duplicate) {
            return Response.ok(RegistrationAnswer.of(duplicate.first()))
                    .location(URI.create("/complaints/" + duplicate.first().complaintId())).build();
        }
        if (outcome instanceof Outcome.Invalid invalid) {
            int n = invalid.errors().size();
            return Problem.of("invalid-complaint", "Invalid complaint", 400,
                    n == 1 ? "1 field is invalid" : n + " fields are invalid").withErrors(invalid.errors()).toResponse();
        }
        if (outcome instanceof Outcome.Refused refused) {
            return Problem.of("outside-business-scope", "Outside the business scope", 422,
                    refused.refusal().reason()).withReason(refused.refusal().code()).toResponse();
        }
        Outcome.KeyReused reused = (Outcome.KeyReused) outcome;
        return Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422,
                "Idempotency-Key " + reused.idempotencyKey() + " was used for complaint " + reused.complaintId()
                        + " with a different body").withReason("IDEMPOTENCY_KEY_REUSED").toResponse();
    }

    @GET
    @Path("/{complaintId}")
    @RolesAllowed({Roles.SUBMITTER, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The registration as accepted",
            description = "A submitter reads only the complaints it registered itself: another's is a 404, as an "
                    + "unknown number is. Operators and administrators read every complaint with the customer's "
                    + "name, phone and contact masked; auditors read it unmasked.")
    public Response get(@PathParam("complaintId") String complaintId) {
        return store.find(complaintId).flatMap(this::viewFor)
                .map(view -> Response.ok(view).build())
                .orElseThrow(() -> new RequestProblems.NotFound("No complaint " + complaintId));
    }

    /**
     * What the caller may see of a registration: an auditor all of it; an operator or an administrator the
     * case without the person (PersonalData); a submitter only what it registered itself, and nothing of
     * another's, so that complaint numbers cannot be probed.
     */
    private Optional<ComplaintView> viewFor(ComplaintRegistered registered) {
        if (caller.is(Roles.AUDITOR)) {
            return Optional.of(ComplaintView.of(registered));
        }
        if (caller.is(Roles.OPERATOR) || caller.is(Roles.ADMIN)) {
            return Optional.of(ComplaintView.masked(registered));
        }
        return caller.subject().equals(registered.actor()) ? Optional.of(ComplaintView.of(registered))
                : Optional.empty();
    }
}
