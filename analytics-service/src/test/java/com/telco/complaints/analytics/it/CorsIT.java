package com.telco.complaints.analytics.it;

import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.Cors;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static com.telco.complaints.testsupport.Callers.ADMIN;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console's calls from the browser (the library's CORS defaults), over real HTTP: a preflight of a door
 * that needs a token is answered 200 before the door (no token: browsers send none with it), the actual request
 * with its token gets the door's answer and the headers the console reads; an origin nobody listed is refused.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class CorsIT {

    @Test
    void theConsolesOriginsMayCallEveryDoorWithATokenAfterAPreflight() {
        Cors.assertPreflightAllowed(Cors.CONSOLE, "GET", "/cases");
        Cors.assertPreflightAllowed(Cors.CONSOLE_BY_NAME, "GET", "/kpis");
        Cors.assertPreflightAllowed(Cors.CONSOLE, "POST", "/admin/rebuild");
        Cors.assertPreflightAllowed(Cors.CONSOLE, "GET", "/dashboard");

        var page = Cors.assertRequestAllowed(Cors.CONSOLE, OPERATOR, "/cases?size=1", 200);
        assertThat(page.header("X-Total-Count")).isNotNull();
        Cors.assertRequestAllowed(Cors.CONSOLE_BY_NAME, OPERATOR, "/kpis", 200);
        // The door's own refusal still reaches the console, readable.
        Cors.assertRequestAllowed(Cors.CONSOLE, ADMIN, "/audit/reads", 403);
    }

    @Test
    void aPageAnalyticsServedItselfCallsItOnAnyPort() {
        // The console on analytics' own host and port (here the test's, listed nowhere): same origin, allowed.
        String self = "http://localhost:" + RestAssured.port;
        var page = Callers.as(OPERATOR).header("Origin", self).get("/cases?size=1");
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void anOriginNobodyListedIsRefused() {
        Cors.assertPreflightRefused(Cors.STRANGER, "GET", "/cases");
        Cors.assertPreflightRefused("http://127.0.0.1:8086", "POST", "/admin/rebuild");
        Cors.assertRequestRefused(Cors.STRANGER, OPERATOR, "/cases");
    }
}
