package com.telco.complaints.sla.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into application/problem+json. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response invalid(InvalidParameter e) {
        return Problem.of("invalid-request", "Invalid request", 400, e.getMessage())
                .withErrors(java.util.List.of(e.error)).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return Problem.of("internal-error", "Internal error", 500, "The request could not be completed.").toResponse();
    }

    /** A query parameter that cannot be used. */
    public static final class InvalidParameter extends RuntimeException {
        final FieldError error;

        public InvalidParameter(String field, String message) {
            super(field + " " + message, null, false, false);
            this.error = new FieldError(field, message);
        }
    }
}
