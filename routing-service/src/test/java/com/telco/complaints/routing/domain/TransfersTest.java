package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Passing an open work order to another department (000 运营商用户 §二.3): who may, when, and what it keeps. */
class TransfersTest {

    private static final String C = "C-1";
    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");
    private static final String W1 = TestEvents.workOrder(C, 1);

    private static CaseState given(ComplaintEvent... events) {
        CaseState state = CaseState.initial(C);
        for (ComplaintEvent event : events) {
            Transition transition = CaseFold.apply(state, event);
            assertThat(transition.applied()).as("%s applies", event).isTrue();
            state = transition.state();
        }
        return state;
    }

    private static WorkOrderTransferred transfer(CaseState state, String to, String byDepartment) {
        return Transfers.decide(state, W1, to, " wrong department ", byDepartment, "agent-1", AT.plusSeconds(60), "req-1");
    }

    @Test
    void theHoldingDepartmentPassesItOnAndTheOrderKeepsItsIdAttemptAndDeadline() {
        SlaClockStarted clock = TestEvents.clockStarted(C, SlaClock.RETURN, W1, AT, Duration.ofHours(48));
        CaseState open = given(TestEvents.registered(C, AT), TestEvents.dispatched(C, AT, "network-ops"), clock);

        WorkOrderTransferred first = transfer(open, "billing", "network-ops");
        CaseState moved = given(TestEvents.registered(C, AT), TestEvents.dispatched(C, AT, "network-ops"), clock, first);

        assertThat(first.fromDepartment()).isEqualTo("network-ops");
        assertThat(first.toDepartment()).isEqualTo("billing");
        assertThat(first.transfer()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo("wrong department");
        assertThat(moved.currentWorkOrder().orElseThrow()).satisfies(w -> {
            assertThat(w.dispatchId()).isEqualTo(W1);
            assertThat(w.attempt()).isEqualTo(1);
            assertThat(w.department()).isEqualTo("billing");
        });
        assertThat(moved.clock(SlaClock.RETURN, W1).orElseThrow().deadline()).isEqualTo(clock.deadline());
        WorkOrderTransferred second = transfer(moved, "network-ops", "billing");
        assertThat(second.transfer()).isEqualTo(2);
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(transfer(open, "billing", null)).as("an operator may pass any order").isEqualTo(first);
    }

    @Test
    void anotherDepartmentsAgentCannotPassItOn() {
        CaseState open = given(TestEvents.registered(C, AT), TestEvents.dispatched(C, AT, "network-ops"));

        assertThatThrownBy(() -> transfer(open, "billing", "billing")).isInstanceOf(Returns.OtherDepartment.class)
                .hasMessageContaining("network-ops's");
    }

    @Test
    void toTheSameDepartmentAReturnedOrderOrAClosedCaseIsRefused() {
        CaseState open = given(TestEvents.registered(C, AT), TestEvents.dispatched(C, AT, "network-ops"));
        CaseState returned = given(TestEvents.registered(C, AT), TestEvents.dispatched(C, AT, "network-ops"),
                TestEvents.returned(C, 1, AT.plusSeconds(30), true));
        CaseState closed = given(TestEvents.registered(C, AT), TestEvents.dispatched(C, AT, "network-ops"),
                TestEvents.returned(C, 1, AT.plusSeconds(30), true), TestEvents.surveyPassed(C, 1, AT.plusSeconds(40)),
                TestEvents.closed(C, 1, AT.plusSeconds(40), CloseOutcome.SATISFIED));

        assertThatThrownBy(() -> transfer(open, "network-ops", "network-ops"))
                .isInstanceOf(Transfers.TransferRefused.class).hasMessageContaining("already");
        assertThatThrownBy(() -> transfer(returned, "billing", "network-ops"))
                .isInstanceOf(Transfers.TransferRefused.class).hasMessageContaining("returned");
        assertThatThrownBy(() -> transfer(closed, "billing", "network-ops"))
                .isInstanceOf(Transfers.TransferRefused.class).hasMessageContaining("closed");
    }
}
