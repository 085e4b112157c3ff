package com.telco.complaints.eventing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer of every service.
 *
 * @param errors for validation problems: every wrong field
 * @param reason for refusals: a stable code (e.g. {@code HANDSET_REPAIR})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://complaints.telco.example/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPES + slug, title, status, detail, null, null);
    }

    /** 400 listing every wrong field. */
    public static Problem invalid(String slug, String title, List<FieldError> errors) {
        return of(slug, title, 400, errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid")
                .withErrors(errors);
    }

    /** 400 listing every wrong field of a request. */
    public static Problem invalid(List<FieldError> errors) {
        return invalid("invalid-request", "Invalid request", errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors), reason);
    }

    public Problem withReason(String code) {
        return new Problem(type, title, status, detail, errors, code);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
