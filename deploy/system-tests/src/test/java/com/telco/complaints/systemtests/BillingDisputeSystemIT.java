package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.testsupport.LogCensus;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 14, billing disputes with service providers (seed 004, 短信息服务收费异议): two customers dispute a
 * provider's charge. The provider proves one charge through billing's door before the (shortened) PROOF clock runs
 * out: no refund. For the other, nobody proves anything: at the PROOF deadline exactly one provisional refund of the
 * disputed amount is granted, as a fact the billing system follows. The per-provider figures count both.
 */
@ExtendWith(RunningSuite.class)
@Order(14)
class BillingDisputeSystemIT {

    private static final Duration LIMIT = SystemUnderTest.PROOF_LIMIT;

    private final Doors doors;

    BillingDisputeSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void aDisputeWithoutProofIsRefundedOnceAtThePROOFDeadlineAndOneWithProofIsNot() {
        String region = ComplaintBody.uniqueRegion("SP");
        String sp = "SP" + region.replaceAll("[^A-Z0-9]", "");
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        String unproved = doors.register(ComplaintBody.business(region).billingDispute(sp, "天气早知道", 1500, period));
        String proved = doors.register(ComplaintBody.business(region).billingDispute(sp, "天气早知道", 800, period));

        Map<String, Object> provedOrder = doors.awaitOpenWorkOrder(proved, 1);
        String department = (String) provedOrder.get("department");
        doors.recordSpProof(department, (String) provedOrder.get("dispatchId"), "订购记录及二次确认短信")
                .then().statusCode(201);
        // Billing cannot prove it twice.
        doors.recordSpProof(department, (String) provedOrder.get("dispatchId"), "again").then().statusCode(409);

        Map<String, Object> clock = await("PROOF clock of " + unproved).until(
                () -> doors.clock(unproved, "PROOF", null), java.util.Optional::isPresent).orElseThrow();
        Instant startedAt = Instant.parse((String) clock.get("startedAt"));
        Instant deadline = Instant.parse((String) clock.get("deadline"));
        assertThat(Duration.between(startedAt, deadline)).isEqualTo(LIMIT);

        await("PROOF breach of " + unproved).atMost(LIMIT.plus(Duration.ofSeconds(30)))
                .until(() -> doors.clock(unproved, "PROOF", null).orElseThrow(), c -> c.get("breachRaisedAt") != null);
        Map<String, Object> provedClock = doors.clock(proved, "PROOF", null).orElseThrow();
        Instant judged = Instant.parse((String) provedClock.get("deadline")).plus(SystemUnderTest.WATCH_GRACE)
                .plusSeconds(2);
        await("past the PROOF deadline of " + proved).atMost(LIMIT.plus(Duration.ofSeconds(30)))
                .until(() -> Instant.now().isAfter(judged));

        LogCensus census = doors.settled().assertOneRecordPerEventId();
        assertThat(census.events(unproved, ProvisionalRefundGranted.class)).singleElement().satisfies(r -> {
            assertThat(r.amountFen()).isEqualTo(1500);
            assertThat(r.spCode()).isEqualTo(sp);
            assertThat(r.billingPeriod()).isEqualTo(period);
            assertThat(r.proofDeadline()).isEqualTo(deadline);
            assertThat(r.causationId()).isEqualTo(census.events(unproved, SlaBreached.class).stream()
                    .filter(b -> b.clock() == SlaClock.PROOF).findFirst().orElseThrow().eventId().toString());
        });
        assertThat(census.events(proved, SpProofReceived.class)).hasSize(1);
        assertThat(census.events(proved, ProvisionalRefundGranted.class)).isEmpty();
        assertThat(census.events(proved, SlaBreached.class)).noneMatch(b -> b.clock() == SlaClock.PROOF);

        // The figures per provider: two complaints, two disputes, one refund of 15 yuan, one proof.
        await("the provider's figures").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> figures = doors.spKpis(sp).orElseThrow();
            assertThat(figures.get("complaints")).isEqualTo(2);
            assertThat(figures.get("disputes")).isEqualTo(2);
            assertThat(figures.get("refunds")).isEqualTo(1);
            assertThat(((Number) figures.get("refundedFen")).longValue()).isEqualTo(1500);
            assertThat(figures.get("proofs")).isEqualTo(1);
        });
    }
}
