package com.telco.complaints.routing.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class DispatchIT {

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "category x region,  HOTLINE,   NETWORK,  TZ-HL, STANDARD, network-ops-tz-hl, network-tz-hl",
            "category only,      EMAIL,     NETWORK,  SH-PD, STANDARD, network-ops,       network",
            "key customer,       HOTLINE,   NETWORK,  TZ-HL, KEY,      key-customer-desk, key-customer",
            "regulator transfer, REGULATOR, BUSINESS, TZ-HL, KEY,      escalation-desk,   regulator",
    })
    void aRegistrationIsDispatchedOnceToTheDepartmentItsRuleNames(String rule, Channel channel, Category category,
                                                                   String region, CustomerTier tier,
                                                                   String department, String ruleName) {
        String complaintId = TestEvents.newComplaintId();
        ComplaintRegistered registered = TestEvents.registered(complaintId, Instant.now(), channel, category, region,
                tier, Urgency.NORMAL);

        log.publish(registered);

        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);
        assertThat(dispatched.department()).isEqualTo(department);
        assertThat(dispatched.rule()).isEqualTo(ruleName);
        assertThat(dispatched.attempt()).isEqualTo(1);
        assertThat(dispatched.dispatchId()).isEqualTo(complaintId + "-W1");
        assertThat(dispatched.causationId()).isEqualTo(registered.eventId().toString());
        EventLog.Entry entry = log.await(e -> e.event() == dispatched || dispatched.equals(e.event()), Duration.ofSeconds(5));
        assertThat(entry.header("ce_type")).isEqualTo("complaint.dispatched.v1");
        assertThat(entry.header("ce_source")).isEqualTo("/complaint-suite/routing-service");
        assertThat(entry.key()).isEqualTo(complaintId);

        Callers.as(Callers.OPERATOR).get("/work-orders/" + dispatched.dispatchId()).then().statusCode(200)
                .body("complaintId", equalTo(complaintId)).body("department", equalTo(department))
                .body("status", equalTo("OPEN")).body("attempt", equalTo(1));
        Barrier.after(log, complaintId, dispatched.dispatchId());
        LogCensus.of(log).assertOneRecordPerEventId().assertCounts(complaintId, counts("Dispatched", 1));
    }

    @Test
    void theWorkOrderShowsTheDeadlinesTheSlaServiceAnnounced() {
        String complaintId = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(complaintId, Instant.now()));
        Dispatched dispatched = log.await(Dispatched.class, complaintId, 1, Duration.ofSeconds(30)).get(0);

        SlaClockStarted clock = TestEvents.clockStarted(complaintId, SlaClock.RETURN, dispatched.dispatchId(),
                dispatched.occurredAt(), Duration.ofHours(48));
        log.publish(clock);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Callers.as(Callers.OPERATOR).get("/work-orders/" + dispatched.dispatchId()).then()
                        .body("warnAt", equalTo(clock.warnAt().toString()))
                        .body("returnDeadline", equalTo(clock.deadline().toString())));
    }

    @Test
    void aDepartmentsQueueListsItsOpenWorkOrdersOldestFirst() {
        String first = TestEvents.newComplaintId();
        String second = TestEvents.newComplaintId();
        log.publish(TestEvents.registered(first, Instant.now(), Channel.HOTLINE, Category.BUSINESS, "GZ-TH",
                CustomerTier.STANDARD, Urgency.NORMAL));
        log.await(Dispatched.class, first, 1, Duration.ofSeconds(30));
        log.publish(TestEvents.registered(second, Instant.now(), Channel.HOTLINE, Category.BUSINESS, "GZ-TH",
                CustomerTier.STANDARD, Urgency.NORMAL));
        log.await(Dispatched.class, second, 1, Duration.ofSeconds(30));

        var queue = Callers.as(Callers.OPERATOR).queryParam("department", "billing").queryParam("status", "OPEN")
                .get("/work-orders").then().statusCode(200).body("department", hasItem("billing"))
                .extract().jsonPath().<String>getList("complaintId");
        assertThat(queue).containsSubsequence(first, second);
    }

    @Test
    void theDepartmentsAndRulesInForceAreListed() {
        Callers.as(Callers.OPERATOR).get("/departments").then().statusCode(200)
                .body("rules[0].name", equalTo("regulator"))
                .body("rules[1].name", equalTo("key-customer"))
                .body("fallbackDepartment", org.hamcrest.Matchers.nullValue())
                .body("departments.id", hasItem("escalation-desk"));
    }

    @Test
    void aQueueWithAnUnknownStatusIsA400() {
        Callers.as(Callers.OPERATOR).queryParam("status", "LOST").get("/work-orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
    }
}
