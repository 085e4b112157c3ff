package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.sla.domain.CaseProfile;
import com.telco.complaints.sla.domain.DayKind;
import com.telco.complaints.sla.domain.SlaPolicies;
import com.telco.complaints.sla.domain.SlaPolicy;
import com.telco.complaints.sla.domain.WorkingPeriod;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA policies and the business calendar as they ship: built by the running service from its
 * real application.properties, checked against the figures of the seeds, written here by hand (the
 * test must not read the configuration it checks). Seed 000's flow chart: T1 the return limit with
 * a warning at 80% of it, T2 "the same day"; 000 重点客户绿色通道: key customers get shorter limits;
 * 000 紧急和一般: urgent complaints are handled faster; 001: the result within 48 hours; the operator
 * answers within 15 days before the customer may appeal to the regulator (12300); 004: a service provider proves a
 * disputed charge within 15 days or the customer is refunded provisionally.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class ShippedPoliciesIT {

    @Inject
    SlaPolicies policies;
    @Inject
    com.telco.complaints.sla.config.ShippedCalendar shipped;

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5} {6}")
    @CsvSource({
            // clock, category, urgency, tier, channel,                 kind,               limit
            "RETURN, NETWORK,  NORMAL, STANDARD, HOTLINE,   CALENDAR,           PT48H",
            "RETURN, BUSINESS, NORMAL, STANDARD, ONLINE,    CALENDAR,           PT48H",
            "RETURN, SERVICE,  URGENT, STANDARD, HOTLINE,   CALENDAR,           PT24H",
            "RETURN, NETWORK,  NORMAL, KEY,      HOTLINE,   CALENDAR,           PT24H",
            "RETURN, NETWORK,  URGENT, KEY,      HOTLINE,   CALENDAR,           PT12H",
            "RETURN, BUSINESS, NORMAL, STANDARD, REGULATOR, CALENDAR,           PT24H",
            "SURVEY, NETWORK,  NORMAL, STANDARD, HOTLINE,   END_OF_WORKING_DAY, ",
            "SURVEY, SERVICE,  URGENT, KEY,      REGULATOR, END_OF_WORKING_DAY, ",
            "CASE,   NETWORK,  NORMAL, STANDARD, HOTLINE,   CALENDAR,           P15D",
            "CASE,   BUSINESS, URGENT, KEY,      REGULATOR, CALENDAR,           P15D",
            "PROOF,  BUSINESS, NORMAL, STANDARD, ONLINE,    CALENDAR,           P15D",
            "PROOF,  BUSINESS, URGENT, KEY,      REGULATOR, CALENDAR,           P15D",
    })
    void everyShippedLimitIsTheSeedsFigure(SlaClock clock, Category category, Urgency urgency, CustomerTier tier,
                                           Channel channel, LimitKind kind, Duration limit) {
        SlaPolicy policy = policies.policyFor(clock, new CaseProfile(category, urgency, tier, channel));

        assertThat(policy.kind()).isEqualTo(kind);
        assertThat(policy.limit()).isEqualTo(limit);
        assertThat(policy.warningRatio()).as("warning at 80%% of the limit (000: T1 回单时限的80%%)").isEqualTo(0.8);
    }

    @Test
    void everyShippedPolicyWarnsAtEightyPercent() {
        assertThat(policies.all()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.warningRatio()).as(p.id()).isEqualTo(0.8));
    }

    @Test
    void theShippedCalendarWorksWeekdaysFrom0830To1200And1330To1730AndMakeUpDaysTheSame() {
        List<String> weekday = List.of("08:30-12:00", "13:30-17:30");
        // A Wednesday, a Saturday, the National Day holiday and its Sunday make-up working day (2026 notice).
        assertThat(strings(shipped.calendar().periodsOf(LocalDate.of(2026, 11, 25)))).isEqualTo(weekday);
        assertThat(shipped.calendar().kindOf(LocalDate.of(2026, 11, 28))).isEqualTo(DayKind.WEEKEND);
        assertThat(shipped.calendar().periodsOf(LocalDate.of(2026, 11, 28))).isEmpty();
        assertThat(shipped.calendar().kindOf(LocalDate.of(2026, 10, 1))).isEqualTo(DayKind.HOLIDAY);
        assertThat(shipped.calendar().periodsOf(LocalDate.of(2026, 10, 1))).isEmpty();
        assertThat(shipped.calendar().kindOf(LocalDate.of(2026, 9, 20))).isEqualTo(DayKind.MAKE_UP_WORKDAY);
        assertThat(strings(shipped.calendar().periodsOf(LocalDate.of(2026, 9, 20)))).as("make-up day hours from configuration")
                .isEqualTo(weekday);
    }

    private static List<String> strings(List<WorkingPeriod> periods) {
        return periods.stream().map(WorkingPeriod::toString).toList();
    }
}
