package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint resolved at the first contact (即时处理) is not dispatched; a failed survey of the answer given
 * then that owes a work order gets the case's first, by the registration's rules (or triage), or at the hotline.
 */
class FirstContactDecisionsTest {

    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private final DispatchRules rules = DispatchRulesTest.rules();
    private final EscalationLadder ladder = DispatchRulesTest.ladder(rules);
    /** The shipped shape: complaints no rule fits wait for triage. */
    private final DispatchRules rulesWithoutFallback = new DispatchRules(DispatchRulesTest.DEPARTMENTS,
            DispatchRulesTest.RULES, null, "escalation", 3, "hotline", "billing");
    /** NETWORK in TZ-HL: the rule network-tz fits. */
    private final ComplaintRegistered registered = TestEvents.registeredAtFirstContact("C-1", AT);

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold("C-1", Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static CaseState apply(CaseState state, ComplaintEvent event) {
        var transition = CaseFold.apply(state, event);
        assertThat(transition.applied()).as("%s applies", event).isTrue();
        return transition.state();
    }

    @Test
    void aComplaintResolvedAtTheFirstContactIsNeitherDispatchedNorTriaged() {
        CaseState state = given(registered);

        assertThat(state.status()).isEqualTo(CaseStatus.RESOLVED_AT_FIRST_CONTACT);
        assertThat(RoutingDecisions.pending(state, ladder, NOW)).isEmpty();
        assertThat(RoutingDecisions.decide(state, rules, ladder, List.of(), NOW)).isEmpty();
        assertThat(RoutingDecisions.decide(state, rulesWithoutFallback, ladder, List.of(), NOW)).isEmpty();
    }

    @Test
    void evenWhenNoRuleFitsItDoesNotWaitForTriage() {
        CaseState state = given(atFirstContact(Category.SERVICE, "SH-PD"));

        assertThat(RoutingDecisions.decide(state, rulesWithoutFallback, ladder, List.of(), NOW)).isEmpty();
    }

    @Test
    void aSatisfiedOrUnreachableCustomerOrOneExplainedToIsOwedNothing() {
        assertThat(RoutingDecisions.decide(given(registered, TestEvents.surveyPassedAtFirstContact("C-1", NOW)),
                rules, ladder, List.of(), NOW)).isEmpty();
        assertThat(RoutingDecisions.decide(given(registered, TestEvents.unreachableAtFirstContact("C-1", 1, NOW)),
                rules, ladder, List.of(), NOW)).isEmpty();
        assertThat(RoutingDecisions.decide(given(registered,
                TestEvents.surveyFailedAtFirstContact("C-1", NOW, false, false)), rules, ladder,
                        List.of(), NOW)).isEmpty();
    }

    @Test
    void aRedispatchAfterTheFirstContactIsTheFirstWorkOrderByTheRegistrationsRules() {
        SurveyFailed failed = TestEvents.surveyFailedAtFirstContact("C-1", NOW, true, false);
        CaseState state = given(registered, failed);

        assertThat(RoutingDecisions.pending(state, ladder, NOW)).contains(RoutingDecisions.Pending.DISPATCH);
        Dispatched first = (Dispatched) RoutingDecisions.decide(state, rules, ladder, List.of(), NOW).orElseThrow();
        assertThat(first.dispatchId()).isEqualTo("C-1-W1");
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.department()).isEqualTo("network-tz");
        assertThat(first.rule()).isEqualTo("network-tz");
        assertThat(first.causationId()).isEqualTo(failed.eventId().toString());
        assertThat(first.actor()).isEqualTo(RoutingDecisions.ACTOR);
        assertThat(first.eventId()).isEqualTo(EventIds.of(EventType.DISPATCHED, "C-1", 1))
                .isEqualTo(RoutingDecisions.decide(state, rules, ladder,
                        List.of(), NOW.plusSeconds(60)).orElseThrow().eventId());

        CaseState dispatched = apply(state, first);
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.currentWorkOrder().orElseThrow().handover()).isFalse();
        assertThat(RoutingDecisions.pending(dispatched, ladder, NOW)).isEmpty();
    }

    @Test
    void aSecondFailedSurveyRedispatchesTheFirstContactsWorkOrderAsAnyOther() {
        CaseState state = given(registered, TestEvents.surveyFailedAtFirstContact("C-1", NOW, true, false));
        state = apply(state, RoutingDecisions.decide(state, rules, ladder, List.of(), NOW).orElseThrow());
        state = apply(state, Returns.decide(state, "C-1-W1", new ReturnRequest(" r ", "d", "p", "m",
                Resolution.RESOLVED, true, null, null, "agent-1"), "network-tz", NOW, "req-1"));
        state = apply(state, TestEvents.surveyFailed("C-1", 1, NOW, true, true));

        assertThat(RoutingDecisions.pending(state, ladder, NOW)).contains(RoutingDecisions.Pending.REDISPATCH);
        Redispatched second = (Redispatched) RoutingDecisions.decide(state, rules, ladder,
                List.of(), NOW).orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.previousDispatchId()).isEqualTo("C-1-W1");
        assertThat(second.department()).isEqualTo("network-sup");
    }

    @Test
    void aRedispatchAfterTheFirstContactThatNoRuleFitsWaitsForTriageThenAnOperatorDispatchesIt() {
        SurveyFailed failed = TestEvents.surveyFailedAtFirstContact("C-1", NOW, true, false);
        CaseState state = given(atFirstContact(Category.SERVICE, "SH-PD"), failed);

        AwaitingTriage waiting = (AwaitingTriage) RoutingDecisions.decide(state, rulesWithoutFallback, ladder,
                List.of(), NOW)
                .orElseThrow();
        assertThat(waiting.eventId()).isEqualTo(EventIds.of(EventType.AWAITING_TRIAGE, "C-1"));
        assertThat(waiting.causationId()).isEqualTo(failed.eventId().toString());
        assertThat(waiting.reason()).contains("no dispatch rule fits", "category=SERVICE");

        CaseState triaged = apply(state, waiting);
        assertThat(triaged.status()).isEqualTo(CaseStatus.TRIAGE);
        assertThat(RoutingDecisions.pending(triaged, ladder, NOW)).isEmpty();
        Dispatched byOperator = Triage.dispatch(triaged, "service-desk", "op-7", NOW, "req-1");
        assertThat(byOperator.attempt()).isEqualTo(1);
        WorkOrder workOrder = apply(triaged, byOperator).currentWorkOrder().orElseThrow();
        assertThat(workOrder.department()).isEqualTo("service-desk");
        assertThat(workOrder.handover()).isFalse();

        // With a fallback department configured, it goes there as a registration would.
        Dispatched toFallback = (Dispatched) RoutingDecisions.decide(state, rules, ladder,
                List.of(), NOW).orElseThrow();
        assertThat(toFallback.department()).isEqualTo("service-desk");
        assertThat(toFallback.rule()).isEqualTo(DispatchRules.FALLBACK_RULE);
    }

    @Test
    void aCustomerHandedOverAfterTheFirstContactGetsAFirstWorkOrderAtTheManagerHotline() {
        SurveyFailed handover = TestEvents.surveyFailedAtFirstContact("C-1", NOW, false, true);
        CaseState state = given(atFirstContact(Category.SERVICE, "SH-PD"), handover);

        assertThat(RoutingDecisions.pending(state, ladder, NOW)).contains(RoutingDecisions.Pending.DISPATCH);
        // The hotline, not the rules (nor triage, though no rule fits this complaint).
        Dispatched toHotline = (Dispatched) RoutingDecisions.decide(state, rulesWithoutFallback, ladder,
                List.of(), NOW).orElseThrow();
        assertThat(toHotline.dispatchId()).isEqualTo("C-1-W1");
        assertThat(toHotline.attempt()).isEqualTo(1);
        assertThat(toHotline.department()).isEqualTo("hotline");
        assertThat(toHotline.rule()).isEqualTo(DispatchRules.HANDOVER_RULE);
        assertThat(toHotline.causationId()).isEqualTo(handover.eventId().toString());

        CaseState handedOver = apply(state, toHotline);
        assertThat(handedOver.handedOver()).isTrue();
        assertThat(handedOver.currentWorkOrder().orElseThrow().handover()).isTrue();
        assertThat(RoutingDecisions.pending(handedOver, ladder, NOW)).isEmpty();
    }

    /** A complaint of {@code category} in {@code region}, resolved at the first contact. */
    private static ComplaintRegistered atFirstContact(Category category, String region) {
        ComplaintRegistered r = DispatchRulesTest.complaint(category, region, Channel.HOTLINE, CustomerTier.STANDARD,
                Urgency.NORMAL);
        return new ComplaintRegistered(r.eventId(), r.complaintId(), AT, EventType.COMPLAINT_REGISTERED.currentVersion(),
                r.causationId(), r.actor(), r.channel(), r.category(), r.subcategory(), r.urgency(), r.region(),
                r.customer(), r.description(), r.demand(), r.externalRef(), r.promisedReplyBy(),
                new FirstContactResolution("Explained on the call", "The service works as agreed"), null);
    }
}
