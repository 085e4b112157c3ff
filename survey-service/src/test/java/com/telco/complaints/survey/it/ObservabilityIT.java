package com.telco.complaints.survey.it;

import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What operations rely on: health with the database and the broker, the API description, the metrics. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ObservabilityIT {

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/surveys/{complaintId}/answers")).body(containsString("/admin/rebuild"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_relayed"));
    }
}
