package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPoliciesTest {

    private static final SlaPolicies DEFAULTS = Policies.defaults();
    private static final BusinessCalendar CN = Calendars.china();

    private static Instant cn(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "NORMAL, STANDARD, HOTLINE,   return-normal,     PT48H",
            "URGENT, STANDARD, HOTLINE,   return-urgent,     PT24H",
            "NORMAL, KEY,      ONLINE,    return-key-normal, PT24H",
            "URGENT, KEY,      EMAIL,     return-key-urgent, PT12H",
            "URGENT, STANDARD, REGULATOR, return-regulator,  PT24H",
            "URGENT, KEY,      REGULATOR, return-key-urgent, PT12H",
    })
    void theReturnLimitFollowsUrgencyTierAndChannelMostSpecificFirst(Urgency urgency, CustomerTier tier,
                                                                     Channel channel, String policy, Duration limit) {
        SlaPolicy chosen = DEFAULTS.policyFor(SlaClock.RETURN, new CaseProfile(Category.NETWORK, urgency, tier, channel));

        assertThat(chosen.id()).isEqualTo(policy);
        assertThat(chosen.limit()).isEqualTo(limit);
    }

    @Test
    void equallySpecificPoliciesAreDecidedByTheirIdNotByConfigurationOrder() {
        CaseProfile regulatorUrgent = new CaseProfile(Category.NETWORK, Urgency.URGENT, CustomerTier.STANDARD,
                Channel.REGULATOR);
        assertThat(DEFAULTS.policyFor(SlaClock.RETURN, regulatorUrgent).id()).isEqualTo("return-regulator");
    }

    @Test
    void aCalendarLimitWarnsAtEightyPercent() {
        SlaPolicy.Deadlines d = DEFAULTS.policyFor(SlaClock.RETURN, new CaseProfile(Category.NETWORK, Urgency.NORMAL,
                CustomerTier.STANDARD, Channel.HOTLINE)).deadlinesFrom(Instant.parse("2026-11-25T01:00:00Z"), CN);

        assertThat(d.deadline()).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
        assertThat(d.warnAt()).isEqualTo(Instant.parse("2026-11-26T15:24:00Z"));
    }

    @Test
    void theCaseClockIsFifteenCalendarDays() {
        SlaPolicy.Deadlines d = DEFAULTS.policyFor(SlaClock.CASE, new CaseProfile(Category.SERVICE, Urgency.NORMAL,
                CustomerTier.STANDARD, Channel.LETTER)).deadlinesFrom(Instant.parse("2026-09-30T08:00:00Z"), CN);

        assertThat(d.deadline()).isEqualTo(Instant.parse("2026-10-15T08:00:00Z"));
        assertThat(d.warnAt()).isEqualTo(Instant.parse("2026-10-12T08:00:00Z"));
    }

    @Test
    void theSurveyIsDueAtTheEndOfTheWorkingDayOfTheReturn() {
        SlaPolicy survey = DEFAULTS.policyFor(SlaClock.SURVEY, new CaseProfile(Category.NETWORK, Urgency.NORMAL,
                CustomerTier.STANDARD, Channel.HOTLINE));

        SlaPolicy.Deadlines d = survey.deadlinesFrom(cn("2026-11-25T10:00"), CN);

        assertThat(d.deadline()).isEqualTo(cn("2026-11-25T17:30"));
        assertThat(d.warnAt()).as("80% of the 6 working hours left").isEqualTo(cn("2026-11-25T16:18"));
    }

    @Test
    void aReturnAfterHoursIsSurveyedByTheEndOfTheNextWorkingDay() {
        SlaPolicy survey = DEFAULTS.policyFor(SlaClock.SURVEY, new CaseProfile(Category.NETWORK, Urgency.NORMAL,
                CustomerTier.STANDARD, Channel.HOTLINE));

        SlaPolicy.Deadlines d = survey.deadlinesFrom(cn("2026-11-27T19:00"), CN);

        assertThat(d.deadline()).isEqualTo(cn("2026-11-30T17:30"));
        assertThat(d.warnAt()).as("80% of Monday's 7.5 working hours").isEqualTo(cn("2026-11-30T16:00"));
    }

    @Test
    void aWorkingTimeLimitWarnsAtEightyPercentOfTheWorkingTime() {
        SlaPolicy fiveWorkingDays = new SlaPolicy("investigate", SlaClock.RETURN, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), LimitKind.WORKING, Duration.ofMinutes(5 * 450), 0.8);

        SlaPolicy.Deadlines d = fiveWorkingDays.deadlinesFrom(cn("2026-09-29T08:30"), CN);

        // 29, 30 September, then the Golden Week, then 8, 9 and 10 (a worked Saturday) October.
        assertThat(d.deadline()).isEqualTo(cn("2026-10-10T17:30"));
        assertThat(d.warnAt()).isEqualTo(cn("2026-10-09T17:30"));
    }

    @Test
    void inconsistentPoliciesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Policies.policy("x", SlaClock.RETURN, null, null, null, LimitKind.CALENDAR,
                Duration.ofHours(-1))).hasMessageContaining("policy x: the limit must be positive");
        assertThatThrownBy(() -> Policies.policy("x", SlaClock.RETURN, null, null, null, LimitKind.WORKING, null))
                .hasMessageContaining("the limit must be positive");
        assertThatThrownBy(() -> new SlaPolicy("y", SlaClock.RETURN, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), LimitKind.CALENDAR, Duration.ofHours(1), 1.0))
                .hasMessageContaining("policy y: warning ratio must be within (0, 1), is 1.0");
        assertThatThrownBy(() -> new SlaPolicy("z", SlaClock.RETURN, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), LimitKind.CALENDAR, Duration.ofHours(1), 0))
                .hasMessageContaining("warning ratio");
        assertThatThrownBy(() -> Policies.policy("w", SlaClock.SURVEY, null, null, null,
                LimitKind.END_OF_WORKING_DAY, Duration.ofHours(1))).hasMessageContaining("has no limit");
    }

    @Test
    void everyClockNeedsADefaultPolicy() {
        assertThatThrownBy(() -> new SlaPolicies(List.of(
                Policies.policy("r", SlaClock.RETURN, null, null, null, LimitKind.CALENDAR, Duration.ofHours(48)),
                Policies.policy("c", SlaClock.CASE, null, null, null, LimitKind.CALENDAR, Duration.ofDays(15)))))
                .hasMessageContaining("no default policy for the SURVEY clock");
    }

    @Test
    void aClockWhosePoliciesAllSetCriteriaHasNoDefaultAndIsRefused() {
        List<SlaPolicy> withoutSurveyDefault = List.of(
                Policies.policy("r", SlaClock.RETURN, null, null, null, LimitKind.CALENDAR, Duration.ofHours(48)),
                Policies.policy("s-urgent", SlaClock.SURVEY, Urgency.URGENT, null, null, LimitKind.END_OF_WORKING_DAY,
                        null),
                Policies.policy("c", SlaClock.CASE, null, null, null, LimitKind.CALENDAR, Duration.ofDays(15)));

        assertThatThrownBy(() -> new SlaPolicies(withoutSurveyDefault))
                .hasMessageContaining("no default policy for the SURVEY clock");
    }

    @Test
    void allPoliciesAreListedByClockInTheOrderTheyAreTried() {
        assertThat(DEFAULTS.all()).extracting(SlaPolicy::id).containsExactly(
                "return-key-urgent", "return-key-normal", "return-regulator", "return-urgent", "return-normal",
                "return-default", "survey-default", "case-default", "contact-default", "answer-default", "progress-default",
                "dispatch-default", "proof-default");
    }

    @Test
    void aPolicyForACategoryMatchesOnlyComplaintsOfThatCategory() {
        SlaPolicy business = new SlaPolicy("return-business", SlaClock.RETURN, Optional.of(Category.BUSINESS),
                Optional.empty(), Optional.empty(), Optional.empty(), LimitKind.CALENDAR, Duration.ofHours(72), 0.8);

        assertThat(business.matches(new CaseProfile(Category.BUSINESS, Urgency.NORMAL, CustomerTier.STANDARD,
                Channel.HOTLINE))).isTrue();
        assertThat(business.matches(new CaseProfile(Category.NETWORK, Urgency.NORMAL, CustomerTier.STANDARD,
                Channel.HOTLINE))).isFalse();
    }
}
