package com.telco.complaints.eventing.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the ids in a door's path before any resource sees them: a complaint number or a work
 * order id or a contact id is letters, digits, {@code -} and {@code _}, at most 64 characters. Anything else
 * (a {@code %00}, a 200-character id, a space) is a 400 naming the parameter, instead of a query
 * the database would refuse.
 */
public class PathIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Map<String, String> CHECKED = Map.of("complaintId", "a complaint number",
            "dispatchId", "a work order id", "contactId", "a contact id");

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        for (Map.Entry<String, String> checked : CHECKED.entrySet()) {
            String value = params.getFirst(checked.getKey());
            if (value != null && !ID.matcher(value).matches()) {
                return Optional.of(Problem.invalid(List.of(new FieldError(checked.getKey(), "not " + checked.getValue()
                        + ": letters, digits, - and _, at most 64 characters"))).toResponse());
            }
        }
        return Optional.empty();
    }
}
