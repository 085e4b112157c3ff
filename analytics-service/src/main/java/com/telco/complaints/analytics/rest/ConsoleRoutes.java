package com.telco.complaints.analytics.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The web console's routes beside its static pages: {@code /console} without its slash leads to the console
 * ({@code /console/}, whose relative links need the slash), and every answer under {@code /console} carries the
 * console's Content-Security-Policy, made from its settings: scripts, styles and images from this service only,
 * and calls to this service, the doors of {@code console.doors.*} and the identity provider's token endpoint only, so
 * that a script that got into the page could neither load more nor send a token anywhere else.
 */
@ApplicationScoped
public class ConsoleRoutes {

    @Inject
    ConsoleResource.Settings settings;

    void route(@Observes Router router) {
        String policy = contentSecurityPolicy(settings);
        router.routeWithRegex("/console(/.*)?").order(-100).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers()
                    .set("Content-Security-Policy", policy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer"));
            rc.next();
        });
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

    /**
     * The console's policy. connect-src: this service ('self'), each door ({@code :<port>}: that port of any host,
     * since the page's host is whatever name the browser used; an absolute URL: its origin), the token endpoint's
     * origin, and blob: (the CSV export the page builds).
     */
    static String contentSecurityPolicy(ConsoleResource.Settings settings) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        for (String door : settings.doors().values()) {
            if (door.startsWith(":")) {
                connect.add("http://*" + door);
                connect.add("https://*" + door);
            } else if (!door.isEmpty()) {
                connect.add(origin(door));
            }
        }
        if (settings.oidc() != null) {
            connect.add(origin(settings.oidc().tokenEndpoint()));
        }
        connect.add("blob:");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src " + String.join(" ", connect) + "; form-action 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
