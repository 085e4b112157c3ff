package com.telco.complaints.eventing.rest;

import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.outbox.EventTooLarge;
import com.telco.complaints.eventing.parking.Redrive;
import com.telco.complaints.eventing.rebuild.Rebuild;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Turns every failure of every door into application/problem+json. A service maps only its own
 * domain's refusals (a work order not open, say); everything else is here.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response malformed(RequestProblems.MalformedJson e) {
        return Problem.of("malformed-json", "Malformed JSON", 400, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(RequestProblems.Invalid e) {
        return Problem.invalid(e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(RequestProblems.NotFound e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(RequestProblems.Conflict e) {
        return Problem.of(e.slug(), e.title(), 409, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notParked(Redrive.NotParked e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response rebuildRunning(Rebuild.AlreadyRunning e) {
        return Problem.of("rebuild-running", "Rebuild running", 409, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response tooLarge(EventTooLarge e) {
        return Problem.of("event-too-large", "Event too large", 422, e.getMessage())
                .withErrors(List.of(new FieldError(e.field() == null ? "$" : e.field(),
                        "too long: the event it makes would exceed the " + e.limit() + " bytes the log takes")))
                .toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of("unauthenticated", "Unauthenticated", 401,
                "This door needs a valid bearer token (Authorization: Bearer <token>)").toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "The token's role may not use this door" : e.getMessage();
        return Problem.of("forbidden", "Forbidden", 403, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Failures.isTransient(e)) {
            LOG.warnf("request failed for a transient reason: %s", Failures.describe(e));
            return Response.fromResponse(Problem.of("unavailable", "Service unavailable", 503,
                    "The database or the broker is unavailable for the moment; nothing changed. Retry shortly "
                            + "(with the same Idempotency-Key, where the door takes one).").toResponse())
                    .header("Retry-After", "5").build();
        }
        LOG.error("unexpected failure", e);
        return Problem.of("internal-error", "Internal error", 500,
                "The request could not be completed; nothing changed.").toResponse();
    }
}
