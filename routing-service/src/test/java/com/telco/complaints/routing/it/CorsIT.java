package com.telco.complaints.routing.it;

import com.telco.complaints.testsupport.Cors;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.SURVEYOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console (served by analytics) calls routing's doors from the browser (the library's CORS defaults), over
 * real HTTP: a preflight of a door that needs a token is answered 200 before the door, the actual request with its
 * token gets the door's answer and the headers the console reads; an origin nobody listed is refused.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class CorsIT {

    @Test
    void theConsolesOriginsMayCallEveryDoorWithATokenAfterAPreflight() {
        Cors.assertPreflightAllowed(Cors.CONSOLE, "GET", "/work-orders");
        Cors.assertPreflightAllowed(Cors.CONSOLE_BY_NAME, "POST", "/work-orders/WO-1/return");
        Cors.assertPreflightAllowed(Cors.CONSOLE, "POST", "/work-orders/triage/C-1/dispatch");

        Cors.assertRequestAllowed(Cors.CONSOLE, OPERATOR, "/work-orders", 200);
        var departments = Cors.assertRequestAllowed(Cors.CONSOLE_BY_NAME, SURVEYOR, "/departments", 200);
        assertThat(departments.jsonPath().getList("departments")).isNotEmpty();
        Cors.assertRequestAllowed(Cors.CONSOLE, SURVEYOR, "/work-orders", 403);
    }

    @Test
    void anOriginNobodyListedIsRefused() {
        Cors.assertPreflightRefused(Cors.STRANGER, "GET", "/work-orders");
        Cors.assertPreflightRefused("http://127.0.0.1:8086", "POST", "/work-orders/WO-1/return");
        Cors.assertRequestRefused(Cors.STRANGER, OPERATOR, "/work-orders");
    }
}
