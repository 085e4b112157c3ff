package com.telco.complaints.eventing.it;

import com.telco.complaints.deploy.infra.LocalTokens.Caller;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.Metrics;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The library's own doors (outbox, parked records, rebuild) are an administrator's: no token or a
 * token that does not verify is a 401 with a bearer challenge, another role a 403, both as
 * problem+json; health, metrics and the OpenAPI document stay open, and the document declares the
 * bearer scheme with each operation's roles.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class AccessIT {

    private static final List<String> ADMIN_READS = List.of("/admin/outbox", "/admin/outbox/failed", "/admin/parked",
            "/admin/rebuild");

    @Test
    void withoutAValidTokenEveryAdminDoorAnswers401WithABearerChallenge() {
        for (String path : ADMIN_READS) {
            Callers.anonymous().get(path).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
            given().auth().oauth2(Callers.forged(Callers.ADMIN)).get(path).then().statusCode(401);
            given().auth().oauth2(Callers.expired(Callers.ADMIN)).get(path).then().statusCode(401);
        }
        Callers.anonymous().post("/admin/rebuild").then().statusCode(401);
        Callers.anonymous().post("/admin/parked/retry").then().statusCode(401);
    }

    @Test
    void aTokenThatPassedDoesNotLetAnAlteredCopyOfItselfThrough() {
        // Tokens that passed are remembered for a minute (VerifiedTokens): only the very same text is.
        String token = Callers.token(new Caller("it-token-memory-" + UUID.randomUUID(), "IT token memory",
                Callers.ADMIN, null)); // a token of its own: not one an earlier test made the memory remember
        given().auth().oauth2(token).get("/admin/outbox").then().statusCode(200);
        double remembered = Metrics.counter("auth_tokens_total", "checked", "remembered");
        given().auth().oauth2(token).get("/admin/outbox").then().statusCode(200);
        assertThat(Metrics.counter("auth_tokens_total", "checked", "remembered")).as("the second call, from memory")
                .isEqualTo(remembered + 1);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String altered = token.substring(0, token.lastIndexOf('.') + 1)
                + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        given().auth().oauth2(altered).get("/admin/outbox").then().statusCode(401);
        String[] parts = token.split("\\.");
        String otherClaims = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "." + parts[2];
        given().auth().oauth2(otherClaims).get("/admin/outbox").then().statusCode(401);
        given().auth().oauth2(token).get("/admin/outbox").then().statusCode(200);
    }

    @Test
    void anotherRoleIsForbiddenAndAnAdministratorPasses() {
        for (String role : List.of(Callers.OPERATOR, Callers.SUBMITTER, Callers.SURVEYOR, Callers.AUDITOR)) {
            for (String path : ADMIN_READS) {
                Callers.as(role).get(path).then().statusCode(403)
                        .contentType(containsString("application/problem+json")).body("status", equalTo(403));
            }
            Callers.as(role).post("/admin/rebuild").then().statusCode(403);
            Callers.as(role).post("/admin/outbox/failed/1/retry").then().statusCode(403);
        }
        Callers.agent("network-ops").delete("/admin/rebuild").then().statusCode(403);
        for (String path : ADMIN_READS) {
            Callers.as(Callers.ADMIN).get(path).then().statusCode(200);
        }
    }

    @Test
    void healthMetricsAndTheDocumentStayOpenAndTheDocumentDeclaresTheBearerScheme() {
        Callers.anonymous().get("/q/health/ready").then().statusCode(200);
        Callers.anonymous().get("/q/metrics").then().statusCode(200);
        Callers.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        assertThat(Callers.anonymous().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath()
                .getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(Callers.anonymous().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath()
                .getList("paths.'/admin/rebuild'.post.security.bearer.flatten()", String.class)).containsExactly("admin");
    }
}
