package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.calendar.BusinessCalendarPublished;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.eventing.log.OnePartitionTopic;
import com.telco.complaints.sla.config.ShippedCalendar;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.DayKind;
import com.telco.complaints.sla.messaging.CalendarBook;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Next year's holiday notice loaded on the running service (PUT /sla/calendar/2027), against the real broker and
 * database, on the test clock: before it the wellness check is DOWN and 2027's days are UNCONFIRMED; after it the
 * check is UP, a working-time clock started before it keeps the deadline it was announced with (also across a
 * replay), one started after it uses the notice, and a second reader of the log sees the same notice.
 */
@QuarkusTest
@TestProfile(CalendarIT.OwnCalendar.class)
@QuarkusTestResource(SuiteTestResource.class)
class CalendarIT {

    /**
     * An application start of its own (its own topics and database): the 2027 notice it loads is in force for
     * this test alone, not for the clocks of the other tests.
     */
    public static class OwnCalendar implements QuarkusTestProfile {}

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** An example notice of 2027 (not the official one): the Spring Festival week off, Saturday the 6th worked. */
    private static final String NOTICE_2027 = """
            # Example for the test, not the official notice
            year=2027
            holidays=2027-01-01,2027-02-08,2027-02-09,2027-02-10,2027-02-11,2027-02-12
            make-up-workdays=2027-02-06
            """;
    /** Friday 5 February 2027, 16:00 in Shanghai: the DISPATCH clock (3 h 45 min of working time) starts. */
    private static final Instant FRIDAY_1600 = Instant.parse("2027-02-05T08:00:00Z");

    private static EventLog log;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @ConfigProperty(name = "complaints.topics.business-calendar")
    String calendarTopic;
    @Inject
    ShippedCalendar shipped;
    @Inject
    CalendarBook book;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** A complaint no rule fits, waiting for triage from Friday 16:00; its DISPATCH clock as announced. */
    private static SlaClockStarted waitingForTriage() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, FRIDAY_1600.minusSeconds(60)));
        log.publish(TestEvents.awaitingTriage(complaintId, FRIDAY_1600));
        return (SlaClockStarted) log.await(e -> e.event() instanceof SlaClockStarted s
                && s.complaintId().equals(complaintId) && s.clock() == SlaClock.DISPATCH, WAIT).event();
    }

    private static Map<String, Object> dispatchClock(String complaintId) {
        // As of after its start: the clocks of February 2027 lie after the test clock's today.
        List<Map<String, Object>> clocks = Callers.as(Callers.OPERATOR).queryParam("asOf", "2027-03-01T00:00:00Z")
                .get("/sla/complaints/" + complaintId).then()
                .statusCode(200).extract().jsonPath().getList("clocks");
        return clocks.stream().filter(c -> "DISPATCH".equals(c.get("clock"))).findFirst().orElseThrow();
    }

    private static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void nextYearsNoticeIsLoadedOnTheRunningServiceAndKeepsEveryDeadlineAlreadyAnnounced() {
        // The test clock is shared by the tests of this JVM and only moves forward for them: it is put back after.
        Instant before = TestClock.NOW.instant();
        TestClock.NOW.set(Instant.parse("2026-11-30T04:00:00Z"));
        try {
            loadsNextYearsNotice();
        } finally {
            TestClock.NOW.set(before);
        }
    }

    private void loadsNextYearsNotice() {

        // Without a 2027 notice: 31 days ahead are confirmed, the wellness check is DOWN, readiness is UP.
        JsonPath well = RestAssured.get("/q/health/well").then().statusCode(503).extract().jsonPath();
        assertThat(well.getString("checks.find { it.name == 'business-calendar' }.status")).isEqualTo("DOWN");
        assertThat(well.getInt("checks.find { it.name == 'business-calendar' }.data.confirmedDaysAhead")).isEqualTo(31);
        RestAssured.get("/q/health/ready").then().statusCode(200);
        JsonPath days = Callers.as(Callers.OPERATOR).queryParam("from", "2027-02-05").queryParam("to", "2027-02-08")
                .get("/sla/calendar").then().statusCode(200).extract().jsonPath();
        assertThat(days.getList("days.kind")).containsExactly("UNCONFIRMED", "UNCONFIRMED", "UNCONFIRMED", "UNCONFIRMED");
        assertThat(days.getList("days.guess")).containsExactly("WORKDAY", "WEEKEND", "WEEKEND", "WORKDAY");
        Callers.as(Callers.OPERATOR).get("/sla/calendar/2027").then().statusCode(404);

        // A clock started now counts Monday the 8th as a working day: due Monday 10:45.
        SlaClockStarted beforeIt = waitingForTriage();
        assertThat(beforeIt.deadline()).isEqualTo(shanghai("2027-02-08T10:45"));
        assertThat(dispatchClock(beforeIt.complaintId())).containsEntry("calendarConfirmed", false);

        // Refused: not an administrator; a notice that breaks the rules, every problem named.
        Callers.as(Callers.OPERATOR).contentType(ContentType.TEXT).body(NOTICE_2027).put("/sla/calendar/2027").then()
                .statusCode(403);
        Callers.as(Callers.ADMIN).contentType(ContentType.TEXT)
                .body("year=2027\nholidays=2027-02-08,2028-01-01\nmake-up-workdays=2027-02-08,2027-02-15\n")
                .put("/sla/calendar/2027").then().statusCode(400)
                .body("errors.field", hasItem("holidays")).body("errors.field", hasItem("makeUpWorkdays"))
                .body("errors.message", hasItem("2028-01-01 is not in 2027"));
        Callers.as(Callers.ADMIN).contentType(ContentType.TEXT).body(NOTICE_2027).put("/sla/calendar/2028").then()
                .statusCode(400).body("errors.message", hasItem("the notice is of 2027, not 2028"));
        Callers.as(Callers.ADMIN).contentType(ContentType.JSON).body(Map.of("holidays", List.of("2027-01-01"),
                        "makeUpWorkday", List.of("2027-02-06"))).put("/sla/calendar/2027").then().statusCode(400)
                .body("errors.field", hasItem("makeUpWorkday"));

        Callers.as("ops-admin-1", Callers.ADMIN).contentType(ContentType.TEXT).body(NOTICE_2027)
                .queryParam("source", "example notice of 2027").put("/sla/calendar/2027").then().statusCode(201)
                .body("origin", equalTo("LOADED")).body("loadedBy", equalTo("ops-admin-1"))
                .body("holidays", hasItem("2027-02-08")).body("notices", equalTo(1));
        // The same notice again changes nothing and puts nothing on the log.
        Callers.as(Callers.ADMIN).contentType(ContentType.JSON).body(Map.of(
                        "holidays", List.of("2027-01-01", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
                                "2027-02-12"), "makeUpWorkdays", List.of("2027-02-06")))
                .put("/sla/calendar/2027").then().statusCode(200).body("notices", equalTo(1));

        RestAssured.get("/q/health/well").then().statusCode(200);
        Callers.as(Callers.AUDITOR).get("/sla/calendar/2027").then().statusCode(200)
                .body("source", equalTo("example notice of 2027")).body("makeUpWorkdays", equalTo(List.of("2027-02-06")));
        assertThat(Callers.as(Callers.OPERATOR).queryParam("from", "2027-02-06").queryParam("to", "2027-02-08")
                .get("/sla/calendar").then().extract().jsonPath().getList("days.kind"))
                .containsExactly("MAKE_UP_WORKDAY", "WEEKEND", "HOLIDAY");

        // A clock started after the notice works Saturday the 6th: due Saturday 10:45. The one before keeps Monday.
        SlaClockStarted after = waitingForTriage();
        assertThat(after.deadline()).isEqualTo(shanghai("2027-02-06T10:45"));
        assertThat(dispatchClock(after.complaintId())).containsEntry("calendarConfirmed", true)
                .containsEntry("deadline", after.deadline().toString());
        assertThat(dispatchClock(beforeIt.complaintId())).containsEntry("deadline", beforeIt.deadline().toString());

        // Replayed from the log, each keeps the deadline it was announced with.
        ReplayIT.replayToTheEnd();
        assertThat(dispatchClock(beforeIt.complaintId())).containsEntry("deadline", beforeIt.deadline().toString());
        assertThat(dispatchClock(after.complaintId())).containsEntry("deadline", after.deadline().toString());

        // Another instance, reading the log from its start over the shipped calendar, holds the same calendar.
        try (OnePartitionTopic topic = new OnePartitionTopic(kafka, calendarTopic, "calendar-it-second-instance")) {
            List<OnePartitionTopic.Record> records = topic.from(0);
            BusinessCalendar second = CalendarBook.fold(shipped.calendar(), records, calendarTopic);
            assertThat(second.notice(2027)).isEqualTo(book.current().notice(2027)).isPresent();
            assertThat(second.kindOf(LocalDate.parse("2027-02-08"))).isEqualTo(DayKind.HOLIDAY);
            assertThat(second.kindOf(LocalDate.parse("2027-02-06"))).isEqualTo(DayKind.MAKE_UP_WORKDAY);
            assertThat(second.addWorkingTime(FRIDAY_1600, Duration.ofMinutes(225))).isEqualTo(after.deadline());
            List<BusinessCalendarPublished> notices = records.stream()
                    .map(r -> BusinessCalendarPublished.parse(r.value())).filter(n -> n.year() == 2027).toList();
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).actor()).isEqualTo("ops-admin-1");
            assertThat(notices.get(0).source()).isEqualTo("example notice of 2027");
            assertThat(Objects.requireNonNull(notices.get(0).causationId())).isNotBlank();
        }
    }
}
