package com.telco.complaints.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The web console's settings ({@code console.*}), served without a token at {@code GET /console/config}: where the
 * services' doors are, the identity provider's login when there is one, the business time zone and how often the
 * dashboard refreshes. Nothing secret: the console is a public client of the provider.
 */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    Doors doors();

    /** The OIDC provider's login (authorization code with PKCE, a public client); absent: tokens are pasted. */
    Optional<Oidc> oidc();

    /**
     * The business time zone: of the console's dates and of {@code GET /dashboard}'s days and hours. analytics has
     * no other setting of it (intake's {@code intake.time-zone} and sla's {@code sla.calendar.zone} say the same).
     */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How often the dashboard asks for its figures again, in seconds. */
    @WithDefault("15")
    int refreshSeconds();

    /**
     * Where the console finds each service's REST doors. {@code :<port>}: the page's own scheme and host, that port;
     * otherwise an absolute base URL ({@code https://routing.example.com}); empty: the page's own origin.
     */
    interface Doors {
        @WithDefault(":8081")
        String intake();

        @WithDefault(":8082")
        String routing();

        @WithDefault(":8083")
        String sla();

        @WithDefault(":8084")
        String survey();

        /** Analytics itself: the page's own origin unless set. */
        Optional<String> analytics();
    }

    interface Oidc {
        /** The provider's authorization endpoint, e.g. {@code https://sso.example.com/realms/telco/protocol/openid-connect/auth}. */
        String authorizationEndpoint();

        String tokenEndpoint();

        /** The console's client id at the provider (a public client: no secret). */
        String clientId();

        /** The scopes asked for; {@code openid} when not set. */
        Optional<String> scope();

        /** The provider's end-session endpoint, if it has one. */
        Optional<String> logoutEndpoint();
    }
}
