package com.telco.complaints.survey.it;

import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.telco.complaints.survey.it.Cases.WAIT;
import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The desk's written notices to customers linked to an outage incident (seed 002), through the real log: one when
 * the complaint is linked and one when the estimate changes, listed in the contact log, never twice (a redelivered
 * link, a rebuild), and the incident's return of the held work order surveyed as usual.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class IncidentNoticeIT {

    /** 18:00 on 3 December 2026 in Shanghai. */
    private static final Instant ESTIMATE = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant LATER_ESTIMATE = Instant.parse("2026-12-04T02:30:00Z");

    private static EventLog log;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    /** A dispatched complaint linked to the incident, superseding its work order: its link, once the notice is out. */
    private static IncidentLinked linkedCase(String complaintId) {
        Instant t = TestClock.CLOCK.instant();
        log.publish(TestEvents.registered(complaintId, t));
        log.publish(TestEvents.dispatched(complaintId, t, "network-ops"));
        IncidentLinked linked = TestEvents.incidentLinked(complaintId, 2, TestEvents.workOrder(complaintId, 1),
                t.plusSeconds(60), ESTIMATE);
        log.publish(linked);
        return linked;
    }

    private static CustomerContacted noticeOf(String complaintId, String causedBy) {
        return (CustomerContacted) log.await(e -> e.event() instanceof CustomerContacted c
                && c.complaintId().equals(complaintId) && causedBy.equals(c.causationId()), WAIT).event();
    }

    @Test
    void theLinkedCustomerIsToldTheEstimateAndEachChangeInWritingOnce() {
        String id = TestEvents.newComplaintId();
        IncidentLinked linked = linkedCase(id);

        CustomerContacted first = noticeOf(id, linked.eventId().toString());
        assertThat(first.summary()).isEqualTo("【故障通知】泰州海陵区基站停电：市电中断，基站退服。预计修复时间 2026-12-03 18:00。");
        assertThat(first.kind()).isEqualTo(ContactKind.PROGRESS);
        assertThat(first.channel()).isEqualTo(ContactChannel.SMS);
        assertThat(first.reached()).isFalse();
        assertThat(first.actor()).isEqualTo("survey-service");
        assertThat(first.contactId()).isEqualTo("K-" + id + "-1");
        assertThat(first.eventId()).isEqualTo(EventIds.of(EventType.CUSTOMER_CONTACTED, id, "K-" + id + "-1"));

        // Routing's link delivered again (a redelivery), then a changed estimate.
        log.publish(linked);
        EstimatedRepairChanged changed = TestEvents.estimatedRepairChanged(id, 2, 2, TestClock.CLOCK.instant()
                .plusSeconds(120), ESTIMATE, LATER_ESTIMATE, "备件运输延误");
        log.publish(changed);
        CustomerContacted second = noticeOf(id, changed.eventId().toString());
        assertThat(second.summary()).isEqualTo("【故障通知】泰州海陵区基站停电：预计修复时间调整为 2026-12-04 10:30。原因：备件运输延误。");
        assertThat(second.contactId()).isEqualTo("K-" + id + "-2");

        Callers.as(Callers.SURVEYOR).get("/complaints/" + id + "/contacts").then().statusCode(200)
                .body("contactId", contains("K-" + id + "-1", "K-" + id + "-2"))
                .body("[0].channel", equalTo("SMS")).body("[0].reached", equalTo(false))
                .body("[0].contactedBy", equalTo("survey-service"))
                .body("[1].summary", equalTo(second.summary()));
        // The barrier: the held work order's return, read after everything before it, is surveyed as usual.
        log.publish(TestEvents.returned(id, 2, TestClock.CLOCK.instant().plusSeconds(180), false));
        Cases.awaitSurvey(id, "PENDING", 2);
        Cases.census(log, id, counts("CustomerContacted", 2));
    }

    @Test
    void aRebuildFindsTheNoticesSentAndSendsNoneAgain() throws Exception {
        String id = TestEvents.newComplaintId();
        IncidentLinked linked = linkedCase(id);
        noticeOf(id, linked.eventId().toString());

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from incident_notices");
            s.execute("delete from cases");
        }
        Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Callers.as(Callers.ADMIN).get("/admin/rebuild").then().body("state", equalTo("DONE")));

        Callers.as(Callers.SURVEYOR).get("/complaints/" + id + "/contacts").then().statusCode(200)
                .body("contactId", contains("K-" + id + "-1"));
        // Another notice after the rebuild is the case's second contact: the first was found on the log.
        EstimatedRepairChanged changed = TestEvents.estimatedRepairChanged(id, 2, 2, TestClock.CLOCK.instant()
                .plusSeconds(240), ESTIMATE, LATER_ESTIMATE, "抢修人员调度");
        log.publish(changed);
        assertThat(noticeOf(id, changed.eventId().toString()).contactId()).isEqualTo("K-" + id + "-2");
        log.publish(TestEvents.returned(id, 2, TestClock.CLOCK.instant().plusSeconds(300), false));
        Cases.awaitSurvey(id, "PENDING", 2);
        List<CustomerContacted> notices = Cases.census(log, id, counts("CustomerContacted", 2))
                .events(id, CustomerContacted.class);
        assertThat(notices).extracting(CustomerContacted::contactId).containsExactly("K-" + id + "-1", "K-" + id + "-2");
    }
}
