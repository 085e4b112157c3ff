package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dashboard over real events, for the day 2033-03-15 of Asia/Shanghai (UTC+8: 2033-03-14T16:00Z to
 * 2033-03-15T16:00Z; local times below):
 * <pre>
 *  case  registered               then                                          status now
 *  A     03-15 00:00:00 (hour 0)  -                                             REGISTERED
 *  B     03-15 09:10              dispatched                                    DISPATCHED
 *  C     03-15 09:30              dispatched, returned                          RETURNED
 *  D     03-15 09:59:59           dispatched, returned, survey passed           SATISFIED
 *  E     03-15 10:00              dispatched, returned, passed, closed 16:00    CLOSED (closed that day)
 *  F     03-15 23:59:59 (hour 23) awaiting triage                               TRIAGE
 *  G     03-16 00:00:00           -  (the next day)                             REGISTERED
 *  H     03-14 23:59:59 (the day before); closed 03-15 23:59                     CLOSED (closed that day)
 *  I     03-15 11:00              resolved at the first contact                 RESOLVED_AT_FIRST_CONTACT
 *  J     03-15 12:00              dispatched, returned, survey failed           DISSATISFIED
 *  K     03-14 12:00; closed 03-16 00:00:00 (the next day)                      CLOSED
 * </pre>
 * 2033-03-15: registered 8 (hour 0: 1, hour 9: 3, hours 10, 11, 12: 1 each, hour 23: 1), closed 2 (E, H).
 * 2033-03-16: registered 1 (G, hour 0), closed 1 (K). Statuses now: 2 more REGISTERED, 3 more CLOSED, one more of
 * every other status, 8 more open. Other tests' cases share the table, so statuses are compared with the figures
 * before this fixture.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class DashboardIT {

    private static final String DAY = "2033-03-15";
    private static Publisher publisher;

    /** A local time of Asia/Shanghai, e.g. {@code 2033-03-15T09:10:00}. */
    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static JsonPath dashboard(String date) {
        var request = as(OPERATOR);
        if (date != null) {
            request = request.queryParam("date", date);
        }
        return request.get("/dashboard").then().statusCode(200).extract().jsonPath();
    }

    private static Map<CaseStatus, Long> byStatus(JsonPath dashboard) {
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        dashboard.getMap("byStatus", String.class, Number.class)
                .forEach((status, n) -> counts.put(CaseStatus.valueOf(status), n.longValue()));
        return counts;
    }

    /** Registered with {@code then}, each case's events in order; waits until all are applied. */
    private static void publish(Map<String, List<ComplaintEvent>> cases) {
        List<ComplaintEvent> all = new ArrayList<>();
        cases.values().forEach(all::addAll);
        publisher.publishAll(all);
        cases.forEach((id, events) -> Api.awaitApplied(id, events.size()));
    }

    private static List<ComplaintEvent> returnedAndPassed(String id, String registered, String dispatched,
                                                          String returned, String passed) {
        return List.of(TestEvents.registered(id, at(registered)), TestEvents.dispatched(id, at(dispatched), "dash-net"),
                TestEvents.returned(id, 1, at(returned), false), TestEvents.surveyPassed(id, 1, at(passed)));
    }

    private static List<ComplaintEvent> plus(List<ComplaintEvent> events, ComplaintEvent more) {
        List<ComplaintEvent> all = new ArrayList<>(events);
        all.add(more);
        return all;
    }

    @Test
    void countsEveryStatusAndTheDaysRegistrationsPerHourAndClosuresInTheBusinessZone() {
        publisher = new Publisher();
        Map<CaseStatus, Long> before = byStatus(dashboard(DAY));
        long openBefore = dashboard(DAY).getLong("open");

        Map<String, List<ComplaintEvent>> cases = new LinkedHashMap<>();
        String a = TestEvents.newComplaintId();
        cases.put(a, List.of(TestEvents.registered(a, at("2033-03-15T00:00:00"))));
        String b = TestEvents.newComplaintId();
        cases.put(b, List.of(TestEvents.registered(b, at("2033-03-15T09:10:00")),
                TestEvents.dispatched(b, at("2033-03-15T09:11:00"), "dash-net")));
        String c = TestEvents.newComplaintId();
        cases.put(c, List.of(TestEvents.registered(c, at("2033-03-15T09:30:00")),
                TestEvents.dispatched(c, at("2033-03-15T09:31:00"), "dash-net"),
                TestEvents.returned(c, 1, at("2033-03-15T11:00:00"), false)));
        String d = TestEvents.newComplaintId();
        cases.put(d, returnedAndPassed(d, "2033-03-15T09:59:59", "2033-03-15T10:05:00", "2033-03-15T11:00:00",
                "2033-03-15T12:00:00"));
        String e = TestEvents.newComplaintId();
        cases.put(e, plus(returnedAndPassed(e, "2033-03-15T10:00:00", "2033-03-15T10:01:00", "2033-03-15T12:00:00",
                "2033-03-15T16:00:00"), TestEvents.closed(e, 1, at("2033-03-15T16:00:00"), CloseOutcome.SATISFIED)));
        String f = TestEvents.newComplaintId();
        cases.put(f, List.of(TestEvents.registered(f, at("2033-03-15T23:59:59")),
                TestEvents.awaitingTriage(f, at("2033-03-15T23:59:59"))));
        String g = TestEvents.newComplaintId();
        cases.put(g, List.of(TestEvents.registered(g, at("2033-03-16T00:00:00"))));
        String h = TestEvents.newComplaintId();
        cases.put(h, plus(returnedAndPassed(h, "2033-03-14T23:59:59", "2033-03-15T01:00:00", "2033-03-15T20:00:00",
                "2033-03-15T23:59:00"), TestEvents.closed(h, 1, at("2033-03-15T23:59:00"), CloseOutcome.SATISFIED)));
        String i = TestEvents.newComplaintId();
        cases.put(i, List.of(TestEvents.registeredAtFirstContact(i, at("2033-03-15T11:00:00"))));
        String j = TestEvents.newComplaintId();
        cases.put(j, List.of(TestEvents.registered(j, at("2033-03-15T12:00:00")),
                TestEvents.dispatched(j, at("2033-03-15T12:01:00"), "dash-net"),
                TestEvents.returned(j, 1, at("2033-03-15T14:00:00"), false),
                TestEvents.surveyFailed(j, 1, at("2033-03-15T15:00:00"), false, false)));
        String k = TestEvents.newComplaintId();
        cases.put(k, plus(returnedAndPassed(k, "2033-03-14T12:00:00", "2033-03-14T12:01:00", "2033-03-14T20:00:00",
                "2033-03-16T00:00:00"), TestEvents.closed(k, 1, at("2033-03-16T00:00:00"), CloseOutcome.SATISFIED)));
        publish(cases);

        JsonPath day = dashboard(DAY);
        assertThat(day.getString("zone")).isEqualTo("Asia/Shanghai");
        assertThat(day.getString("date")).isEqualTo(DAY);
        assertThat(Instant.parse(day.getString("asOf"))).isNotNull();

        Map<CaseStatus, Long> after = byStatus(day);
        assertThat(after.keySet()).containsExactly(CaseStatus.values());
        Map<CaseStatus, Long> added = new EnumMap<>(CaseStatus.class);
        after.forEach((status, n) -> added.put(status, n - before.getOrDefault(status, 0L)));
        assertThat(added).containsExactlyEntriesOf(new EnumMap<>(Map.of(
                CaseStatus.REGISTERED, 2L, CaseStatus.TRIAGE, 1L, CaseStatus.DISPATCHED, 1L, CaseStatus.RETURNED, 1L,
                CaseStatus.SATISFIED, 1L, CaseStatus.DISSATISFIED, 1L, CaseStatus.CLOSED, 3L,
                CaseStatus.RESOLVED_AT_FIRST_CONTACT, 1L)));
        assertThat(day.getLong("open")).isEqualTo(openBefore + 8)
                .isEqualTo(after.entrySet().stream().filter(s -> s.getKey() != CaseStatus.CLOSED)
                        .mapToLong(Map.Entry::getValue).sum());

        List<Map<String, Object>> hours = day.getList("registrationsPerHour");
        assertThat(hours).hasSize(24);
        assertThat(hours.get(0)).containsEntry("hour", "2033-03-15T00:00+08:00").containsEntry("count", 1);
        assertThat(hours.get(9)).containsEntry("hour", "2033-03-15T09:00+08:00").containsEntry("count", 3);
        assertThat(hours.get(23)).containsEntry("hour", "2033-03-15T23:00+08:00").containsEntry("count", 1);
        long[] counts = hours.stream().mapToLong(hc -> ((Number) hc.get("count")).longValue()).toArray();
        long[] expected = new long[24];
        expected[0] = 1;
        expected[9] = 3;
        expected[10] = 1;
        expected[11] = 1;
        expected[12] = 1;
        expected[23] = 1;
        assertThat(counts).as(Arrays.toString(counts)).containsExactly(expected);
        assertThat(day.getLong("registered")).isEqualTo(8);
        assertThat(day.getLong("closed")).isEqualTo(2);

        // Today by default, in the business zone: 2033-03-15T20:00Z is already the 16th in Shanghai.
        TestClock.CLOCK.set(Instant.parse("2033-03-15T20:00:00Z"));
        JsonPath today = as(AUDITOR).get("/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(today.getString("date")).isEqualTo("2033-03-16");
        assertThat(today.getString("asOf")).isEqualTo("2033-03-15T20:00:00Z");
        assertThat(today.getLong("registered")).isEqualTo(1);
        assertThat(today.getList("registrationsPerHour", Map.class).get(0)).containsEntry("count", 1);
        assertThat(today.getLong("closed")).isEqualTo(1);
    }

    @Test
    void aDateThatIsNoneIsA400NamingIt() {
        for (String wrong : new String[] {"2033-02-30", "15.03.2033", "2033-03-15T00:00:00Z", "10000-01-01"}) {
            as(OPERATOR).queryParam("date", wrong).get("/dashboard").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("date"))
                    .body("errors.size()", equalTo(1));
        }
    }

    @AfterAll
    static void close() {
        if (publisher != null) {
            publisher.close();
        }
    }
}
