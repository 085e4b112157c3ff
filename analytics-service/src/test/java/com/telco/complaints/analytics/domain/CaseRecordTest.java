package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.telco.complaints.analytics.domain.Cases.ID;
import static com.telco.complaints.analytics.domain.Cases.T;
import static com.telco.complaints.analytics.domain.Cases.at;
import static com.telco.complaints.analytics.domain.Cases.fold;
import static org.assertj.core.api.Assertions.assertThat;

class CaseRecordTest {

    @Test
    void everySurveyAnswerIsCountedAndTheLastOneShown() {
        CaseRecord record = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"),
                TestEvents.returned(ID, 1, at(2), true), TestEvents.surveyFailed(ID, 1, at(3), true, true),
                TestEvents.redispatched(ID, 2, at(4), "net-sup"), TestEvents.returned(ID, 2, at(5), true),
                TestEvents.surveyPassed(ID, 2, at(6)), TestEvents.closed(ID, 2, at(6), CloseOutcome.SATISFIED));

        assertThat(record.surveysFailed()).isEqualTo(1);
        assertThat(record.surveysPassed()).isEqualTo(1);
        assertThat(record.lastSurvey()).isEqualTo(CaseRecord.SurveyOutcome.PASSED);
        assertThat(record.firstDepartment()).isEqualTo("net");
        assertThat(record.department()).isEqualTo("net-sup");
        assertThat(record.closedAt()).isEqualTo(at(6));
        assertThat(record.state().status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aReturnIsJudgedOnceItsDeadlineIsKnownAndItIsReturnedOrBreached() {
        SlaClockStarted w1 = TestEvents.clockStarted(ID, SlaClock.RETURN, ID + "-W1", at(1), Duration.ofMinutes(60));
        CaseRecord open = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"), w1);
        assertThat(open.returnsJudged()).isZero();

        CaseRecord breached = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"), w1,
                TestEvents.breach(w1));
        assertThat(breached.returnsJudged()).isEqualTo(1);
        assertThat(breached.returnsOnTime()).isZero();

        CaseRecord exactlyOnTime = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"), w1,
                TestEvents.returned(ID, 1, w1.deadline(), true));
        assertThat(exactlyOnTime.returnsJudged()).isEqualTo(1);
        assertThat(exactlyOnTime.returnsOnTime()).isEqualTo(1);

        CaseRecord noDeadline = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"),
                TestEvents.returned(ID, 1, at(2), true));
        assertThat(noDeadline.returnsJudged()).isZero();
    }

    @Test
    void aRefusedEventLeavesTheRecordAsItWas() {
        CaseRecord registered = fold(TestEvents.registered(ID, T));
        CaseRecord.Step step = registered.apply(TestEvents.surveyPassed(ID, 1, at(1)));

        assertThat(step.applied()).isFalse();
        assertThat(step.rejection().reason()).isEqualTo(RejectionReason.UNKNOWN_WORK_ORDER);
        assertThat(step.record()).isSameAs(registered);
        assertThat(step.record().surveysPassed()).isZero();
    }

    /** The case closes on the answer given at the first contact: there is no work order to name. */
    private static ComplaintClosed closedWithoutWorkOrder(Instant at, CloseOutcome outcome) {
        return new ComplaintClosed(UUID.randomUUID(), ID, at, 1, null, "sv-1", outcome, null, "closed by test");
    }

    @Test
    void aComplaintResolvedAtTheFirstContactHasNoWorkOrderAndItsAnswerIsSurveyed() {
        CaseRecord registered = fold(TestEvents.registeredAtFirstContact(ID, T));

        assertThat(registered.state().status()).isEqualTo(CaseStatus.RESOLVED_AT_FIRST_CONTACT);
        assertThat(registered.state().resolvedAtFirstContact()).isTrue();
        assertThat(registered.state().firstReachedAt()).contains(T);
        assertThat(registered.state().answeredAt()).contains(T);
        assertThat(registered.firstDepartment()).isNull();
        assertThat(registered.state().attempts()).isZero();
        assertThat(registered.returnsJudged()).isZero();

        CaseRecord closed = fold(TestEvents.registeredAtFirstContact(ID, T),
                TestEvents.unreachableAtFirstContact(ID, 1, at(60)), TestEvents.surveyPassedAtFirstContact(ID, at(90)),
                closedWithoutWorkOrder(at(90), CloseOutcome.SATISFIED));

        assertThat(closed.state().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.state().resolvedAtFirstContact()).isTrue();
        assertThat(closed.surveysPassed()).isEqualTo(1);
        assertThat(closed.lastSurvey()).isEqualTo(CaseRecord.SurveyOutcome.PASSED);
        assertThat(closed.state().attempts()).isZero();
        assertThat(closed.returnsJudged()).isZero();
        assertThat(closed.closedAt()).isEqualTo(at(90));
    }

    @Test
    void aCustomerDissatisfiedWithTheFirstContactAnswerGetsTheCasesFirstWorkOrderNotARedispatch() {
        String w1 = TestEvents.workOrder(ID, 1);
        SlaClockStarted returnW1 = TestEvents.clockStarted(ID, SlaClock.RETURN, w1, at(30), Duration.ofHours(24));
        CaseRecord record = fold(TestEvents.registeredAtFirstContact(ID, T),
                TestEvents.surveyFailedAtFirstContact(ID, at(20), true, false),
                TestEvents.dispatched(ID, at(30), "net"), returnW1, TestEvents.returned(ID, 1, at(120), true));

        assertThat(record.state().status()).isEqualTo(CaseStatus.RETURNED);
        assertThat(record.state().resolvedAtFirstContact()).isTrue();
        assertThat(record.surveysFailed()).isEqualTo(1);
        assertThat(record.state().attempts()).isEqualTo(1);
        assertThat(record.firstDepartment()).isEqualTo("net");
        assertThat(record.returnsJudged()).isEqualTo(1);
        assertThat(record.returnsOnTime()).isEqualTo(1);
    }

    @Test
    void aSurveyWithoutAWorkOrderOfADispatchedComplaintIsRefused() {
        CaseRecord dispatched = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"));

        CaseRecord.Step step = dispatched.apply(TestEvents.surveyPassedAtFirstContact(ID, at(2)));

        assertThat(step.applied()).isFalse();
        assertThat(step.rejection().reason()).isEqualTo(RejectionReason.NO_SURVEY_PENDING);
        assertThat(step.record().surveysPassed()).isZero();
    }

    @Test
    void theFirstDepartmentIsWhereTheFirstWorkOrderWasDispatchedWhereverItWasTransferred() {
        CaseRecord record = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"),
                TestEvents.transferred(ID, 1, 1, at(2), "net", "billing"),
                TestEvents.transferred(ID, 1, 2, at(3), "billing", "desk"));

        assertThat(record.firstDepartment()).isEqualTo("net");
        assertThat(record.department()).isEqualTo("desk");
        assertThat(record.currentWorkOrder().orElseThrow().transfers()).isEqualTo(2);
    }

    @Test
    void aCaseClosedAsRecordedIsClosedDissatisfied() {
        CaseRecord record = fold(TestEvents.registered(ID, T), TestEvents.dispatched(ID, at(1), "net"),
                TestEvents.returned(ID, 1, at(2), FaultParty.CUSTOMER_SERVICE_CENTRE),
                TestEvents.surveyFailed(ID, 1, at(3), true, false),
                TestEvents.closed(ID, 1, at(3), CloseOutcome.RECORDED));

        assertThat(record.state().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(record.state().closure().outcome()).isEqualTo(CloseOutcome.RECORDED);
        assertThat(record.closedAt()).isEqualTo(at(3));
        assertThat(record.surveysFailed()).isEqualTo(1);
        assertThat(record.surveysPassed()).isZero();
        assertThat(record.lastSurvey()).isEqualTo(CaseRecord.SurveyOutcome.FAILED);
        assertThat(record.state().attempts()).isEqualTo(1);
    }
}
