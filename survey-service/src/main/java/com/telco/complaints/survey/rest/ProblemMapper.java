package com.telco.complaints.survey.rest;

import com.telco.complaints.eventing.rest.Problem;
import com.telco.complaints.survey.domain.Answers;
import com.telco.complaints.survey.domain.Contacts;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** survey's own refusals as application/problem+json; every other failure is mapped by the eventing library. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response notPending(Answers.SurveyNotPending e) {
        return Problem.of("survey-not-pending", "No survey pending", 409, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response keyReused(Contacts.KeyReused e) {
        return Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422, e.getMessage())
                .withReason("IDEMPOTENCY_KEY_REUSED").toResponse();
    }

    @ServerExceptionMapper
    public Response contactRefused(Contacts.ContactRefused e) {
        return Problem.of("contact-refused", "No contact on this case", 409, e.getMessage()).toResponse();
    }
}
