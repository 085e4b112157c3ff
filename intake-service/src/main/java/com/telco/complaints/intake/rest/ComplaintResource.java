package com.telco.complaints.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.Problem;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.intake.Registrar.Outcome;
import com.telco.complaints.intake.Registrar;
import com.telco.complaints.intake.domain.IdempotencyKeys;
import com.telco.complaints.intake.store.ComplaintStore;
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
import java.util.UUID;

/** The door for publishing systems: register a complaint, read it back. */
@Path("/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    @Inject
    Registrar registrar;
    @Inject
    ComplaintStore store;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a complaint",
            description = "201 with the complaint number; 200 with the first answer for a retry (same "
                    + "Idempotency-Key or same externalRef); 400 lists every wrong field; 413, 415; 422 outside "
                    + "the business scope or an Idempotency-Key reused with another body.")
    public Response register(
            @Parameter(description = "Makes retries safe: the same key and body always give the same complaint")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "The publishing system or agent, recorded as the actor")
            @HeaderParam("X-Submitted-By") String submittedBy,
            byte[] body) {
        Optional<String> keyProblem = IdempotencyKeys.problem(idempotencyKey);
        if (keyProblem.isPresent()) {
            return Problem.of("invalid-complaint", "Invalid complaint", 400,
                            "The Idempotency-Key header is invalid")
                    .withErrors(List.of(new FieldError("Idempotency-Key", keyProblem.get())))
                    .toResponse();
        }
        JsonNode json = JsonBody.parse(body);
        String causation = idempotencyKey != null ? "idempotency-key:" + idempotencyKey : "request:" + UUID.randomUUID();
        Outcome outcome = registrar.register(json, idempotencyKey, new Registrar.Origin("rest", submittedBy, causation));

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
    @Operation(summary = "The registration as accepted")
    public Response get(@PathParam("complaintId") String complaintId) {
        return store.find(complaintId)
                .map(registered -> Response.ok(ComplaintView.of(registered)).build())
                .orElseThrow(() -> new RequestProblems.NotFound("No complaint " + complaintId));
    }
}
