package com.telco.complaints.analytics.it;

import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web console needs of analytics before anybody signs in, over real HTTP and without a token: its settings
 * at {@code /console/config} (a JAX-RS door beside the static pages of {@code /console/}), static pages from
 * {@code META-INF/resources}, and its scripts from WebJars by version-less paths.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ConsoleIT {

    @Test
    void theSettingsAnswerWithoutATokenWithTheDefaultDoorsNoLoginAndTheZone() {
        Response answer = given().get("/console/config");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getMap("doors", String.class, String.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "intake", ":8081", "routing", ":8082", "sla", ":8083", "survey", ":8084", "analytics", ""));
        assertThat(answer.asString()).contains("\"doors\":{\"intake\":\":8081\",\"routing\":\":8082\",\"sla\":");
        assertThat(answer.jsonPath().getMap("$")).containsEntry("oidc", null);
        assertThat(answer.jsonPath().getString("zone")).isEqualTo("Asia/Shanghai");
        assertThat(answer.jsonPath().getInt("refreshSeconds")).isEqualTo(15);
    }

    @Test
    void staticPagesAreServedWithoutATokenBesideTheDoors() {
        Response page = given().get("/console-probe/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("静态页面");

        // The console's own page: the door /console/config does not hide it, and it comes with the console's policy
        // (scripts from this service only, calls to the doors only) and no day-long caching.
        Response console = given().get("/console/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.contentType()).startsWith("text/html");
        assertThat(console.asString()).contains("<script type=\"module\" src=\"js/app.js\">");
        assertThat(console.header("Content-Security-Policy")).contains("script-src 'self';")
                .contains("connect-src 'self' http://*:8081 https://*:8081").contains("frame-ancestors 'none'");
        assertThat(console.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(console.header("Cache-Control")).isNull();
        assertThat(given().get("/console/js/app.js").header("Content-Security-Policy")).contains("script-src 'self';");
        // Without its slash, the console's address leads to it.
        Response bare = given().redirects().follow(false).get("/console");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.header("Location")).endsWith("/console/");
        // A path under /console/ that is neither a page nor a door is not found, not opened by the door's prefix.
        assertThat(given().get("/console/no-such-page.js").statusCode()).isEqualTo(404);
    }

    @Test
    void chartJsIsServedFromItsWebJarWithoutItsVersion() {
        Response script = given().get("/webjars/chart.js/dist/chart.umd.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.asString()).contains("Chart.js v4.5.1");
    }
}
