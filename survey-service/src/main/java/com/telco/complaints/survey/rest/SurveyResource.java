package com.telco.complaints.survey.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.survey.Surveying;
import com.telco.complaints.survey.domain.FieldError;
import com.telco.complaints.survey.domain.SurveyStatus;
import com.telco.complaints.survey.store.SurveyTaskStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The door for survey agents and IVR/SMS systems: the survey queue, one case's survey, and answering it. */
@Path("/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private static final String STATUSES = Arrays.stream(SurveyStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    @Inject
    SurveyTaskStore tasks;
    @Inject
    Surveying surveying;

    @GET
    @Operation(summary = "Survey tasks, oldest return first",
            description = "Filter: status (PENDING, ANSWERED, CLOSED; all when absent). Paged by page and size; "
                    + "the total is in X-Total-Count.")
    public Response list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("100") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && Arrays.stream(SurveyStatus.values()).noneMatch(s -> s.name().equals(status))) {
            errors.add(new FieldError("status", "must be one of " + STATUSES));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > 1000) {
            errors.add(new FieldError("size", "must be between 1 and 1000"));
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        List<SurveyView> views = tasks.list(status, size, page * size).stream().map(SurveyView::of).toList();
        return Response.ok(views).header("X-Total-Count", tasks.count(status)).build();
    }

    @GET
    @Path("/{complaintId}")
    @Operation(summary = "The survey of a complaint's latest returned work order")
    public Response get(@PathParam("complaintId") String complaintId) {
        return tasks.latest(complaintId).map(row -> Response.ok(SurveyView.of(row)).build())
                .orElseGet(() -> Problem.of("not-found", "Not found", 404, "No survey for complaint " + complaintId)
                        .toResponse());
    }

    @POST
    @Path("/{complaintId}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the pending survey of a complaint",
            description = "Satisfied: SurveyPassed and ComplaintClosed (SATISFIED). Dissatisfied: SurveyFailed, "
                    + "redispatched when the operator is at fault under the attempt limit, else ComplaintClosed "
                    + "(EXPLAINED when not at fault, ESCALATED at the limit). reachable=false records a call that "
                    + "missed the customer (only surveyedBy needed) and closes as UNREACHABLE at the limit; an absent "
                    + "reachable means the customer was reached. 200 with the survey task · 404 unknown complaint · "
                    + "409 no survey pending · 400 invalid, every wrong field listed. The same Idempotency-Key as the "
                    + "last answer gives that answer again.")
    public Response answer(@PathParam("complaintId") String complaintId,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        JsonNode json = MalformedJson.parse(body);
        AnswerBody parsed = new AnswerBody(json);
        List<FieldError> errors = parsed.errors();
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        boolean idempotent = idempotencyKey != null && !idempotencyKey.isBlank();
        String causation = idempotent ? "idempotency-key:" + idempotencyKey : "request:" + UUID.randomUUID();
        Surveying.Answered answered = surveying.answer(complaintId, parsed.request, causation, idempotent);
        return tasks.find(answered.dispatchId()).map(row -> Response.ok(SurveyView.of(row)).build()).orElseThrow();
    }

    private static Response invalid(List<FieldError> errors) {
        return Problem.of("invalid-request", "Invalid request", 400,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid")
                .withErrors(errors).toResponse();
    }
}
