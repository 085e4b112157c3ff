package com.telco.complaints.analytics.it;

import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Auditors and operations read the definitions in the OpenAPI document, not in the code. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class DocumentationIT {

    @Test
    void theOpenApiDocumentDefinesTheChainTheKpisAndHotspots() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();

        assertThat(document).contains("SHA-256(previousHash", "32 zero bytes", "keys sorted by UTF-16 code units",
                "ce_type");
        assertThat(document).contains("registered (ComplaintRegistered.occurredAt) in [from, to)",
                "department of the complaint's first work order", "nearest rank", "30 days",
                "misroutingRate = transferred / workOrders", "Returned.faultOf");
        assertThat(document).contains("usual = baseline count x w / b", "min-count");
        assertThat(document).contains("/cases/{complaintId}", "/escalations", "/audit/complaints/{complaintId}/events",
                "/audit/complaints/{complaintId}/state", "/audit/reads", "/kpis", "/hotspots", "/admin/rebuild");
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("events_archived_total");
    }
}
