package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault branch of seed 000's flow chart after a dissatisfied survey: our fault? Y → the customer-service
 * centre's own fault? Y → recorded (记录), with who is accountable; N → redispatched (二次派单). The return names
 * who was at fault; the surveyor still says whether the dissatisfaction is the operator's fault. Every decision is
 * folded with the contracts' CaseFold after the case's own events, and none may be rejected.
 */
class FaultOfTheReturnTest {

    private static final String C = "C-9";
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    private static final SurveyRules RULES = SurveyRules.defaults();
    /** The department's report of the returned work order, as the survey task keeps it. */
    private static final Map<String, String> REPORT = Map.of("reconstruction", "Base station lost power",
            "customerDemand", "Stable signal", "problemFound", "Battery failed", "measures", "Battery replaced");

    private static final AnswerRequest AT_FAULT = new AnswerRequest(true, false, " Told the wrong fee at the desk ",
            true, null, "sv-3");
    private static final AnswerRequest NOT_AT_FAULT = new AnswerRequest(true, false, "Wants free data", false,
            "Coverage plan explained; 1 GB offered instead", "sv-3");

    /**
     * A return of the {@code attempt}th work order naming {@code faultOf} (null: nobody, as a return of v1) and
     * {@code accountable}.
     */
    private static Returned returned(int attempt, FaultParty faultOf, String accountable) {
        Returned r = TestEvents.returned(C, attempt, T0, true);
        return new Returned(r.eventId(), r.complaintId(), r.occurredAt(), r.schemaVersion(), r.causationId(),
                r.actor(), r.dispatchId(), r.attempt(), r.department(), r.reconstruction(), r.customerDemand(),
                r.problemFound(), r.measures(), r.resolution(), faultOf == null || faultOf.operators(), faultOf,
                accountable);
    }

    /** A case whose {@code last.attempt()}th work order was just returned by {@code last}; earlier ones were redispatched. */
    private static List<ComplaintEvent> returnedBy(Returned last) {
        List<ComplaintEvent> events = new ArrayList<>(List.of(TestEvents.registered(C, T0),
                TestEvents.dispatched(C, T0, "network-ops")));
        for (int a = 1; a < last.attempt(); a++) {
            events.add(TestEvents.returned(C, a, T0, FaultParty.DEPARTMENT));
            events.add(TestEvents.surveyFailed(C, a, T0, true, true));
            events.add(TestEvents.redispatched(C, a + 1, T0, "network-ops-supervisor"));
        }
        events.add(last);
        return events;
    }

    private static CaseState given(List<ComplaintEvent> events) {
        CaseFold.Result result = CaseFold.fold(C, events);
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    /** The case's events and then the decision's, folded with the shared CaseFold: nothing may be rejected. */
    private static CaseState folded(List<ComplaintEvent> history, Answers.Decision decision) {
        List<ComplaintEvent> all = new ArrayList<>(history);
        all.addAll(decision.events());
        CaseFold.Result result = CaseFold.fold(C, all);
        assertThat(result.rejected()).as("rejected by the fold").isEmpty();
        return result.state();
    }

    private static Answers.Decision decide(CaseState state, AnswerRequest answer, String accountable) {
        return Answers.decide(state, answer, RULES, NOW, "request:r-1", null, accountable);
    }

    @Test
    void dissatisfiedAtTheCentresOwnFaultIsRecordedWithWhoIsAccountableAndClosedWithoutARedispatch() {
        List<ComplaintEvent> history = returnedBy(returned(1, FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3"));
        CaseState state = given(history);
        assertThat(Answers.pendingSubject(state).faultOf()).isEqualTo(FaultParty.CUSTOMER_SERVICE_CENTRE);

        Answers.Decision decision = decide(state, AT_FAULT, "desk 3");

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.RECORDED);
        assertThat(decision.dispatchId()).isEqualTo("C-9-W1");
        assertThat(decision.events()).hasSize(2);
        SurveyFailed failed = (SurveyFailed) decision.events().get(0);
        assertThat(failed.redispatch()).isFalse();
        assertThat(failed.handover()).isFalse();
        assertThat(failed.operatorAtFault()).isTrue();
        assertThat(failed.reason()).isEqualTo("Told the wrong fee at the desk");
        assertThat(failed.owesWorkOrder()).isFalse();
        ComplaintClosed closed = (ComplaintClosed) decision.events().get(1);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.RECORDED);
        assertThat(closed.schemaVersion()).isEqualTo(EventType.COMPLAINT_CLOSED.currentVersion()).isEqualTo(2);
        assertThat(closed.dispatchId()).isEqualTo("C-9-W1");
        assertThat(closed.causationId()).isEqualTo(failed.causationId());
        assertThat(closed.summary()).contains("customer-service centre was at fault").contains("work order C-9-W1")
                .endsWith("accountable: desk 3");

        CaseState after = folded(history, decision);
        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(after.closure().outcome()).isEqualTo(CloseOutcome.RECORDED);
        assertThat(after.workOrders()).hasSize(1);
        assertThat(SurveyTasks.of(after)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(SurveyStatus.CLOSED);
            assertThat(task.outcome()).isEqualTo(AnswerOutcome.RECORDED);
            assertThat(task.faultOf()).isEqualTo(FaultParty.CUSTOMER_SERVICE_CENTRE);
            assertThat(task.answeredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aReturnThatHeldNobodyAccountableIsRecordedWithoutANameAndAfterTheFinalAnswerGivenAtTheCall() {
        List<ComplaintEvent> history = returnedBy(returned(1, FaultParty.CUSTOMER_SERVICE_CENTRE, null));
        CaseState state = given(history);

        Answers.Decision decision = Answers.decide(state, AT_FAULT, RULES, NOW, "request:r-1", REPORT, null);

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.RECORDED);
        assertThat(decision.events()).extracting(e -> EventType.of(e)).containsExactly(EventType.CUSTOMER_CONTACTED,
                EventType.SURVEY_FAILED, EventType.COMPLAINT_CLOSED);
        assertThat(((ComplaintClosed) decision.events().get(2)).summary())
                .contains("customer-service centre was at fault").doesNotContain("accountable");
        assertThat(folded(history, decision).isClosed()).isTrue();
    }

    @Test
    void theCentresOwnFaultOnTheLastWorkOrderIsRecordedNotHandedToTheManagerHotline() {
        List<ComplaintEvent> history = returnedBy(returned(3, FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3"));

        Answers.Decision decision = decide(given(history), AT_FAULT, "desk 3");

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.RECORDED);
        SurveyFailed failed = (SurveyFailed) decision.events().get(0);
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(failed.handover()).isFalse();
        assertThat(((ComplaintClosed) decision.events().get(1)).outcome()).isEqualTo(CloseOutcome.RECORDED);
        assertThat(folded(history, decision).closure().outcome()).isEqualTo(CloseOutcome.RECORDED);
    }

    @Test
    void aDepartmentsFaultIsRedispatchedAsBefore() {
        List<ComplaintEvent> history = returnedBy(returned(1, FaultParty.DEPARTMENT, "crew 4"));

        Answers.Decision decision = decide(given(history), AT_FAULT, "crew 4");

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.REDISPATCHED);
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(SurveyFailed.class, failed -> {
            assertThat(failed.redispatch()).isTrue();
            assertThat(failed.handover()).isFalse();
            assertThat(failed.operatorAtFault()).isTrue();
        });
        CaseState after = folded(history, decision);
        assertThat(after.status()).isEqualTo(CaseStatus.DISSATISFIED);
        assertThat(after.lastSurveyFailure().owesWorkOrder()).isTrue();
        // Routing's redispatch fits the decision: the fold takes it.
        assertThat(CaseFold.apply(after, TestEvents.redispatched(C, 2, NOW, "network-ops-supervisor")).applied())
                .isTrue();
    }

    @Test
    void whenTheReturnNamedAnyoneButTheCentreOrNobodyTheOperatorsFaultIsRedispatchedAsBefore() {
        for (FaultParty faultOf : new FaultParty[] {FaultParty.THIRD_PARTY, FaultParty.CUSTOMER, FaultParty.NONE, null}) {
            List<ComplaintEvent> history = returnedBy(returned(1, faultOf, null));

            Answers.Decision decision = decide(given(history), AT_FAULT, null);

            assertThat(decision.outcome()).as("at fault, the return naming %s", faultOf)
                    .isEqualTo(AnswerOutcome.REDISPATCHED);
            assertThat(folded(history, decision).lastSurveyFailure().redispatch()).isTrue();
        }
    }

    @Test
    void theCentresFaultWithoutTheOperatorAtFaultIsExplainedOrHandedOverAsBefore() {
        List<ComplaintEvent> history = returnedBy(returned(1, FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3"));
        CaseState state = given(history);

        Answers.Decision explained = decide(state, NOT_AT_FAULT, "desk 3");
        Answers.Decision notAccepted = decide(state, new AnswerRequest(true, false, "Wants free data", false,
                "Coverage plan explained", "sv-3", false), "desk 3");

        assertThat(explained.outcome()).isEqualTo(AnswerOutcome.EXPLAINED);
        SurveyFailed failed = (SurveyFailed) explained.events().get(0);
        assertThat(failed.operatorAtFault()).isFalse();
        assertThat(failed.redispatch()).isFalse();
        ComplaintClosed closed = (ComplaintClosed) explained.events().get(1);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.EXPLAINED);
        assertThat(closed.summary()).startsWith("Operator not at fault").doesNotContain("desk 3");
        assertThat(folded(history, explained).closure().outcome()).isEqualTo(CloseOutcome.EXPLAINED);
        assertThat(notAccepted.outcome()).isEqualTo(AnswerOutcome.HANDED_OVER);
        assertThat(folded(history, notAccepted).lastSurveyFailure().handover()).isTrue();
    }

    @Test
    void afterTheManagerHotlinesWorkOrderTheCentresFaultClosesAsEscalatedAsBefore() {
        List<ComplaintEvent> history = returnedBy(returned(1, FaultParty.NONE, null));
        history.add(new SurveyFailed(UUID.randomUUID(), C, T0, EventType.SURVEY_FAILED.currentVersion(), null, "sv-1",
                "C-9-W1", 1, "Does not accept it", false, "Explained", false, true));
        history.add(TestEvents.redispatched(C, 2, T0, "manager-hotline"));
        history.add(returned(2, FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3"));
        CaseState state = given(history);
        assertThat(state.handedOver()).isTrue();

        Answers.Decision decision = decide(state, AT_FAULT, "desk 3");

        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.ESCALATED);
        assertThat(((ComplaintClosed) decision.events().get(1)).outcome()).isEqualTo(CloseOutcome.ESCALATED);
        assertThat(folded(history, decision).closure().outcome()).isEqualTo(CloseOutcome.ESCALATED);
    }

    @Test
    void routingsUrgesEscalationsNoticesAndTransfersFoldIntoTheCaseAndLeaveItsSurveyAsTheReturnMadeIt() {
        String w1 = "C-9-W1";
        Instant deadline = T0.plusSeconds(8 * 3600);
        List<ComplaintEvent> history = new ArrayList<>(List.of(TestEvents.registered(C, T0),
                TestEvents.dispatched(C, T0, "network-ops"),
                new WorkOrderUrged(UUID.randomUUID(), C, T0.plusSeconds(3600), 1, null, "routing-service", w1,
                        "network-ops", T0.plusSeconds(3600), deadline),
                new WorkOrderTransferred(UUID.randomUUID(), C, T0.plusSeconds(3700), 1, null, "routing-service", w1, 1,
                        "network-ops", "service-desk", "a billing question, not the network"),
                new WorkOrderEscalated(UUID.randomUUID(), C, deadline, 1, null, "routing-service", w1, "service-desk", 1,
                        "service-desk-lead", deadline),
                new EscalationNotice(UUID.randomUUID(), C, deadline, 2, null, "routing-service", w1,
                        "enterprise-management", NoticeReason.KEY_CUSTOMER_OVERDUE, "service-desk", deadline,
                        null),
                returned(1, FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3")));
        CaseState state = given(history);

        assertThat(SurveyTasks.of(state)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(SurveyStatus.PENDING);
            assertThat(task.outcome()).isNull();
            assertThat(task.department()).as("the department holding it after the transfer").isEqualTo("service-desk");
            assertThat(task.attempt()).isEqualTo(1);
            assertThat(task.faultOf()).isEqualTo(FaultParty.CUSTOMER_SERVICE_CENTRE);
        });
        Answers.Decision decision = decide(state, AT_FAULT, "desk 3");
        assertThat(decision.outcome()).isEqualTo(AnswerOutcome.RECORDED);
        assertThat(folded(history, decision).isClosed()).isTrue();
    }

    @Test
    void everyWayACaseClosesIsAnOutcomeOfItsLastSurvey() {
        // SurveyTasks reads a closed case's outcome by the closing's name: every CloseOutcome needs its AnswerOutcome.
        assertThat(Arrays.stream(CloseOutcome.values()).map(CloseOutcome::name))
                .allSatisfy(name -> assertThat(AnswerOutcome.valueOf(name).name()).isEqualTo(name));
    }
}
