package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hotspots against the service clock, which the test moves: a burst of NETWORK complaints in one
 * region stands out against its usual rate (rule: at least 5 and at least 3 × usual, usual from
 * the 7 days before the window); steady traffic, however busy, does not. A hotspot none of whose complaints is
 * linked to an incident is unhandled.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class HotspotIT {

    private static Publisher publisher;

    @BeforeAll
    static void open() {
        publisher = new Publisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    private static ComplaintRegistered registered(String region, Category category, Instant at) {
        return TestEvents.registered(TestEvents.newComplaintId(), at, Channel.HOTLINE, category, region,
                CustomerTier.STANDARD, Urgency.NORMAL);
    }

    private static void awaitCases(String region, int count) {
        await().atMost(Api.PROJECTED).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(OPERATOR).queryParam("region", region).queryParam("size", 1).get("/cases").then()
                        .body("total", equalTo(count)));
    }

    /** The hotspots found now in {@code region}. */
    private static List<Map<String, Object>> hotspots(String window, String region) {
        JsonPath report = as(OPERATOR).queryParam("window", window).get("/hotspots").then().statusCode(200).extract()
                .jsonPath();
        return report.<Map<String, Object>>getList("hotspots").stream().filter(h -> region.equals(h.get("region")))
                .toList();
    }

    @Test
    void aBurstOfNetworkComplaintsInOneRegionIsAHotspotWhileItIsInTheWindow() {
        Instant now = Instant.parse("2031-06-10T12:00:00Z");
        String region = "HS-B-" + UUID.randomUUID().toString().substring(0, 6);
        List<ComplaintRegistered> events = new ArrayList<>();
        // Usual: two NETWORK complaints in the week before.
        events.add(registered(region, Category.NETWORK, now.minus(Duration.ofDays(3))));
        events.add(registered(region, Category.NETWORK, now.minus(Duration.ofDays(5))));
        // The burst: twelve in the last hour.
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ComplaintRegistered e = registered(region, Category.NETWORK, now.minus(Duration.ofMinutes(55 - 4L * i)));
            events.add(e);
            burst.add(e.complaintId());
        }
        // Two BUSINESS complaints in the same hour: below the floor of five.
        events.add(registered(region, Category.BUSINESS, now.minus(Duration.ofMinutes(30))));
        events.add(registered(region, Category.BUSINESS, now.minus(Duration.ofMinutes(20))));
        publisher.publishAll(events);
        awaitCases(region, events.size());

        TestClock.CLOCK.set(now);
        List<Map<String, Object>> found = hotspots("PT1H", region);

        assertThat(found).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("category", "NETWORK").containsEntry("count", 12);
            assertThat(((Number) h.get("usual")).doubleValue()).isCloseTo(2.0 / 168, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(h.get("complaintIds")).isEqualTo(burst);
        });

        // Two hours on, the burst has left the one-hour window ...
        TestClock.CLOCK.set(now.plus(Duration.ofHours(2)));
        assertThat(hotspots("PT1H", region)).isEmpty();
        // ... but a three-hour window still holds it.
        assertThat(hotspots("PT3H", region)).singleElement().satisfies(h -> assertThat(h).containsEntry("count", 12));
    }

    /**
     * Two bursts of six NETWORK complaints in the last hour: in one region routing linked two of them to an incident
     * (declared), in the other it linked none (an outage nobody declared: unhandled).
     */
    @Test
    void aHotspotNoIncidentHoldsIsUnhandledAndOneWithLinkedComplaintsNamesItsIncident() {
        Instant now = Instant.parse("2031-12-10T12:00:00Z");
        String declared = "HS-D-" + UUID.randomUUID().toString().substring(0, 6);
        String undeclared = "HS-U-" + UUID.randomUUID().toString().substring(0, 6);
        String incident = "INC-" + declared;
        List<ComplaintEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant at = now.minus(Duration.ofMinutes(50 - 5L * i));
            ComplaintRegistered inDeclared = registered(declared, Category.NETWORK, at);
            events.add(inDeclared);
            if (i < 2) {
                events.add(TestEvents.incidentLinked(inDeclared.complaintId(), incident, declared,
                        now.minus(Duration.ofHours(1)), 1, null, at.plusSeconds(30), now.plus(Duration.ofHours(3)), 1));
            }
            events.add(registered(undeclared, Category.NETWORK, at));
        }
        publisher.publishAll(events);
        awaitCases(declared, 6);
        awaitCases(undeclared, 6);
        await().atMost(Api.PROJECTED).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(OPERATOR).queryParam("region", declared).queryParam("status", "DISPATCHED").queryParam("size", 1)
                        .get("/cases").then().body("total", equalTo(2)));

        TestClock.CLOCK.set(now);

        assertThat(hotspots("PT1H", declared)).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("count", 6).containsEntry("unhandled", false);
            assertThat(h.get("incidentIds")).isEqualTo(List.of(incident));
        });
        assertThat(hotspots("PT1H", undeclared)).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("count", 6).containsEntry("unhandled", true);
            assertThat(h.get("incidentIds")).isEqualTo(List.of());
        });
    }

    @Test
    void steadyTrafficIsNoHotspotHoweverBusy() {
        Instant now = Instant.parse("2031-09-10T12:00:00Z");
        String region = "HS-S-" + UUID.randomUUID().toString().substring(0, 6);
        // One NETWORK complaint every ten minutes for the week before the window and in the window: six an hour.
        List<ComplaintRegistered> events = new ArrayList<>();
        for (Instant at = now.minus(Duration.ofDays(7)).minus(Duration.ofHours(1)); at.isBefore(now);
             at = at.plus(Duration.ofMinutes(10))) {
            events.add(registered(region, Category.NETWORK, at));
        }
        assertThat(events).hasSize(1014);
        publisher.publishAll(events);
        awaitCases(region, events.size());

        TestClock.CLOCK.set(now);
        JsonPath report = as(OPERATOR).queryParam("window", "PT1H").get("/hotspots").then().statusCode(200).extract()
                .jsonPath();

        assertThat(report.getString("windowStart")).isEqualTo("2031-09-10T11:00:00Z");
        assertThat(report.getString("baselineStart")).isEqualTo("2031-09-03T11:00:00Z");
        assertThat(report.getInt("rule.minCount")).isEqualTo(5);
        assertThat(hotspots("PT1H", region)).isEmpty();
        assertThat(hotspots("PT24H", region)).isEmpty();
    }

    @Test
    void aWindowOutsideItsLimitsIsRefused() {
        as(OPERATOR).queryParam("window", "PT10S").get("/hotspots").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("window"));
        as(OPERATOR).queryParam("window", "an hour").get("/hotspots").then().statusCode(400);
        as(OPERATOR).queryParam("window", "P30D").get("/hotspots").then().statusCode(400);
    }
}
