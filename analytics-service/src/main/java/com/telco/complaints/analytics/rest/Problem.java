package com.telco.complaints.analytics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * @param errors for validation problems: every wrong field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://complaints.telco.example/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPES + slug, title, status, detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(TYPES + "invalid-request", "Invalid request", 400,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
