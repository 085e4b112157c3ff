package com.telco.complaints.testsupport;

import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Barriers on what a service still owes the log. Once a same-key marker shows that a service has
 * applied everything before it, what it decided meanwhile may still wait in its outbox; when the
 * outbox is empty, it is on the log (the relay deletes rows only after their Kafka transaction
 * committed).
 */
public final class Outboxes {

    private Outboxes() {}

    /** Waits (bounded) until the running test application's outbox is empty. */
    public static void awaitDrained() {
        awaitDrained(() -> Callers.as(Callers.ADMIN));
    }

    /** Waits (bounded) until the outbox of the service at {@code baseUri} is empty; {@code adminToken} an admin's. */
    public static void awaitDrained(String baseUri, String adminToken) {
        awaitDrained(() -> given().baseUri(baseUri).auth().oauth2(adminToken));
    }

    private static void awaitDrained(Supplier<RequestSpecification> service) {
        Awaitility.await("the outbox drained").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> service.get().get("/admin/outbox").then().statusCode(200).extract().jsonPath()
                        .getLong("pending") == 0);
    }
}
