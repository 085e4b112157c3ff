package com.telco.complaints.survey.rest;

import com.telco.complaints.eventing.rest.Problem;
import com.telco.complaints.survey.domain.Answers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** survey's own refusals as application/problem+json; every other failure is mapped by the eventing library. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response notPending(Answers.SurveyNotPending e) {
        return Problem.of("survey-not-pending", "No survey pending", 409, e.getMessage()).toResponse();
    }
}
