package com.telco.complaints.analytics.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /console} without its slash leads to the console ({@code /console/}, the static pages'
 * index.html), whose relative links need the slash; everything else under it is left to the pages and the door
 * {@code /console/config}.
 */
@ApplicationScoped
public class ConsoleRedirect {

    void route(@Observes Router router) {
        router.get("/console").handler(rc -> {
            if ("/console".equals(rc.request().path())) {
                String query = rc.request().query();
                rc.response().setStatusCode(301).putHeader("Location", "/console/" + (query == null ? "" : "?" + query))
                        .end();
            } else {
                rc.next();
            }
        });
    }
}
