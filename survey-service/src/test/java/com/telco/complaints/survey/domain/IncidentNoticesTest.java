package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written notices of an outage incident's estimated repair time owed to every linked customer (seed 002): by
 * SMS, sent not reached, caused by the routing event, numbered like every contact of the case and so the same fact
 * however often it is decided, and none on a closed case.
 */
class IncidentNoticesTest {

    private static final String C = "20261201-00000042";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    /** 18:00 on 1 December in Shanghai. */
    private static final Instant ESTIMATE = Instant.parse("2026-12-01T10:00:00Z");
    private static final IncidentLinked LINKED = TestEvents.incidentLinked(C, 1, null, T0.plusSeconds(60), ESTIMATE);

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static CaseState applied(CaseState state, ComplaintEvent event) {
        Transition transition = CaseFold.apply(state, event);
        assertThat(transition.applied()).as("%s applies", event).isTrue();
        return transition.state();
    }

    private static CustomerContacted notice(CaseState state, ComplaintEvent routingEvent) {
        return IncidentNotices.decide(state, IncidentNotices.owedBy(routingEvent).orElseThrow(), SHANGHAI, NOW)
                .orElseThrow();
    }

    @Test
    void theLinkedCustomerIsToldTheFaultAndTheEstimateInWriting() {
        CaseState state = given(TestEvents.registered(C, T0), LINKED);

        CustomerContacted notice = notice(state, LINKED);

        assertThat(notice.summary()).isEqualTo("【故障通知】泰州海陵区基站停电：市电中断，基站退服。预计修复时间 2026-12-01 18:00。");
        assertThat(notice.kind()).isEqualTo(ContactKind.PROGRESS);
        assertThat(notice.channel()).isEqualTo(ContactChannel.SMS);
        assertThat(notice.reached()).isFalse();
        assertThat(notice.actor()).isEqualTo("survey-service");
        assertThat(notice.causationId()).isEqualTo(LINKED.eventId().toString());
        assertThat(notice.occurredAt()).isEqualTo(NOW);
        assertThat(notice.contactId()).isEqualTo("K-" + C + "-1");
        assertThat(notice.eventId()).isEqualTo(EventIds.of(EventType.CUSTOMER_CONTACTED, C, "K-" + C + "-1"));
        assertThat(notice.answer()).isNull();
        assertThat(notice.agreedNextContactBy()).isNull();
    }

    @Test
    void aChangedEstimateIsToldWithItsReason() {
        CaseState state = given(TestEvents.registered(C, T0), LINKED);
        state = applied(state, notice(state, LINKED));
        EstimatedRepairChanged changed = TestEvents.estimatedRepairChanged(C, 1, 2, T0.plusSeconds(3600), ESTIMATE,
                Instant.parse("2026-12-02T02:00:00Z"), "备件运输延误");
        state = applied(state, changed);

        IncidentNotices.Owed owed = IncidentNotices.owedBy(changed).orElseThrow();
        CustomerContacted notice = IncidentNotices.decide(state, new IncidentNotices.Owed(owed.causedBy(),
                owed.complaintId(), owed.incidentId(), owed.revision(), true, owed.estimatedRepairAt(),
                TestEvents.INCIDENT_TITLE, null, owed.reason()), SHANGHAI, NOW).orElseThrow();

        assertThat(notice.summary()).isEqualTo("【故障通知】泰州海陵区基站停电：预计修复时间调整为 2026-12-02 10:00。原因：备件运输延误。");
        assertThat(notice.contactId()).isEqualTo("K-" + C + "-2");
        assertThat(notice.causationId()).isEqualTo(changed.eventId().toString());
    }

    @Test
    void theSameNoticeDecidedAgainOnTheSameCaseIsTheSameFact() {
        CaseState state = given(TestEvents.registered(C, T0), TestEvents.contacted(C, T0.plusSeconds(30),
                ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true, null), LINKED);

        CustomerContacted first = notice(state, LINKED);
        CustomerContacted again = notice(state, LINKED);

        assertThat(again).isEqualTo(first);
        assertThat(first.contactId()).isEqualTo("K-" + C + "-2");
    }

    @Test
    void aNoticeIsSentNotReachedAndAnswersNothing() {
        CaseState state = given(TestEvents.registered(C, T0), LINKED);

        CaseState after = applied(state, notice(state, LINKED));

        assertThat(after.contacts()).hasSize(1);
        assertThat(after.firstReachedAt()).isEmpty();
        assertThat(after.answeredAt()).isEmpty();
    }

    @Test
    void aClosedCaseIsSentNothing() {
        CaseState closed = given(TestEvents.registered(C, T0), LINKED, TestEvents.returned(C, 1, T0.plusSeconds(120),
                false), TestEvents.surveyPassed(C, 1, T0.plusSeconds(180)), TestEvents.closed(C, 1,
                T0.plusSeconds(180), CloseOutcome.SATISFIED));

        assertThat(IncidentNotices.decide(closed, IncidentNotices.owedBy(LINKED).orElseThrow(), SHANGHAI, NOW))
                .isEmpty();
    }

    @Test
    void aTitleLeftUnknownIsTheIncidentsIdAndAFaultWithItsOwnFullStopIsNotStoppedTwice() {
        IncidentNotices.Owed owed = new IncidentNotices.Owed("x", C, "INC-1", 2, true, ESTIMATE, null, null, "抢修中。");
        assertThat(IncidentNotices.summary(owed, SHANGHAI))
                .isEqualTo("【故障通知】故障 INC-1：预计修复时间调整为 2026-12-01 18:00。原因：抢修中。");
    }

    @Test
    void theReturnOfAWorkOrderHeldByTheIncidentIsSurveyedAsUsual() {
        CaseState state = given(TestEvents.registered(C, T0), TestEvents.dispatched(C, T0, "network-ops"),
                TestEvents.incidentLinked(C, 2, TestEvents.workOrder(C, 1), T0.plusSeconds(60), ESTIMATE),
                TestEvents.returned(C, 2, T0.plusSeconds(7200), false));

        assertThat(Answers.pending(state)).isTrue();
        assertThat(SurveyTasks.of(state)).filteredOn(t -> t.status() == SurveyStatus.PENDING).singleElement()
                .satisfies(t -> assertThat(t.dispatchId()).isEqualTo(TestEvents.workOrder(C, 2)));
        Answers.Decision decision = Answers.decide(state, new AnswerRequest(true, true, null, null, null, "sv-3"),
                SurveyRules.defaults(), NOW, "request:r-1", null, null);
        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.SATISFIED);
        assertThat(((SurveyPassed) decision.events().get(0)).dispatchId()).isEqualTo(TestEvents.workOrder(C, 2));
        CaseState after = state;
        for (ComplaintEvent event : decision.events()) {
            after = applied(after, event);
        }
        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
    }
}
