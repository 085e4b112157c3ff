package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private final DispatchRules rules = DispatchRulesTest.rules();
    private final EscalationLadder ladder = DispatchRulesTest.ladder(rules);
    private final ComplaintRegistered registered = DispatchRulesTest.complaint(Category.NETWORK, "TZ-HL",
            Channel.HOTLINE, CustomerTier.STANDARD, Urgency.NORMAL);

    private CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold("C-1", Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private CaseState decideAndApply(CaseState state) {
        ComplaintEvent decided = RoutingDecisions.decide(state, rules, ladder, List.of(), NOW).orElseThrow();
        return CaseFold.apply(state, decided).state();
    }

    @Test
    void aRegisteredCaseIsOwedItsFirstDispatch() {
        CaseState state = given(registered);

        assertThat(RoutingDecisions.pending(state, ladder, NOW)).contains(RoutingDecisions.Pending.DISPATCH);
        Dispatched dispatched = (Dispatched) RoutingDecisions.decide(state, rules, ladder,
                List.of(), NOW).orElseThrow();
        assertThat(dispatched.dispatchId()).isEqualTo("C-1-W1");
        assertThat(dispatched.attempt()).isEqualTo(1);
        assertThat(dispatched.department()).isEqualTo("network-tz");
        assertThat(dispatched.rule()).isEqualTo("network-tz");
        assertThat(dispatched.causationId()).isEqualTo(registered.eventId().toString());
    }

    @Test
    void decidingTwiceGivesTheSameFact() {
        CaseState state = given(registered);

        ComplaintEvent first = RoutingDecisions.decide(state, rules, ladder, List.of(), NOW).orElseThrow();
        ComplaintEvent again = RoutingDecisions.decide(state, rules, ladder,
                List.of(), NOW.plusSeconds(60)).orElseThrow();

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(((Dispatched) again).dispatchId()).isEqualTo(((Dispatched) first).dispatchId());
    }

    @Test
    void aDispatchedCaseOwesNothing() {
        assertThat(RoutingDecisions.pending(decideAndApply(given(registered)), ladder, NOW)).isEmpty();
    }

    @Test
    void aFailedSurveyWithRedispatchIsOwedTheNextWorkOrderAtTheSupervisorThenEscalation() {
        CaseState state = decideAndApply(given(registered));
        state = CaseFold.apply(state, returnOf(state, "C-1-W1")).state();
        state = CaseFold.apply(state, failed("C-1-W1", 1, true)).state();

        assertThat(RoutingDecisions.pending(state, ladder, NOW)).contains(RoutingDecisions.Pending.REDISPATCH);
        Redispatched second = (Redispatched) RoutingDecisions.decide(state, rules, ladder,
                List.of(), NOW).orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.dispatchId()).isEqualTo("C-1-W2");
        assertThat(second.previousDispatchId()).isEqualTo("C-1-W1");
        assertThat(second.department()).isEqualTo("network-sup");

        state = CaseFold.apply(state, second).state();
        assertThat(state.workOrder("C-1-W1").orElseThrow().status()).isEqualTo(WorkOrderStatus.SUPERSEDED);
        state = CaseFold.apply(state, returnOf(state, "C-1-W2")).state();
        state = CaseFold.apply(state, failed("C-1-W2", 2, true)).state();
        Redispatched third = (Redispatched) RoutingDecisions.decide(state, rules, ladder, List.of(), NOW).orElseThrow();
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.department()).isEqualTo("escalation");
    }

    @Test
    void aCustomerHandedOverIsOwedAWorkOrderOfTheManagerHotline() {
        CaseState state = decideAndApply(given(registered));
        state = CaseFold.apply(state, returnOf(state, "C-1-W1")).state();
        SurveyFailed handover = new SurveyFailed(java.util.UUID.randomUUID(), "C-1", NOW, 1, null, "sv-1", "C-1-W1", 1,
                "Does not accept the coverage plan", false, "Explained the coverage plan", false, true);
        state = CaseFold.apply(state, handover).state();

        assertThat(RoutingDecisions.pending(state, ladder, NOW)).contains(RoutingDecisions.Pending.REDISPATCH);
        Redispatched toHotline = (Redispatched) RoutingDecisions.decide(state, rules, ladder,
                List.of(), NOW).orElseThrow();
        assertThat(toHotline.department()).isEqualTo("hotline");
        assertThat(toHotline.rule()).isEqualTo(DispatchRules.HANDOVER_RULE);
        assertThat(toHotline.attempt()).isEqualTo(2);
        CaseState handedOver = CaseFold.apply(state, toHotline).state();
        assertThat(handedOver.handedOver()).isTrue();
        assertThat(handedOver.currentWorkOrder().orElseThrow().handover()).isTrue();
        assertThat(RoutingDecisions.pending(handedOver, ladder, NOW)).isEmpty();
    }

    @Test
    void aFailedSurveyWithoutRedispatchOwesNothing() {
        CaseState state = decideAndApply(given(registered));
        state = CaseFold.apply(state, returnOf(state, "C-1-W1")).state();
        state = CaseFold.apply(state, failed("C-1-W1", 1, false)).state();

        assertThat(RoutingDecisions.pending(state, ladder, NOW)).isEmpty();
    }

    @Test
    void onlyAnOpenWorkOrderCanBeReturned() {
        CaseState state = decideAndApply(given(registered));
        Returned first = returnOf(state, "C-1-W1");
        CaseState returnedState = CaseFold.apply(state, first).state();

        assertThat(first.department()).isEqualTo("network-tz");
        assertThat(first.eventId()).isEqualTo(returnOf(state, "C-1-W1").eventId());
        assertThatThrownBy(() -> returnOf(returnedState, "C-1-W1")).isInstanceOf(Returns.WorkOrderNotOpen.class)
                .hasMessageContaining("already returned");
    }

    @Test
    void onlyTheWorkOrdersDepartmentCanReturnItWhateverItsState() {
        CaseState state = decideAndApply(given(registered));
        CaseState returnedState = CaseFold.apply(state, returnOf(state, "C-1-W1")).state();

        assertThatThrownBy(() -> returnOf(state, "C-1-W1", "billing")).isInstanceOf(Returns.OtherDepartment.class)
                .hasMessageContaining("network-tz").hasMessageContaining("billing");
        assertThatThrownBy(() -> returnOf(returnedState, "C-1-W1", "billing"))
                .isInstanceOf(Returns.OtherDepartment.class);
    }

    /** A return by an agent of the work order's own department. */
    private static Returned returnOf(CaseState state, String dispatchId) {
        return returnOf(state, dispatchId, state.workOrder(dispatchId).orElseThrow().department());
    }

    private static Returned returnOf(CaseState state, String dispatchId, String department) {
        return Returns.decide(state, dispatchId, new ReturnRequest(" r ", "d", "p", "m", Resolution.RESOLVED, true, null, null,
                "agent-1"), department, NOW, "req-1");
    }

    private static SurveyFailed failed(String dispatchId, int attempt, boolean redispatch) {
        return new SurveyFailed(UUID.randomUUID(), "C-1", NOW, 1, null, "sv", dispatchId, attempt, "no", true, null,
                redispatch, null);
    }
}
