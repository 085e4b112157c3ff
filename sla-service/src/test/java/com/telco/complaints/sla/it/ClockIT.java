package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Clocks against the real broker and database, with the service's clock moved by the test
 * (TestClock) instead of waiting for real deadlines.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ClockIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static SlaClockStarted announced(String complaintId, SlaClock clock, String dispatchId) {
        return (SlaClockStarted) log.await(e -> e.event() instanceof SlaClockStarted s && s.complaintId().equals(complaintId)
                && s.clock() == clock && Objects.equals(s.dispatchId(), dispatchId), WAIT).event();
    }

    private static <T extends ComplaintEvent> List<T> of(Class<T> type, String complaintId, SlaClock clock,
                                                          String dispatchId) {
        return log.events(type, complaintId).stream().filter(e -> matches(e, clock, dispatchId)).toList();
    }

    private static boolean matches(ComplaintEvent e, SlaClock clock, String dispatchId) {
        return EventLog.raisedOn(e, clock, dispatchId);
    }

    /** A registered and dispatched case, its RETURN clock announced. */
    private static SlaClockStarted dispatchedCase(String complaintId) {
        Instant now = TestClock.NOW.instant();
        log.publish(TestEvents.registered(complaintId, now));
        Dispatched dispatched = TestEvents.dispatched(complaintId, now.plusSeconds(1), "network-ops");
        log.publish(dispatched);
        return announced(complaintId, SlaClock.RETURN, dispatched.dispatchId());
    }

    @Test
    void aDispatchStartsAReturnClockWithItsWarningPointAndDeadline() {
        String id = TestEvents.newComplaintId();
        Instant now = TestClock.NOW.instant();

        SlaClockStarted started = dispatchedCase(id);

        assertThat(started.startedAt()).isEqualTo(now.plusSeconds(1));
        assertThat(started.deadline()).isEqualTo(now.plusSeconds(1).plus(Duration.ofHours(48)));
        assertThat(started.warnAt()).isEqualTo(now.plusSeconds(1).plus(Duration.ofMinutes(48 * 60 * 8 / 10)));
        assertThat(started.policy().id()).isEqualTo("return-normal");
        assertThat(started.occurredAt()).isEqualTo(started.startedAt());
        SlaClockStarted caseClock = announced(id, SlaClock.CASE, null);
        assertThat(caseClock.deadline()).isEqualTo(now.plus(Duration.ofDays(15)));
        EventLog.Entry entry = log.await(e -> started.equals(e.event()), WAIT);
        assertThat(entry.header("ce_source")).isEqualTo("/complaint-suite/sla-service");
        assertThat(entry.header("ce_type")).isEqualTo("complaint.sla-clock-started.v3");
    }

    @Test
    void passingTheWarningPointRaisesOneWarningAtItAndPassingTheDeadlineOneBreach() {
        String id = TestEvents.newComplaintId();
        SlaClockStarted started = dispatchedCase(id);

        TestClock.NOW.set(later(started.warnAt().plusSeconds(3)));
        SlaWarningRaised warning = log.awaitRaised(SlaWarningRaised.class, id, SlaClock.RETURN, started.dispatchId(), WAIT);
        assertThat(warning.occurredAt()).isEqualTo(started.warnAt());
        assertThat(warning.dispatchId()).isEqualTo(started.dispatchId());
        assertThat(of(SlaBreached.class, id, SlaClock.RETURN, started.dispatchId())).isEmpty();

        TestClock.NOW.set(later(started.deadline().plusSeconds(3)));
        SlaBreached breach = log.awaitRaised(SlaBreached.class, id, SlaClock.RETURN, started.dispatchId(), WAIT);
        assertThat(breach.occurredAt()).isEqualTo(started.deadline());

        TestClock.NOW.advance(Duration.ofHours(1));
        WatchBarrier.atNow(log);
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(returnClock(census.events(id, SlaWarningRaised.class), started)).hasSize(1);
        assertThat(returnClock(census.events(id, SlaBreached.class), started)).hasSize(1);
    }

    @Test
    void noWarningIsRaisedWhileTheClockIsBeforeTheWarningPointAndOneJustAfterIt() {
        String id = TestEvents.newComplaintId();
        SlaClockStarted started = dispatchedCase(id);
        Duration grace = ConfigProvider.getConfig().getValue("sla.watch.grace", Duration.class);

        TestClock.NOW.set(later(started.warnAt().minusMillis(1)));
        WatchBarrier.atNow(log);
        assertThat(returnClock(LogCensus.of(log).events(id, SlaWarningRaised.class), started))
                .as("warnings while the clock is 1 ms before the warning point").isEmpty();

        TestClock.NOW.set(later(started.warnAt().plus(grace).plusSeconds(1)));
        SlaWarningRaised warning = log.awaitRaised(SlaWarningRaised.class, id, SlaClock.RETURN, started.dispatchId(), WAIT);
        assertThat(warning.occurredAt()).isEqualTo(started.warnAt());
        WatchBarrier.atNow(log);
        assertThat(returnClock(LogCensus.of(log).assertOneRecordPerEventId().events(id, SlaBreached.class), started))
                .as("breaches long before the deadline").isEmpty();
    }

    @Test
    void aReturnBeforeTheWarningPointPreventsItEvenWhenConsumedAfterTheClockPassedIt() {
        String id = TestEvents.newComplaintId();
        SlaClockStarted started = dispatchedCase(id);

        // The clock is past the warning point (but within the grace period) when the return arrives.
        TestClock.NOW.set(later(started.warnAt().plusSeconds(1)));
        Returned returned = TestEvents.returned(id, 1, started.warnAt().minusSeconds(60), true);
        log.publish(returned);
        announced(id, SlaClock.SURVEY, started.dispatchId());

        TestClock.NOW.set(later(started.deadline().plus(Duration.ofHours(1))));
        WatchBarrier.atNow(log);
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(returnClock(census.events(id, SlaWarningRaised.class), started)).isEmpty();
        assertThat(returnClock(census.events(id, SlaBreached.class), started)).isEmpty();
    }

    @Test
    void aReturnBetweenWarningAndDeadlineIsWarnedButNotBreached() {
        String id = TestEvents.newComplaintId();
        SlaClockStarted started = dispatchedCase(id);

        log.publish(TestEvents.returned(id, 1, started.warnAt().plusSeconds(60), true));
        announced(id, SlaClock.SURVEY, started.dispatchId());
        TestClock.NOW.set(later(started.deadline().plus(Duration.ofHours(1))));

        log.awaitRaised(SlaWarningRaised.class, id, SlaClock.RETURN, started.dispatchId(), WAIT);
        WatchBarrier.atNow(log);
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(returnClock(census.events(id, SlaWarningRaised.class), started)).hasSize(1);
        assertThat(returnClock(census.events(id, SlaBreached.class), started)).isEmpty();
    }

    @Test
    void aRedispatchStartsAFreshReturnClock() {
        String id = TestEvents.newComplaintId();
        SlaClockStarted first = dispatchedCase(id);
        Instant now = TestClock.NOW.instant();
        log.publish(TestEvents.returned(id, 1, now.plusSeconds(10), true));
        log.publish(TestEvents.surveyFailed(id, 1, now.plusSeconds(20), true, true));
        log.publish(TestEvents.redispatched(id, 2, now.plusSeconds(30), "network-ops-supervisor"));

        SlaClockStarted second = announced(id, SlaClock.RETURN, id + "-W2");

        assertThat(second.startedAt()).isEqualTo(now.plusSeconds(30));
        assertThat(second.deadline()).isEqualTo(now.plusSeconds(30).plus(Duration.ofHours(48)));
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void theSurveyClockRunsToTheEndOfTheWorkingDayOfTheReturn() {
        String id = TestEvents.newComplaintId();
        Instant nine = moveToNextWeekday("09:00");
        SlaClockStarted returnClock = dispatchedCase(id);
        Instant returnedAt = nine.plus(Duration.ofHours(1));
        log.publish(TestEvents.returned(id, 1, returnedAt, true));

        SlaClockStarted survey = announced(id, SlaClock.SURVEY, returnClock.dispatchId());

        assertThat(survey.deadline()).isEqualTo(nine.plus(Duration.ofMinutes(8 * 60 + 30)));
        assertThat(survey.warnAt()).as("80%% of the 6 working hours from 10:00").isEqualTo(nine.plus(Duration.ofMinutes(7 * 60 + 18)));
        TestClock.NOW.set(later(survey.deadline().plusSeconds(3)));
        assertThat(log.awaitRaised(SlaWarningRaised.class, id, SlaClock.SURVEY, returnClock.dispatchId(), WAIT)
                .occurredAt()).isEqualTo(survey.warnAt());
        assertThat(log.awaitRaised(SlaBreached.class, id, SlaClock.SURVEY, returnClock.dispatchId(), WAIT)
                .occurredAt()).isEqualTo(survey.deadline());
    }

    @Test
    void aSurveyAnsweredBeforeItsWarningPointRaisesNothing() {
        String id = TestEvents.newComplaintId();
        Instant nine = moveToNextWeekday("09:00");
        SlaClockStarted returnClock = dispatchedCase(id);
        Instant returnedAt = nine.plus(Duration.ofHours(1));
        log.publish(TestEvents.returned(id, 1, returnedAt, true));
        SlaClockStarted survey = announced(id, SlaClock.SURVEY, returnClock.dispatchId());
        log.publish(TestEvents.surveyPassed(id, 1, returnedAt.plus(Duration.ofHours(1))));
        log.publish(TestEvents.closed(id, 1, returnedAt.plus(Duration.ofHours(1)), CloseOutcome.SATISFIED));
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR)
                .queryParam("asOf", returnedAt.plus(Duration.ofHours(2)).toString())
                .get("/sla/complaints/" + id).then()
                .body("clocks.state", everyItem(equalTo("STOPPED")))); // same key: sla applied the close

        TestClock.NOW.set(later(survey.deadline().plus(Duration.ofDays(20))));
        WatchBarrier.atNow(log);
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(census.events(id, SlaWarningRaised.class)).isEmpty();
        assertThat(census.events(id, SlaBreached.class)).isEmpty();
    }

    @Test
    void theCaseClockWarnsAfterTwelveDaysAndBreachesAfterFifteen() {
        String id = TestEvents.newComplaintId();
        Instant registeredAt = TestClock.NOW.instant();
        log.publish(TestEvents.registered(id, registeredAt));
        SlaClockStarted caseClock = announced(id, SlaClock.CASE, null);

        TestClock.NOW.set(later(registeredAt.plus(Duration.ofDays(12)).plusSeconds(3)));
        SlaWarningRaised warning = log.awaitRaised(SlaWarningRaised.class, id, SlaClock.CASE, null, WAIT);
        assertThat(warning.occurredAt()).isEqualTo(caseClock.warnAt());
        TestClock.NOW.set(later(registeredAt.plus(Duration.ofDays(15)).plusSeconds(3)));
        assertThat(log.awaitRaised(SlaBreached.class, id, SlaClock.CASE, null, WAIT).occurredAt())
                .isEqualTo(caseClock.deadline());
    }

    @Test
    void aComplaintResolvedAtFirstContactHasContactAndAnswerMetAndItsSurveyWatchedUntilTheSurvey() {
        String id = TestEvents.newComplaintId();
        Instant nine = moveToNextWeekday("09:00");
        log.publish(TestEvents.registeredAtFirstContact(id, nine));

        // Announced as for any complaint; the survey of the answer given at the first contact has no work order.
        SlaClockStarted contact = announced(id, SlaClock.CONTACT, null);
        SlaClockStarted answer = announced(id, SlaClock.ANSWER, null);
        SlaClockStarted survey = announced(id, SlaClock.SURVEY, null);
        assertThat(contact.startedAt()).isEqualTo(nine);
        assertThat(answer.deadline()).isEqualTo(nine.plus(Duration.ofHours(48)));
        assertThat(survey.startedAt()).isEqualTo(nine);
        assertThat(survey.policy().id()).isEqualTo("survey-default");
        assertThat(survey.deadline()).as("the end of the working day").isEqualTo(nine.plus(Duration.ofMinutes(8 * 60 + 30)));
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id).then()
                .statusCode(200)
                .body("clocks.find { it.clock == 'CONTACT' }.state", equalTo("STOPPED"))
                .body("clocks.find { it.clock == 'CONTACT' }.stoppedAt", equalTo(nine.toString()))
                .body("clocks.find { it.clock == 'ANSWER' }.state", equalTo("STOPPED"))
                .body("clocks.find { it.clock == 'ANSWER' }.stoppedAt", equalTo(nine.toString()))
                .body("clocks.find { it.clock == 'SURVEY' }.state", equalTo("RUNNING"))
                .body("clocks.find { it.clock == 'SURVEY' }.dispatchId", nullValue()));

        Instant surveyedAt = nine.plus(Duration.ofHours(1));
        log.publish(TestEvents.surveyPassedAtFirstContact(id, surveyedAt));
        TestClock.NOW.set(later(surveyedAt.plusSeconds(60))); // the view shows the case as it stands now
        await().atMost(WAIT).untilAsserted(() -> Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id).then()
                .body("clocks.find { it.clock == 'SURVEY' }.state", equalTo("STOPPED"))
                .body("clocks.find { it.clock == 'SURVEY' }.stoppedAt", equalTo(surveyedAt.toString())));

        // Days past every deadline but the case's: nothing was owed, so nothing is raised and no PROGRESS runs.
        TestClock.NOW.set(later(nine.plus(Duration.ofDays(3))));
        WatchBarrier.atNow(log);
        Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id).then()
                .body("clocks.clock", containsInAnyOrder("CASE", "CONTACT", "ANSWER", "SURVEY"))
                .body("clocks.find { it.clock == 'CONTACT' }.state", equalTo("STOPPED"))
                .body("clocks.find { it.clock == 'ANSWER' }.state", equalTo("STOPPED"))
                .body("clocks.breachRaisedAt", everyItem(nullValue()))
                .body("clocks.warningRaisedAt", everyItem(nullValue()));
        LogCensus census = LogCensus.of(log).assertOneRecordPerEventId();
        assertThat(census.events(id, SlaWarningRaised.class)).isEmpty();
        assertThat(census.events(id, SlaBreached.class)).isEmpty();
        assertThat(census.events(id, SlaClockStarted.class)).extracting(SlaClockStarted::clock)
                .containsExactlyInAnyOrder(SlaClock.CASE, SlaClock.CONTACT, SlaClock.ANSWER, SlaClock.SURVEY);
    }

    @Test
    void operationsSeeOpenClocksAndAnyCaseAsItStoodAtAnInstant() {
        String id = TestEvents.newComplaintId();
        SlaClockStarted started = dispatchedCase(id);

        Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id + "?asOf=" + started.startedAt().plusSeconds(60))
                .then().statusCode(200)
                .body("clocks.find { it.clock == 'RETURN' }.state", equalTo("RUNNING"));
        Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id + "?asOf=" + started.warnAt().plusSeconds(60)).then()
                .body("clocks.find { it.clock == 'RETURN' }.state", equalTo("WARNING"));
        Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id + "?asOf=" + started.deadline().plusSeconds(60)).then()
                .body("clocks.find { it.clock == 'RETURN' }.state", equalTo("BREACHED"));
        Callers.as(Callers.OPERATOR).get("/sla/complaints/" + id + "?asOf=" + started.startedAt().minusSeconds(60))
                .then()
                .body("clocks.size()", equalTo(0));
        var runningPage = Callers.as(Callers.OPERATOR).queryParam("state", "RUNNING").queryParam("size", 1000)
                .get("/sla/clocks").then().statusCode(200).extract();
        var running = runningPage.jsonPath().<String>getList("complaintId");
        assertThat(running).contains(id).hasSizeLessThan(1000);
        // Every page says how many open clocks of the state there are on all pages.
        assertThat(runningPage.header("X-Total-Count")).isEqualTo(String.valueOf(running.size()));
        var firstOfThem = Callers.as(Callers.OPERATOR).queryParam("state", "RUNNING").queryParam("size", 1)
                .get("/sla/clocks").then().statusCode(200).extract();
        assertThat(firstOfThem.jsonPath().getList("$")).hasSize(1);
        assertThat(firstOfThem.header("X-Total-Count")).isEqualTo(String.valueOf(running.size()));
        long open = Long.parseLong(Callers.as(Callers.OPERATOR).queryParam("size", 1).get("/sla/clocks").then()
                .statusCode(200).extract().header("X-Total-Count"));
        assertThat(open).isGreaterThanOrEqualTo(running.size());
        Callers.as(Callers.OPERATOR).get("/sla/complaints/NOPE").then().statusCode(404)
                .contentType("application/problem+json");
        Callers.as(Callers.OPERATOR).queryParam("state", "LATE").get("/sla/clocks").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        Callers.as(Callers.OPERATOR).queryParam("asOf", "yesterday").get("/sla/complaints/" + id).then()
                .statusCode(400);
    }

    @Test
    void theCalendarInForceIsListed() {
        Callers.as(Callers.OPERATOR).queryParam("from", "2026-09-30").queryParam("to", "2026-10-10")
                .get("/sla/calendar").then().statusCode(200).body("zone", equalTo("Asia/Shanghai"))
                .body("days[0].kind", equalTo("WORKDAY"))
                .body("days[0].workingPeriods", equalTo(List.of("08:30-12:00", "13:30-17:30")))
                .body("days[1].kind", equalTo("HOLIDAY"))
                .body("days[10].kind", equalTo("MAKE_UP_WORKDAY"));
    }

    /** Moves time forward only: other tests' clocks share this service. */
    /** Those of {@code raised} (warnings or breaches) of the RETURN clock {@code started} announced. */
    private static <T extends ComplaintEvent> List<T> returnClock(List<T> raised, SlaClockStarted started) {
        return raised.stream().filter(e -> matches(e, SlaClock.RETURN, started.dispatchId())).toList();
    }

    private static Instant later(Instant target) {
        Instant now = TestClock.NOW.instant();
        return target.isAfter(now) ? target : now;
    }

    /**
     * Moves the test clock to the next Monday–Friday at {@code time} in Shanghai (2027 and later have
     * no holiday notice loaded, so every weekday there is a working day).
     */
    private static Instant moveToNextWeekday(String time) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDateTime local = LocalDateTime.of(TestClock.NOW.instant().atZone(zone).toLocalDate().plusDays(1),
                java.time.LocalTime.parse(time));
        while (local.getDayOfWeek().getValue() >= 6) {
            local = local.plusDays(1);
        }
        Instant target = local.atZone(zone).toInstant();
        TestClock.NOW.set(target);
        return target;
    }
}
