package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRecordTest {

    private static final String ID = "C-1";
    private static final Instant T = Instant.parse("2030-03-01T00:00:00Z");

    private static CaseRecord fold(ComplaintEvent... events) {
        CaseRecord record = CaseRecord.initial(ID);
        for (ComplaintEvent e : events) {
            CaseRecord.Step step = record.apply(e);
            assertThat(step.applied()).as("%s applied: %s", e, step.rejection()).isTrue();
            record = step.record();
        }
        return record;
    }

    private static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

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
}
