package com.telco.complaints.eventing.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.telco.complaints.contracts.wire.EventJson;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 as problem+json for a body announced larger than the limit
 * ({@code quarkus.http.limits.max-body-size}), before it is read. (A chunked body without a length
 * is cut off by the HTTP layer at the same limit.)
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Filters filters) {
        long limit = maxBodySize.asLongValue();
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && parse(length) > limit) {
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(json(Problem.of("body-too-large", "Body too large", 413,
                                "The body has " + length + " bytes; at most " + limit + " are accepted")));
                return;
            }
            rc.next();
        }, 1000);
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String json(Problem problem) {
        try {
            return EventJson.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
