package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DispatchRulesTest {

    static final List<Department> DEPARTMENTS = List.of(
            new Department("network-ops", "NOC", "network-sup"),
            new Department("network-sup", "NOC supervisor", null),
            new Department("network-tz", "NOC TZ", "network-sup"),
            new Department("network-tz-urgent", "NOC TZ urgent", null),
            new Department("billing", "Billing", null),
            new Department("key-desk", "Key customers", "escalation"),
            new Department("escalation", "Escalation", null),
            new Department("service-desk", "Service desk", "service-sup"),
            new Department("service-sup", "Service supervisor", null),
            new Department("hotline", "Manager hotline", null),
            new Department("management", "Enterprise management", null));

    static DispatchRule rule(String name, int priority, Category category, String region, Channel channel,
                             CustomerTier tier, Urgency urgency, String department) {
        return new DispatchRule(name, priority, Optional.ofNullable(category), Optional.ofNullable(region),
                Optional.ofNullable(channel), Optional.ofNullable(tier), Optional.ofNullable(urgency), department);
    }

    static final List<DispatchRule> RULES = List.of(
            rule("network", 0, Category.NETWORK, null, null, null, null, "network-ops"),
            rule("network-tz", 0, Category.NETWORK, "TZ-HL", null, null, null, "network-tz"),
            rule("network-tz-urgent", 0, Category.NETWORK, "TZ-HL", null, null, Urgency.URGENT, "network-tz-urgent"),
            rule("business", 0, Category.BUSINESS, null, null, null, null, "billing"),
            rule("key", 90, null, null, null, CustomerTier.KEY, null, "key-desk"),
            rule("regulator", 100, null, null, Channel.REGULATOR, null, null, "escalation"));

    static DispatchRules rules() {
        return new DispatchRules(DEPARTMENTS, RULES, "service-desk", "escalation", 3, "hotline", "billing");
    }

    /** Level 1 at the deadline to the department's supervisor, level 2 four hours later to the escalation desk. */
    static EscalationLadder ladder(DispatchRules rules) {
        return new EscalationLadder(EscalationLadder.parse("test", "supervisor, escalation@PT4H"), java.util.Map.of(),
                "management", rules);
    }

    static ComplaintRegistered complaint(Category category, String region, Channel channel, CustomerTier tier,
                                         Urgency urgency) {
        return new ComplaintRegistered(UUID.randomUUID(), "C-1", Instant.EPOCH, 1, null, "test", channel, category,
                null, urgency, region, new Customer("W", "13812345678", tier, null), "d", null, null, Instant.EPOCH, null, null);
    }

    @Test
    void categoryAloneSendsToTheCategoryDepartment() {
        assertThat(rules().choose(complaint(Category.NETWORK, "SH-PD", Channel.HOTLINE, CustomerTier.STANDARD,
                Urgency.NORMAL))).contains(new DispatchChoice("network-ops", "network"));
        assertThat(rules().choose(complaint(Category.BUSINESS, "TZ-HL", Channel.EMAIL, CustomerTier.STANDARD,
                Urgency.NORMAL))).contains(new DispatchChoice("billing", "business"));
    }

    @Test
    void theMostSpecificOfOverlappingRulesWins() {
        assertThat(rules().choose(complaint(Category.NETWORK, "TZ-HL", Channel.HOTLINE, CustomerTier.STANDARD,
                Urgency.NORMAL)).orElseThrow().department()).isEqualTo("network-tz");
        assertThat(rules().choose(complaint(Category.NETWORK, "TZ-HL", Channel.HOTLINE, CustomerTier.STANDARD,
                Urgency.URGENT)).orElseThrow().department()).isEqualTo("network-tz-urgent");
    }

    @Test
    void regionsMatchWhateverTheirCase() {
        assertThat(rules().choose(complaint(Category.NETWORK, "tz-hl", Channel.HOTLINE, CustomerTier.STANDARD,
                Urgency.NORMAL)).orElseThrow().department()).isEqualTo("network-tz");
    }

    @Test
    void keyCustomersGoToTheGreenChannelWhateverTheCategoryAndRegion() {
        assertThat(rules().choose(complaint(Category.NETWORK, "TZ-HL", Channel.HOTLINE, CustomerTier.KEY,
                Urgency.URGENT))).contains(new DispatchChoice("key-desk", "key"));
    }

    @Test
    void regulatorTransfersGoToTheEscalationDeskEvenForKeyCustomers() {
        assertThat(rules().choose(complaint(Category.NETWORK, "TZ-HL", Channel.REGULATOR, CustomerTier.KEY,
                Urgency.URGENT))).contains(new DispatchChoice("escalation", "regulator"));
    }

    @Test
    void aBillingDisputeGoesToTheBillingDisputesDepartmentWhateverTheRulesSay() {
        DispatchRules disputesToService = new DispatchRules(DEPARTMENTS, RULES, null, "escalation", 3, "hotline",
                "service-desk");
        for (Channel channel : List.of(Channel.HOTLINE, Channel.REGULATOR)) {
            ComplaintRegistered r = complaint(Category.BUSINESS, "TZ-HL", channel, CustomerTier.KEY, Urgency.URGENT);
            ComplaintRegistered disputing = new ComplaintRegistered(r.eventId(), r.complaintId(), r.occurredAt(), 3,
                    null, "test", r.channel(), r.category(), "sp-charge", r.urgency(), r.region(), r.customer(), "d",
                    null, null, r.promisedReplyBy(), null, new BillingDispute("SP901234", "Weather daily", 1000, "2026-10"));

            assertThat(disputesToService.choose(disputing))
                    .contains(new DispatchChoice("service-desk", DispatchRules.BILLING_DISPUTE_RULE));
            assertThat(disputesToService.choose(r)).isNotEqualTo(disputesToService.choose(disputing));
        }
    }

    @Test
    void anIncidentsDepartmentIsTheCategoryAndRegionRulesWhoeverComplains() {
        assertThat(rules().chooseFor(Category.NETWORK, "tz-hl")).contains(new DispatchChoice("network-tz", "network-tz"));
        assertThat(rules().chooseFor(Category.NETWORK, "SH-PD")).contains(new DispatchChoice("network-ops", "network"));
        DispatchRules triage = new DispatchRules(DEPARTMENTS, RULES, null, "escalation", 3, "hotline", "billing");
        assertThat(triage.chooseFor(Category.SERVICE, "SH-PD")).isEmpty();
    }

    @Test
    void anythingUnmatchedGoesToTheFallbackDeskWhenOneIsConfigured() {
        assertThat(rules().choose(complaint(Category.SERVICE, "TZ-HL", Channel.IN_PERSON, CustomerTier.STANDARD,
                Urgency.NORMAL))).contains(new DispatchChoice("service-desk", DispatchRules.FALLBACK_RULE));
    }

    @Test
    void withoutAFallbackAnythingUnmatchedWaitsForTriageAndSaysWhy() {
        DispatchRules triage = new DispatchRules(DEPARTMENTS, RULES, null, "escalation", 3, "hotline", "billing");
        ComplaintRegistered service = complaint(Category.SERVICE, "SH-PD", Channel.IN_PERSON, CustomerTier.STANDARD,
                Urgency.NORMAL);

        assertThat(triage.choose(service)).isEmpty();
        assertThat(DispatchRules.noRuleFits(service)).isEqualTo("no dispatch rule fits category=SERVICE, "
                + "region=SH-PD, channel=IN_PERSON, tier=STANDARD, urgency=NORMAL");
        assertThat(triage.fallbackDepartment()).isNull();
        assertThat(triage.knows("service-desk")).isTrue();
        assertThat(triage.knows("nowhere")).isFalse();
    }

    @Test
    void rulesAreTriedInPrecedenceOrderWhateverTheConfigurationOrder() {
        assertThat(rules().rules()).extracting(DispatchRule::name).containsExactly(
                "regulator", "key", "network-tz-urgent", "network-tz", "business", "network");
        List<DispatchRule> backwards = new java.util.ArrayList<>(RULES);
        java.util.Collections.reverse(backwards);
        DispatchRules reversed = new DispatchRules(DEPARTMENTS, backwards, "service-desk", "escalation", 3, "hotline", "billing");
        assertThat(reversed.rules()).isEqualTo(rules().rules());
    }

    @Test
    void aSecondAttemptGoesToThePreviousDepartmentsSupervisorAndTheThirdToEscalation() {
        assertThat(rules().redispatch("network-tz", 2).department()).isEqualTo("network-sup");
        assertThat(rules().redispatch("network-sup", 3).department()).isEqualTo("escalation");
        assertThat(rules().redispatch("billing", 2).department()).as("no supervisor desk configured")
                .isEqualTo("escalation");
        assertThat(new DispatchRules(DEPARTMENTS, RULES, "service-desk", "escalation", 4, "hotline", "billing")
                .redispatch("network-sup", 3).department()).isEqualTo("escalation").as("no supervisor of its own");
    }

    @Test
    void aRuleNamingAnUnknownDepartmentStopsStartUpWithAClearMessage() {
        List<DispatchRule> broken = List.of(rule("network", 0, Category.NETWORK, null, null, null, null, "netops"));

        assertThatThrownBy(() -> new DispatchRules(DEPARTMENTS, broken, "service-desk", "escalation", 3, "hotline", "billing"))
                .isInstanceOf(InvalidDispatchConfiguration.class)
                .hasMessageContaining("routing.rules.network.department names unknown department 'netops'")
                .hasMessageContaining("known departments: [billing, escalation");
    }

    @Test
    void unknownSupervisorFallbackOrEscalationDepartmentsAreAllReported() {
        List<Department> departments = List.of(new Department("a", "A", "ghost"));

        assertThatThrownBy(() -> new DispatchRules(departments, List.of(), "nowhere", "void", 1, "gone", "unpaid"))
                .isInstanceOf(InvalidDispatchConfiguration.class)
                .hasMessageContaining("routing.departments.a.supervisor names unknown department 'ghost'")
                .hasMessageContaining("routing.fallback-department names unknown department 'nowhere'")
                .hasMessageContaining("routing.redispatch.escalation-department names unknown department 'void'")
                .hasMessageContaining("routing.redispatch.hotline-department names unknown department 'gone'")
                .hasMessageContaining("routing.billing-disputes.department names unknown department 'unpaid'")
                .hasMessageContaining("escalate-from-attempt must be at least 2");
    }

    @Test
    void fromTheEscalationAttemptOnEvenADepartmentWithASupervisorGoesToEscalation() {
        DispatchRules escalateFromThree = rules();

        assertThat(escalateFromThree.redispatch("network-tz", 2))
                .isEqualTo(new DispatchChoice("network-sup", "redispatch.attempt-2.supervisor"));
        assertThat(escalateFromThree.redispatch("network-tz", 3))
                .isEqualTo(new DispatchChoice("escalation", "redispatch.attempt-3.escalation"));
        assertThat(escalateFromThree.redispatch("billing", 2))
                .isEqualTo(new DispatchChoice("escalation", "redispatch.attempt-2.no-supervisor"));
    }

    @Test
    void escalationMayStartWithTheSecondAttempt() {
        DispatchRules escalateFromTwo = new DispatchRules(DEPARTMENTS, RULES, "service-desk", "escalation", 2, "hotline", "billing");

        assertThat(escalateFromTwo.redispatch("network-tz", 2))
                .isEqualTo(new DispatchChoice("escalation", "redispatch.attempt-2.escalation"));
    }

    @Test
    void theConfigurationIsReportedAsConfiguredWithTheDepartmentsById() {
        DispatchRules rules = rules();

        assertThat(rules.departments()).extracting(Department::id).containsExactly("billing", "escalation", "hotline",
                "key-desk", "management", "network-ops", "network-sup", "network-tz", "network-tz-urgent",
                "service-desk", "service-sup");
        assertThat(rules.fallbackDepartment()).isEqualTo("service-desk");
        assertThat(rules.escalationDepartment()).isEqualTo("escalation");
        assertThat(rules.escalateFromAttempt()).isEqualTo(3);
        assertThat(rules.hotlineDepartment()).isEqualTo("hotline");
        assertThat(rules.handover()).isEqualTo(new DispatchChoice("hotline", DispatchRules.HANDOVER_RULE));
    }

    @Test
    void aRuleShowsItsCriteriaInAFixedOrderAndARuleWithoutCriteriaAsAStar() {
        DispatchRule everything = rule("all", 0, Category.NETWORK, "TZ-HL", Channel.HOTLINE, CustomerTier.KEY,
                Urgency.URGENT, "network-tz");
        DispatchRule nothing = rule("any", 0, null, null, null, null, null, "service-desk");

        assertThat(everything.criteria())
                .isEqualTo("category=NETWORK,region=TZ-HL,channel=HOTLINE,tier=KEY,urgency=URGENT");
        assertThat(RULES.get(1).criteria()).isEqualTo("category=NETWORK,region=TZ-HL");
        assertThat(nothing.criteria()).isEqualTo("*");
    }
}
