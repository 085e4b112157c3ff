package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.testsupport.LogCensus;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 3: the RETURN clock of an urgent work order (a limit of {@link SystemUnderTest#URGENT_RETURN_LIMIT}
 * in calendar time). Two urgent complaints are registered together: one work order is left alone,
 * the other is returned at once, long before its 80% point. The two tests share the wait.
 */
@ExtendWith(RunningSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(3)
class SlaWatchSystemIT {

    private static final Duration LIMIT = SystemUnderTest.URGENT_RETURN_LIMIT;

    private final Doors doors;
    private String leftAlone;
    private String leftAloneOrder;
    private String returnedEarly;
    private String returnedEarlyOrder;

    SlaWatchSystemIT(Doors doors) {
        this.doors = doors;
    }

    @BeforeAll
    void registerTwoUrgentComplaintsAndReturnOneOfThemAtOnce() {
        String region = ComplaintBody.uniqueRegion("SLA");
        leftAlone = doors.register(ComplaintBody.network(region).urgent());
        returnedEarly = doors.register(ComplaintBody.network(region).urgent());
        returnedEarlyOrder = (String) doors.awaitOpenWorkOrder(returnedEarly, 1).get("dispatchId");
        doors.returnWorkOrder(returnedEarlyOrder, false);
        leftAloneOrder = (String) doors.awaitOpenWorkOrder(leftAlone, 1).get("dispatchId");
    }

    @Test
    void aWorkOrderLeftAloneIsWarnedOnceAtEightyPercentOfItsLimitAndBreachedOnceAtItsDeadline() {
        Map<String, Object> started = await("RETURN clock of " + leftAloneOrder).until(
                () -> doors.clock(leftAlone, "RETURN", leftAloneOrder), java.util.Optional::isPresent).orElseThrow();
        Instant startedAt = instant(started.get("startedAt"));
        Instant warnAt = instant(started.get("warnAt"));
        Instant deadline = instant(started.get("deadline"));
        assertThat(Duration.between(startedAt, deadline)).isEqualTo(LIMIT);
        assertThat(Duration.between(startedAt, warnAt)).isEqualTo(LIMIT.multipliedBy(8).dividedBy(10));

        // The warning first: while the clock is past 80% and before its deadline, it is an open clock in WARNING.
        Map<String, Object> warned = await("warning on " + leftAloneOrder)
                .atMost(LIMIT.plus(Duration.ofSeconds(30)))
                .until(() -> doors.clock(leftAlone, "RETURN", leftAloneOrder).orElseThrow(),
                        c -> c.get("warningRaisedAt") != null);
        assertThat(instant(warned.get("warningRaisedAt"))).isEqualTo(warnAt);

        Map<String, Object> breached = await("breach on " + leftAloneOrder)
                .atMost(LIMIT.plus(Duration.ofSeconds(30)))
                .until(() -> doors.clock(leftAlone, "RETURN", leftAloneOrder).orElseThrow(),
                        c -> c.get("breachRaisedAt") != null);
        assertThat(instant(breached.get("breachRaisedAt"))).isEqualTo(deadline);
        assertThat(breached.get("state")).isEqualTo("BREACHED");
        assertThat(doors.openClocks("BREACHED")).extracting(c -> c.get("dispatchId")).contains(leftAloneOrder);

        // On the log itself, raw: exactly one of each once everything before a marker on every partition is in.
        LogCensus census = doors.settled().assertOneRecordPerEventId();
        assertThat(census.records(leftAlone)).filteredOn(e -> e.event() instanceof SlaWarningRaised w
                && leftAloneOrder.equals(w.dispatchId())).hasSize(1);
        assertThat(census.records(leftAlone)).filteredOn(e -> e.event() instanceof SlaBreached b
                && leftAloneOrder.equals(b.dispatchId())).hasSize(1);

        // As the auditor sees it: at their true time.
        await("one warning and one breach of " + leftAloneOrder + " in the audit")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    Doors.Audit audit = doors.audit(leftAlone);
                    List<Map<String, Object>> warnings = audit.slaEvents("SlaWarningRaised", "RETURN", leftAloneOrder);
                    List<Map<String, Object>> breaches = audit.slaEvents("SlaBreached", "RETURN", leftAloneOrder);
                    assertThat(warnings).hasSize(1);
                    assertThat(breaches).hasSize(1);
                    assertThat(instant(warnings.get(0).get("occurredAt"))).isEqualTo(warnAt);
                    assertThat(instant(breaches.get(0).get("occurredAt"))).isEqualTo(deadline);
                    assertThat(audit.chainValid()).isTrue();
                });

        // The read side agrees: the case view, and the department's work order.
        JsonPath view = await("warning and breach in the case view").until(
                () -> doors.caseOf(leftAlone), c -> c.getLong("breachCount") == 1);
        assertThat(view.getLong("warningCount")).isEqualTo(1);
        assertThat(view.getList("warnings.clock")).containsExactly("RETURN");
        assertThat(view.getList("breaches.clock")).containsExactly("RETURN");
        JsonPath workOrder = doors.workOrder(leftAloneOrder);
        assertThat(workOrder.getString("status")).isEqualTo("OPEN");
        assertThat(instant(workOrder.getString("warnAt"))).isEqualTo(warnAt);
        assertThat(instant(workOrder.getString("returnDeadline"))).isEqualTo(deadline);
    }

    @Test
    void aWorkOrderReturnedBeforeEightyPercentOfItsLimitIsNeitherWarnedNorBreached() {
        Map<String, Object> stopped = await("RETURN clock of " + returnedEarlyOrder + " stopped").until(
                () -> doors.clock(returnedEarly, "RETURN", returnedEarlyOrder),
                c -> c.isPresent() && c.get().get("stoppedAt") != null).orElseThrow();
        Instant warnAt = instant(stopped.get("warnAt"));
        Instant deadline = instant(stopped.get("deadline"));
        assertThat(instant(stopped.get("stoppedAt"))).isBefore(warnAt);

        // Past its deadline and the watch's grace, by the clocks of this machine (the services' too).
        Instant judged = deadline.plus(SystemUnderTest.WATCH_GRACE).plusSeconds(2);
        await("past the deadline of " + returnedEarlyOrder).atMost(LIMIT.plus(Duration.ofSeconds(30)))
                .until(() -> Instant.now().isAfter(judged));

        LogCensus census = doors.settled().assertOneRecordPerEventId();
        assertThat(census.records(returnedEarly)).filteredOn(e -> e.event() instanceof SlaWarningRaised w
                && returnedEarlyOrder.equals(w.dispatchId())).isEmpty();
        assertThat(census.records(returnedEarly)).filteredOn(e -> e.event() instanceof SlaBreached b
                && returnedEarlyOrder.equals(b.dispatchId())).isEmpty();
        await("nothing raised on " + returnedEarlyOrder).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    Map<String, Object> clock = doors.clock(returnedEarly, "RETURN", returnedEarlyOrder).orElseThrow();
                    assertThat(clock.get("state")).isEqualTo("STOPPED");
                    assertThat(clock.get("warningRaisedAt")).isNull();
                    assertThat(clock.get("breachRaisedAt")).isNull();
                    Doors.Audit audit = doors.audit(returnedEarly);
                    assertThat(audit.names()).contains("Returned");
                    assertThat(audit.slaEvents("SlaWarningRaised", "RETURN", returnedEarlyOrder)).isEmpty();
                    assertThat(audit.slaEvents("SlaBreached", "RETURN", returnedEarlyOrder)).isEmpty();
                });
        assertThat(doors.caseOf(returnedEarly).getList("warnings.clock")).doesNotContain("RETURN");
        assertThat(doors.openClocks("BREACHED")).extracting(c -> c.get("dispatchId")).doesNotContain(returnedEarlyOrder);
    }

    private static Instant instant(Object text) {
        return Instant.parse((String) text);
    }
}
