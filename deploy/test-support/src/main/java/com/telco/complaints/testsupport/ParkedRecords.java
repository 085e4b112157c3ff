package com.telco.complaints.testsupport;

import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;


/** The running test application's {@code /admin/parked}, as an operator reads it. */
public final class ParkedRecords {

    private ParkedRecords() {}

    /** Every parked record of one key (complaint id), oldest first. */
    public static List<Map<String, Object>> of(String key) {
        JsonPath parked = Callers.as(Callers.ADMIN).queryParam("size", 1000).get("/admin/parked").then().statusCode(200).extract()
                .jsonPath();
        return parked.getList("findAll { it.key == '" + key + "' }");
    }

    /** Waits (bounded) until records of {@code key} are parked, and returns them. */
    public static List<Map<String, Object>> await(String key, int count, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> of(key), list -> list.size() >= count);
    }
}
