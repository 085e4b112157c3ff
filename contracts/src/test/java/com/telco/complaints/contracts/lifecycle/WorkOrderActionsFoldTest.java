package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static com.telco.complaints.contracts.lifecycle.CaseEvents.C;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.at;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.clockStarted;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.closed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.dispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.redispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.registered;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.returned;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.wo;
import static org.assertj.core.api.Assertions.assertThat;

/** Routing's urges, escalations, notices and transfers as the shared fold keeps them on the work order. */
class WorkOrderActionsFoldTest {

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static WorkOrderUrged urged(double hours) {
        return new WorkOrderUrged(UUID.randomUUID(), C, at(hours), 1, null, "routing-service", wo(1), "network-ops",
                at(hours), at(hours + 10));
    }

    private static WorkOrderEscalated escalated(int level, double hours) {
        return new WorkOrderEscalated(UUID.randomUUID(), C, at(hours), 1, null, "routing-service", wo(1), "network-ops",
                level, "desk-" + level, at(48));
    }

    private static WorkOrderTransferred transferred(int transfer, String from, String to, double hours) {
        return new WorkOrderTransferred(UUID.randomUUID(), C, at(hours), 1, null, "agent-1", wo(1), transfer, from, to,
                "not ours");
    }

    private static WorkOrder first(CaseState state) {
        return state.workOrder(wo(1)).orElseThrow();
    }

    @Test
    void anUrgeIsKeptOnceOnItsWorkOrder() {
        CaseState urged = given(registered(), dispatched(1, 1), urged(39));

        assertThat(first(urged).urgedAt()).isEqualTo(at(39));
        Transition again = CaseFold.apply(urged, urged(40));
        assertThat(again.applied()).isFalse();
        assertThat(((Transition.Rejected) again).rejection().reason()).isEqualTo(RejectionReason.ALREADY_URGED);
    }

    @Test
    void escalationsClimbTheLadderOneLevelAtATimeAndNeverTwiceOnTheSameLevel() {
        CaseState level1 = given(registered(), dispatched(1, 1), escalated(1, 49));
        assertThat(first(level1).escalationLevel()).isEqualTo(1);

        Transition repeated = CaseFold.apply(level1, escalated(1, 50));
        Transition skipped = CaseFold.apply(level1, escalated(3, 50));
        assertThat(((Transition.Rejected) repeated).rejection().reason())
                .isEqualTo(RejectionReason.WRONG_ESCALATION_LEVEL);
        assertThat(((Transition.Rejected) skipped).rejection().reason())
                .isEqualTo(RejectionReason.WRONG_ESCALATION_LEVEL);
        assertThat(first(CaseFold.apply(level1, escalated(2, 53)).state()).escalationLevel()).isEqualTo(2);
    }

    @Test
    void aNoticeToManagementIsKeptOnce() {
        EscalationNotice notice = new EscalationNotice(UUID.randomUUID(), C, at(49), 2, null, "routing-service", wo(1),
                "enterprise-management", NoticeReason.KEY_CUSTOMER_OVERDUE, "network-ops", at(48), null);
        CaseState noticed = given(registered(), dispatched(1, 1), notice);

        assertThat(first(noticed).noticedAt()).isEqualTo(at(49));
        assertThat(((Transition.Rejected) CaseFold.apply(noticed, notice)).rejection().reason())
                .isEqualTo(RejectionReason.ALREADY_NOTIFIED);
    }

    @Test
    void aTransferMovesTheOpenOrderAndKeepsItsIdAndItsReturnClock() {
        SlaClockStarted returnClock = clockStarted(SlaClock.RETURN, wo(1), 1);
        CaseState moved = given(registered(), dispatched(1, 1), returnClock, transferred(1, "network-ops", "billing", 3));

        WorkOrder order = first(moved);
        assertThat(order.department()).isEqualTo("billing");
        assertThat(order.transfers()).isEqualTo(1);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(moved.clock(SlaClock.RETURN, wo(1)).orElseThrow().deadline()).isEqualTo(returnClock.deadline());
        assertThat(first(CaseFold.apply(moved, transferred(2, "billing", "network-ops", 4)).state()).department())
                .isEqualTo("network-ops");
    }

    @Test
    void aTransferToTheSameDepartmentOfAReturnedOrderOrOutOfTurnIsRefused() {
        CaseState open = given(registered(), dispatched(1, 1));
        assertThat(reason(CaseFold.apply(open, transferred(1, "network-ops", "network-ops", 2))))
                .isEqualTo(RejectionReason.SAME_DEPARTMENT);
        assertThat(reason(CaseFold.apply(open, transferred(2, "network-ops", "billing", 2))))
                .isEqualTo(RejectionReason.WRONG_TRANSFER);
        CaseState returned = given(registered(), dispatched(1, 1), returned(1, 5));
        assertThat(reason(CaseFold.apply(returned, transferred(1, "network-ops", "billing", 6))))
                .isEqualTo(RejectionReason.ALREADY_RETURNED);
    }

    @Test
    void aRedispatchCarriesTheDissatisfactionAndAReturnItsFault() {
        Returned blamed = new Returned(UUID.randomUUID(), C, at(5), 2, null, "agent-1", wo(1), 1, "network-ops",
                "r", "d", "p", "m", Resolution.RESOLVED, true, FaultParty.DEPARTMENT, "crew 4");
        SurveyFailed failed = new SurveyFailed(UUID.randomUUID(), C, at(6), 2, null, "sv-1", wo(1), 1, "Still no signal",
                true, null, true, null);
        CaseState redispatched = given(registered(), dispatched(1, 1), blamed, failed, redispatched(2, 7));

        assertThat(first(redispatched).faultOf()).isEqualTo(FaultParty.DEPARTMENT);
        assertThat(redispatched.workOrder(wo(2)).orElseThrow().dissatisfaction()).isEqualTo("Still no signal");
    }

    @Test
    void aDissatisfiedCustomerAtTheServiceCentresFaultClosesAsRecorded() {
        SurveyFailed recorded = new SurveyFailed(UUID.randomUUID(), C, at(6), 2, null, "sv-1", wo(1), 1, "Rude agent",
                true, null, false, false);
        CaseState dissatisfied = given(registered(), dispatched(1, 1), returned(1, 5), recorded);

        assertThat(CaseFold.apply(dissatisfied, closed(CloseOutcome.RECORDED, 7)).state().isClosed()).isTrue();
    }

    private static RejectionReason reason(Transition transition) {
        return ((Transition.Rejected) transition).rejection().reason();
    }
}
