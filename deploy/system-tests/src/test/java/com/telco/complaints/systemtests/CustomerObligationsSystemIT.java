package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.testsupport.LogCensus;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 6, what the customer is owed (DB3212/T 1102-2022), on a complaint whose clocks run a second for
 * each hour of the standard ({@link SystemUnderTest#CUSTOMER_HOUR}): registered → first contact after 20 h
 * (CONTACT met, warned at 80%) → no answer by 48 h (ANSWER breached, PROGRESS started, due 48 h after the
 * first contact) → a progress call at which the customer agrees to a time (the next PROGRESS run due then)
 * → the final answer (ANSWER and PROGRESS stopped) → the work order returned → surveyed → closed; every
 * clock checked through the SLA service and the contact log through analytics.
 */
@ExtendWith(RunningSuite.class)
@Order(6)
class CustomerObligationsSystemIT {

    private static final Duration HOUR = SystemUnderTest.CUSTOMER_HOUR;

    private final Doors doors;

    CustomerObligationsSystemIT(Doors doors) {
        this.doors = doors;
    }

    private static Instant instant(Object text) {
        return Instant.parse((String) text);
    }

    /** Waits, by this machine's clock (the services' too), until {@code hours} of the case's time have passed. */
    private static void awaitHour(Instant registeredAt, double hours) {
        Instant target = registeredAt.plusMillis(Math.round(HOUR.toMillis() * hours));
        await("hour " + hours + " of the case").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> !Instant.now().isBefore(target));
    }

    private Map<String, Object> awaitClock(String complaintId, String clock, String description,
                                           java.util.function.Predicate<Map<String, Object>> until) {
        return await(clock + " of " + complaintId + ": " + description).atMost(Duration.ofSeconds(60))
                .until(() -> doors.clock(complaintId, clock, null), c -> c.isPresent() && until.test(c.get()))
                .orElseThrow();
    }

    @Test
    void contactAnswerAndProgressAreWatchedFromRegistrationToTheClose() {
        String complaintId = doors.register(ComplaintBody.network(ComplaintBody.uniqueRegion("DESK"))
                .channel(SystemUnderTest.CUSTOMER_DESK_CHANNEL));
        Map<String, Object> contactClock = awaitClock(complaintId, "CONTACT", "announced", c -> true);
        Instant registeredAt = instant(contactClock.get("startedAt"));
        assertThat(instant(contactClock.get("deadline"))).isEqualTo(registeredAt.plus(HOUR.multipliedBy(24)));
        Map<String, Object> answerClock = awaitClock(complaintId, "ANSWER", "announced", c -> true);
        assertThat(instant(answerClock.get("deadline"))).isEqualTo(registeredAt.plus(HOUR.multipliedBy(48)));
        String dispatchId = (String) doors.awaitOpenWorkOrder(complaintId, 1).get("dispatchId");
        assertThat(Instant.now()).as("the set-up left time for the first contact at hour 20")
                .isBefore(registeredAt.plus(HOUR.multipliedBy(16)));

        // Hour 20: the first contact reaches the customer, after the 80% point of CONTACT, before its deadline.
        awaitHour(registeredAt, 20);
        Map<String, Object> first = doors.contact(complaintId, Doors.contactBody("FIRST_CONTACT", "PHONE", true,
                "已联系客户，核实问题 Called back, checked the problem"));
        Instant firstAt = instant(first.get("contactedAt"));
        Map<String, Object> contact = awaitClock(complaintId, "CONTACT", "warned and stopped",
                c -> c.get("warningRaisedAt") != null && c.get("stoppedAt") != null);
        assertThat(instant(contact.get("stoppedAt"))).isEqualTo(firstAt);
        assertThat(instant(contact.get("warningRaisedAt"))).isEqualTo(instant(contact.get("warnAt")));
        assertThat(contact.get("state")).isEqualTo("STOPPED");

        // Hour 48: no answer. ANSWER is breached and the first PROGRESS run starts, due 48 h after the first contact.
        Map<String, Object> answer = awaitClock(complaintId, "ANSWER", "breached", c -> c.get("breachRaisedAt") != null);
        assertThat(instant(answer.get("breachRaisedAt"))).isEqualTo(registeredAt.plus(HOUR.multipliedBy(48)));
        Map<String, Object> run1 = await("first PROGRESS run").atMost(Duration.ofSeconds(30))
                .until(() -> doors.progressRun(complaintId, 1), java.util.Optional::isPresent).orElseThrow();
        assertThat(instant(run1.get("startedAt"))).isEqualTo(instant(answer.get("deadline")));
        assertThat(instant(run1.get("deadline"))).isEqualTo(firstAt.plus(HOUR.multipliedBy(48)));

        // A progress call: the customer agrees to hear from us in 20 more hours.
        Instant agreed = Instant.now().plus(HOUR.multipliedBy(20)).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> progressBody = Doors.contactBody("PROGRESS", "PHONE", true,
                "说明处理进度 Told the customer the engineer is on site");
        progressBody.put("agreedNextContactBy", agreed.toString());
        Instant progressAt = instant(doors.contact(complaintId, progressBody).get("contactedAt"));
        Map<String, Object> run2 = await("second PROGRESS run").atMost(Duration.ofSeconds(30))
                .until(() -> doors.progressRun(complaintId, 2), java.util.Optional::isPresent).orElseThrow();
        assertThat(instant(run2.get("startedAt"))).isEqualTo(progressAt);
        assertThat(instant(run2.get("deadline"))).isEqualTo(agreed);
        assertThat(((Map<?, ?>) run2.get("policy")).get("id")).isEqualTo("agreed-with-customer");

        // The final answer, by SMS: ANSWER (late) and PROGRESS stop.
        Map<String, Object> finalBody = Doors.contactBody("FINAL_ANSWER", "SMS", false, "处理结果短信 Result sent by SMS");
        finalBody.put("answer", Map.of("cause", "Cell TZ-HL-0413 out of service", "process",
                "Engineer restarted the cell and checked coverage", "solution", "Coverage restored at home"));
        Instant answeredAt = instant(doors.contact(complaintId, finalBody).get("contactedAt"));
        answer = awaitClock(complaintId, "ANSWER", "stopped", c -> c.get("stoppedAt") != null);
        assertThat(instant(answer.get("stoppedAt"))).isEqualTo(answeredAt);
        Map<String, Object> run2Stopped = await("second PROGRESS run stopped").atMost(Duration.ofSeconds(30))
                .until(() -> doors.progressRun(complaintId, 2).orElseThrow(), r -> r.get("stoppedAt") != null);
        assertThat(instant(run2Stopped.get("stoppedAt"))).isEqualTo(answeredAt);
        assertThat(run2Stopped.get("breachRaisedAt")).isNull();
        Map<String, Object> run1Stopped = doors.progressRun(complaintId, 1).orElseThrow();
        assertThat(instant(run1Stopped.get("stoppedAt"))).isEqualTo(progressAt);
        assertThat(run1Stopped.get("breachRaisedAt")).isNull();

        // The department returns, the customer is surveyed (already answered: no second answer) and the case closes.
        doors.returnWorkOrder(dispatchId, true);
        doors.awaitPendingSurvey(complaintId, dispatchId);
        doors.answerSurvey(complaintId, Doors.satisfied());

        JsonPath closed = await("case " + complaintId + " closed with its contact log").atMost(Duration.ofSeconds(30))
                .until(() -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        List<Map<String, Object>> contacts = closed.getList("contacts");
        assertThat(contacts).extracting(c -> c.get("kind")).containsExactly("FIRST_CONTACT", "PROGRESS", "FINAL_ANSWER");
        assertThat(contacts).extracting(c -> c.get("contactedBy")).containsOnly(Doors.SURVEYOR);
        assertThat(contacts.get(2).get("answer")).isEqualTo(finalBody.get("answer"));
        assertThat(instant(closed.getString("firstReachedAt"))).isEqualTo(firstAt);
        assertThat(instant(closed.getString("answeredAt"))).isEqualTo(answeredAt);
        assertThat(closed.getList("breaches.clock")).contains("ANSWER").doesNotContain("CONTACT", "PROGRESS");
        assertThat(closed.getList("warnings.clock")).contains("CONTACT", "ANSWER");

        // Every clock of the closed case has stopped, and the SLA service and analytics agree on them.
        await("every clock stopped").atMost(Duration.ofSeconds(30)).until(
                () -> doors.clocks(complaintId).getList("clocks.state", String.class), s -> s.stream().allMatch("STOPPED"::equals));
        assertThat(closed.getList("deadlines.clock")).containsExactlyInAnyOrderElementsOf(
                doors.clocks(complaintId).getList("clocks.clock", String.class));
        LogCensus census = doors.settled().assertOneRecordPerEventId().assertCounts(complaintId,
                counts("CustomerContacted", 3, "SurveyPassed", 1, "ComplaintClosed", 1));
        assertThat(census.events(complaintId, SlaBreached.class)).extracting(SlaBreached::clock)
                .contains(SlaClock.ANSWER).doesNotContain(SlaClock.CONTACT, SlaClock.PROGRESS)
                .filteredOn(SlaClock.ANSWER::equals).hasSize(1);
        assertThat(census.events(complaintId, SlaClockStarted.class)).filteredOn(c -> c.clock() == SlaClock.PROGRESS)
                .extracting(SlaClockStarted::sequence).containsExactly(1, 2);
    }
}
