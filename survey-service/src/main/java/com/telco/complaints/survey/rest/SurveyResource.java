package com.telco.complaints.survey.rest;

import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.Page;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.survey.Surveying;
import com.telco.complaints.survey.domain.SurveyStatus;
import com.telco.complaints.survey.store.SurveyTaskStore;
import com.telco.complaints.survey.store.SurveyTaskStore.TaskRow;
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

import java.util.List;

/**
 * The door for survey agents and IVR/SMS systems: the survey queue, one case's survey, and answering
 * it. Only a surveyor answers, as the token's subject. Operators and administrators read the queue
 * with the customer's name and phone masked (they may see the case, not the person); the surveyor,
 * who must call the customer, and the auditor see them in full.
 */
@Path("/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    @Inject
    SurveyTaskStore tasks;
    @Inject
    Surveying surveying;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SURVEYOR, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Survey tasks, oldest return first",
            description = "Filter: status (PENDING, ANSWERED, CLOSED; all when absent). Paged by page and size; "
                    + "the total is in X-Total-Count. Operators and administrators see the customer's name and "
                    + "phone masked.")
    public Response list(@QueryParam("status") String status, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        params.oneOf("status", status, SurveyStatus.class);
        Page p = params.page(page, size, 100, 1000);
        params.validate();
        List<SurveyView> views = tasks.list(status, p.size(), p.offset()).stream().map(this::view).toList();
        return Page.ok(views, tasks.count(status));
    }

    @GET
    @Path("/{complaintId}")
    @RolesAllowed({Roles.SURVEYOR, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The survey of a complaint's latest returned work order",
            description = "Operators and administrators see the customer's name and phone masked.")
    public Response get(@PathParam("complaintId") String complaintId) {
        return tasks.latest(complaintId).map(row -> Response.ok(view(row)).build())
                .orElseThrow(() -> new RequestProblems.NotFound("No survey for complaint " + complaintId));
    }

    @POST
    @Path("/{complaintId}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SURVEYOR)
    @Operation(summary = "Answer the pending survey of a complaint",
            description = "Satisfied: SurveyPassed and ComplaintClosed (SATISFIED). Dissatisfied: SurveyFailed, "
                    + "redispatched when the operator is at fault under the attempt limit, except when the return "
                    + "named the customer-service centre at fault (faultOf CUSTOMER_SERVICE_CENTRE): then "
                    + "ComplaintClosed (RECORDED), naming who is accountable, and no redispatch; when not at fault, "
                    + "ComplaintClosed (EXPLAINED) if the customer accepts the explanation (accepted, default true), "
                    + "else handed to the manager hotline (handover: a work order of its own); at fault at the limit, "
                    + "handed to the manager hotline; dissatisfied again after the hotline's work order, "
                    + "ComplaintClosed (ESCALATED). A customer reached who was never given the final answer is "
                    + "given it first (CustomerContacted, from the department's return). reachable=false records a "
                    + "call that missed the customer (nothing else needed) and closes as UNREACHABLE at the limit, "
                    + "after sending the final answer by SMS unless it was sent in writing; an absent "
                    + "reachable means the customer was reached. The surveyor is the token's subject: surveyedBy may "
                    + "be left out, and naming anyone else is a 400. 200 with the survey task · 404 unknown "
                    + "complaint · 409 no survey pending · 400 invalid, every wrong field listed. The same "
                    + "Idempotency-Key as the last answer gives that answer again.")
    public Response answer(@PathParam("complaintId") String complaintId,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        AnswerBody parsed = new AnswerBody(JsonBody.object(body), caller.subject());
        caller.mustBe("surveyedBy", parsed.declaredSurveyedBy);
        List<FieldError> errors = parsed.errors();
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        Surveying.Answered answered = surveying.answer(complaintId, parsed.request, Causation.of(idempotencyKey),
                Causation.given(idempotencyKey));
        return tasks.find(answered.taskKey()).map(row -> Response.ok(view(row)).build()).orElseThrow();
    }

    /** The task as the caller may see it: the customer in full for a surveyor or an auditor, masked for anyone else. */
    private SurveyView view(TaskRow row) {
        return SurveyView.of(row, !caller.is(Roles.SURVEYOR) && !caller.is(Roles.AUDITOR));
    }
}
