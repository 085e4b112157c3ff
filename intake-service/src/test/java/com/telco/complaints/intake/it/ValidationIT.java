package com.telco.complaints.intake.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.Metrics;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Every status code of API.md for POST /complaints, all as application/problem+json. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ValidationIT {

    /** A request of the test submitter: the one role that registers. */
    private static RequestSpecification submitter() {
        return Callers.as(Callers.SUBMITTER);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "channel         | \"FAX\"",
            "category        | null",
            "urgency         | \"soon\"",
            "region          | \"a b\"",
            "customer.name   | \"\"",
            "customer.phone  | \"+1 415 555 0100\"",
            "customer.tier   | \"VIP\"",
            "description     | \"tab\\u000bvertical\"",
            "externalRef.id  | 42",
    })
    void eachWrongFieldIsNamedInA400(String field, String json) throws Exception {
        ObjectNode body = Bodies.withExternalRef(Bodies.uniqueId());
        String[] path = field.split("\\.");
        ObjectNode parent = path.length == 1 ? body : (ObjectNode) body.get(path[0]);
        parent.set(path[path.length - 1], com.telco.complaints.contracts.wire.EventJson.mapper().readTree(json));

        submitter().contentType(ContentType.JSON).body(body.toString()).post("/complaints").then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void everyWrongFieldIsListedInOneAnswer() {
        String body = """
                { "channel": "PIGEON", "category": "NETWORK", "urgency": 1, "region": "TZ-HL",
                  "customer": { "name": "Wang", "phone": "12" }, "description": "", "externalRef": { "id": "x" } }""";

        submitter().contentType(ContentType.JSON).body(body).post("/complaints").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("5 fields are invalid"))
                .body("errors.field", containsInAnyOrder("channel", "urgency", "customer.phone", "description",
                        "externalRef.system"));
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        submitter().contentType(ContentType.JSON)
                .body("{\n  \"channel\": \"HOTLINE\",\n  \"category\" \"NETWORK\"\n}")
                .post("/complaints").then()
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 3, column"));
    }

    @Test
    void anEmptyBodyIsA400() {
        submitter().contentType(ContentType.JSON).body("").post("/complaints").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("empty"));
    }

    @Test
    void aBodyOver64KiBIsA413() {
        ObjectNode body = Bodies.valid().put("description", "x".repeat(70 * 1024));

        submitter().contentType(ContentType.JSON).body(body.toString()).post("/complaints").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void aBodyJustUnder64KiBIsReadAndValidated() {
        ObjectNode body = Bodies.valid().put("description", "x".repeat(60 * 1024));

        submitter().contentType(ContentType.JSON).body(body.toString()).post("/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("description"))
                .body("errors[0].message", containsString("at most 4000"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        submitter().contentType(ContentType.XML).body("<complaint/>").post("/complaints").then()
                .statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        submitter().contentType(ContentType.TEXT).body("no signal").post("/complaints").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aComplaintOutsideTheBusinessScopeIsA422WithTheReason() {
        ObjectNode body = Bodies.valid().put("category", "SERVICE").put("subcategory", "handset-repair");

        submitter().contentType(ContentType.JSON).body(body.toString()).post("/complaints").then()
                .statusCode(422).contentType("application/problem+json")
                .body("reason", equalTo("HANDSET_REPAIR"))
                .body("detail", containsString("manufacturer"));
    }

    @Test
    void anInvalidIdempotencyKeyIsA400() {
        submitter().contentType(ContentType.JSON).header("Idempotency-Key", "has space")
                .body(Bodies.valid().toString()).post("/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void eachRefusalIsCountedOnceByItsReason() {
        double outOfScope = Metrics.counter("complaints_refused_total", "door", "rest", "reason", "HANDSET_REPAIR");
        double invalid = Metrics.counter("complaints_refused_total", "door", "rest", "reason", "INVALID");
        ObjectNode outside = Bodies.valid().put("category", "SERVICE").put("subcategory", "handset-repair");

        submitter().contentType(ContentType.JSON).body(outside.toString()).post("/complaints").then().statusCode(422);
        submitter().contentType(ContentType.JSON).body("{}").post("/complaints").then().statusCode(400);

        assertThat(Metrics.counter("complaints_refused_total", "door", "rest", "reason", "HANDSET_REPAIR"))
                .as("refused as outside the business scope").isEqualTo(outOfScope + 1);
        assertThat(Metrics.counter("complaints_refused_total", "door", "rest", "reason", "INVALID"))
                .as("refused as invalid").isEqualTo(invalid + 1);
    }
}
