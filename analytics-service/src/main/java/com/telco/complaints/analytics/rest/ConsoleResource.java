package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.ConsoleConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the web console (the static pages under {@code /console/}) needs before anybody signs in: where each service's
 * doors are, how to sign in, the business time zone, how often to refresh. Open to everybody: it holds no personal
 * data and nothing secret ({@code console.*}, {@link ConsoleConfig}).
 */
@Path("/console/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    /**
     * @param doors          per service (intake, routing, sla, survey, analytics): {@code :<port>} for the page's own
     *                       scheme and host on that port, an absolute base URL, or empty for the page's own origin
     * @param oidc           the identity provider's login, or null: tokens are pasted
     * @param zone           the business time zone (IANA id)
     * @param refreshSeconds how often the dashboard asks again
     */
    public record Settings(Map<String, String> doors, Oidc oidc, String zone, int refreshSeconds) {

        private static final Pattern PORT = Pattern.compile(":([1-9][0-9]{0,4})");

        /** The settings of {@code config}; a door or a refresh that cannot work stops start-up here. */
        public static Settings of(ConsoleConfig config) {
            Map<String, String> doors = new LinkedHashMap<>();
            ConsoleConfig.Doors d = config.doors();
            doors.put("intake", door("intake", d.intake()));
            doors.put("routing", door("routing", d.routing()));
            doors.put("sla", door("sla", d.sla()));
            doors.put("survey", door("survey", d.survey()));
            doors.put("analytics", door("analytics", d.analytics().orElse("")));
            if (config.refreshSeconds() < 1 || config.refreshSeconds() > 3600) {
                throw new IllegalArgumentException("console.refresh-seconds must be between 1 and 3600, not "
                        + config.refreshSeconds());
            }
            Oidc oidc = config.oidc().map(o -> new Oidc(url("oidc.authorization-endpoint", o.authorizationEndpoint()),
                    url("oidc.token-endpoint", o.tokenEndpoint()), o.clientId(), o.scope().orElse("openid"),
                    o.logoutEndpoint().map(u -> url("oidc.logout-endpoint", u)).orElse(null))).orElse(null);
            return new Settings(java.util.Collections.unmodifiableMap(doors), oidc, config.zone().getId(), config.refreshSeconds());
        }

        private static String door(String service, String value) {
            String door = value.trim();
            if (door.isEmpty()) {
                return door;
            }
            var port = PORT.matcher(door);
            if (port.matches()) {
                if (Integer.parseInt(port.group(1)) > 65535) {
                    throw new IllegalArgumentException("console.doors." + service + ": no port " + door);
                }
                return door;
            }
            String base = door.endsWith("/") ? door.substring(0, door.length() - 1) : door;
            return url("doors." + service, base);
        }

        private static String url(String key, String value) {
            try {
                URI uri = URI.create(value.trim());
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return value.trim();
                }
            } catch (IllegalArgumentException e) {
                // said below
            }
            throw new IllegalArgumentException("console." + key + " must be " + (key.startsWith("doors.")
                    ? "':<port>', an http(s) base URL or empty" : "an http(s) URL") + ", not '" + value + "'");
        }
    }

    /** The provider's login for a public client (authorization code with PKCE). */
    public record Oidc(String authorizationEndpoint, String tokenEndpoint, String clientId, String scope,
                       String logoutEndpoint) {}

    @Inject
    Settings settings;

    @GET
    @PermitAll
    @Operation(summary = "The web console's settings, for everybody (no token needed)",
            description = "doors: per service (intake, routing, sla, survey, analytics) where the console calls its "
                    + "REST doors: ':<port>' means the page's own scheme and host on that port, an absolute URL is used "
                    + "as it is, empty means the page's own origin. oidc: the identity provider's authorization and "
                    + "token endpoints, the console's client id (a public client, authorization code with PKCE), the "
                    + "scope and the end-session endpoint, or null when people sign in by pasting a token "
                    + "(deploy/run.sh token). zone: the business time zone of dates and hours. refreshSeconds: how "
                    + "often the dashboard asks again. No personal data, nothing secret.")
    public Settings get() {
        return settings;
    }
}
