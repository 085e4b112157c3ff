package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.telco.complaints.analytics.domain.Cases.ID;
import static com.telco.complaints.analytics.domain.Cases.T;
import static com.telco.complaints.analytics.domain.Cases.at;
import static com.telco.complaints.analytics.domain.Cases.fold;
import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderCountsTest {

    /** A return as v1 wrote it: no faultOf. */
    private static Returned returnedWithoutFault(int attempt, Instant at) {
        return new Returned(UUID.randomUUID(), ID, at, 1, null, "agent-1", TestEvents.workOrder(ID, attempt), attempt,
                "net", "r", "d", "p", "m", Resolution.RESOLVED, true, null, null);
    }

    @Test
    void aCaseWithoutWorkOrdersCountsNothing() {
        assertThat(WorkOrderCounts.of(fold(TestEvents.registered(ID, T)).state())).isEqualTo(WorkOrderCounts.NONE);
    }

    /**
     * W1 dispatched to net, transferred twice, urged, escalated to levels 1 and 2, management told, returned at the
     * department's fault; redispatched, W2 returned finding nobody at fault.
     */
    @Test
    void eachWorkOrderCountsOnceWhateverHappenedToItAndEachReturnNamesItsFault() {
        CaseRecord record = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"),
                TestEvents.transferred(ID, 1, 1, at(2), "net", "billing"),
                TestEvents.transferred(ID, 1, 2, at(3), "billing", "desk"),
                TestEvents.urged(ID, 1, at(8), "desk", at(10)),
                TestEvents.escalated(ID, 1, 1, at(10), "desk", "desk-lead", at(10)),
                TestEvents.escalated(ID, 1, 2, at(12), "desk", "desk-head", at(10)),
                TestEvents.notice(ID, 1, at(10), NoticeReason.REGULATOR_OVERDUE, "desk", at(10)),
                TestEvents.returned(ID, 1, at(13), FaultParty.DEPARTMENT),
                TestEvents.surveyFailed(ID, 1, at(14), true, true),
                TestEvents.redispatched(ID, 2, at(14), "net-sup"),
                TestEvents.returned(ID, 2, at(15), FaultParty.NONE));

        assertThat(WorkOrderCounts.of(record.state()))
                .isEqualTo(new WorkOrderCounts(2, 1, 1, 1, List.of(FaultParty.DEPARTMENT, FaultParty.NONE)));
    }

    @Test
    void aNoticeAloneIsNoEscalationAndAReturnWithoutFaultOfNamesNone() {
        CaseRecord record = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"),
                TestEvents.notice(ID, 1, at(10), NoticeReason.KEY_CUSTOMER_OVERDUE, "net", at(10)),
                returnedWithoutFault(1, at(11)));

        assertThat(WorkOrderCounts.of(record.state())).isEqualTo(new WorkOrderCounts(1, 0, 0, 0, List.of()));
    }
}
