package com.telco.complaints.survey.rest;

import com.telco.complaints.eventing.rest.Problem;
import com.telco.complaints.survey.domain.Contacts;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * survey's own refusal that is no conflict: a contact's Idempotency-Key reused for another body (422). Its conflicts
 * (no survey pending, no contact on the case) are the library's {@code RequestProblems.Conflict}, mapped there.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response keyReused(Contacts.KeyReused e) {
        return Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422, e.getMessage())
                .withReason("IDEMPOTENCY_KEY_REUSED").toResponse();
    }
}
