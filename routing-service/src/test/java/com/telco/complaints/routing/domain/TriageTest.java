package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A complaint no rule fits waits for triage; an operator dispatches it once. */
class TriageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private final DispatchRules withoutFallback = new DispatchRules(DispatchRulesTest.DEPARTMENTS,
            DispatchRulesTest.RULES, null, "escalation", 3, "hotline", "billing");
    private final EscalationLadder ladder = DispatchRulesTest.ladder(withoutFallback);
    private final ComplaintRegistered service = DispatchRulesTest.complaint(Category.SERVICE, "SH-PD",
            Channel.IN_PERSON, CustomerTier.STANDARD, Urgency.NORMAL);

    private static CaseState applied(CaseState state, ComplaintEvent event) {
        var transition = CaseFold.apply(state, event);
        assertThat(transition.applied()).as("%s applies", event).isTrue();
        return transition.state();
    }

    private CaseState triaged() {
        CaseState registered = CaseFold.fold("C-1", List.of(service)).state();
        return applied(registered, RoutingDecisions.decide(registered, withoutFallback, ladder,
                List.of(), NOW).orElseThrow());
    }

    @Test
    void aComplaintNoRuleFitsWaitsForTriageAndOwesNothingMoreUntilAnOperatorActs() {
        CaseState registered = CaseFold.fold("C-1", List.of(service)).state();

        ComplaintEvent decided = RoutingDecisions.decide(registered, withoutFallback, ladder,
                List.of(), NOW).orElseThrow();

        assertThat(decided).isInstanceOfSatisfying(AwaitingTriage.class, t -> {
            assertThat(t.eventId()).isEqualTo(EventIds.of(EventType.AWAITING_TRIAGE, "C-1"));
            assertThat(t.reason()).contains("category=SERVICE", "region=SH-PD");
            assertThat(t.causationId()).isEqualTo(service.eventId().toString());
        });
        CaseState waiting = applied(registered, decided);
        assertThat(waiting.status()).isEqualTo(CaseStatus.TRIAGE);
        assertThat(RoutingDecisions.pending(waiting, ladder, NOW)).isEmpty();
    }

    @Test
    void anOperatorDispatchesTheFirstWorkOrderAsARuleWouldHaveWithTheOperatorAsActor() {
        CaseState waiting = triaged();

        Dispatched dispatched = Triage.dispatch(waiting, "service-desk", "op-7", NOW, "request:r-1");

        assertThat(dispatched.eventId()).isEqualTo(EventIds.of(EventType.DISPATCHED, "C-1", 1));
        assertThat(dispatched.dispatchId()).isEqualTo("C-1-W1");
        assertThat(dispatched.attempt()).isEqualTo(1);
        assertThat(dispatched.department()).isEqualTo("service-desk");
        assertThat(dispatched.rule()).isEqualTo(Triage.RULE);
        assertThat(dispatched.actor()).isEqualTo("op-7");
        CaseState after = applied(waiting, dispatched);
        assertThat(after.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(after.triage().reason()).as("why it waited stays on the case").contains("category=SERVICE");
    }

    @Test
    void onlyAComplaintWaitingForTriageIsDispatchedByHand() {
        CaseState dispatched = applied(triaged(), Triage.dispatch(triaged(), "service-desk", "op-7", NOW, "r"));
        CaseState byRule = CaseFold.fold("C-1", List.of(DispatchRulesTest.complaint(Category.NETWORK, "TZ-HL",
                Channel.HOTLINE, CustomerTier.STANDARD, Urgency.NORMAL))).state();

        assertThatThrownBy(() -> Triage.dispatch(dispatched, "billing", "op-8", NOW, "r"))
                .isInstanceOf(Triage.NotInTriage.class).hasMessageContaining("DISPATCHED")
                .hasMessageContaining("service-desk");
        assertThatThrownBy(() -> Triage.dispatch(byRule, "billing", "op-8", NOW, "r"))
                .isInstanceOf(Triage.NotInTriage.class).hasMessageContaining("REGISTERED");
    }
}
