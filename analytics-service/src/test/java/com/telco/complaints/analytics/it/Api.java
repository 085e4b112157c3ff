package com.telco.complaints.analytics.it;

import io.restassured.path.json.JsonPath;

import java.time.Duration;

import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.awaitility.Awaitility.await;

/**
 * Reading analytics' REST answers in tests, each door as the role that uses it (cases as an
 * operator, the audit archive as an auditor), and waiting (bounded) for the projection to catch up.
 */
final class Api {

    static final Duration PROJECTED = Duration.ofSeconds(30);

    private Api() {}

    static JsonPath caseView(String complaintId) {
        return as(OPERATOR).get("/cases/{id}", complaintId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath auditTrail(String complaintId) {
        return as(AUDITOR).get("/audit/complaints/{id}/events", complaintId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath stateAsOf(String complaintId, String asOf) {
        return as(AUDITOR).queryParam("asOf", asOf).get("/audit/complaints/{id}/state", complaintId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Waits until {@code events} events of the case are archived. */
    static void awaitArchived(String complaintId, int events) {
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = as(AUDITOR).get("/audit/complaints/{id}/events", complaintId);
            return response.statusCode() == 200 && response.jsonPath().getInt("length") >= events;
        });
    }

    /** Waits until {@code events} events were applied to the case view. */
    static void awaitApplied(String complaintId, int events) {
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = as(OPERATOR).get("/cases/{id}", complaintId);
            return response.statusCode() == 200 && response.jsonPath().getInt("eventCount") >= events;
        });
    }
}
