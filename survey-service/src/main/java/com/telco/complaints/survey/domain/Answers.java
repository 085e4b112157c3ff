package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.rest.RequestProblems;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deciding a survey answer (DOMAIN.md §5): satisfied closes the case; dissatisfied through the
 * operator's fault is redispatched until the attempt limit, then handed to the manager hotline, except when the
 * return named the customer-service centre's own fault: that is recorded, with who is accountable, and the case
 * closes without a redispatch (seed 000: 调查是否为客服中心责任? Y → 记录; N → 二次派单); dissatisfied without
 * fault is explained and closed when the customer accepts the explanation, and handed to the manager hotline when
 * they do not; dissatisfied again after the hotline's work order
 * closes as escalated; a customer not reached is recorded, and at the limit is sent the final answer in
 * writing (unless it was) and the case closes as unreachable. Only a case whose current work order was returned
 * and not yet surveyed, or a complaint resolved at the first contact and not yet surveyed, has a survey pending:
 * the latter is surveyed on the answer given then, without a work order (its events name none, attempt 0), and a
 * dissatisfied customer owed a work order gets the case's first.
 *
 * <p>A customer reached at the survey call who was never given the final answer is given it then, from the
 * department's return, before anything else: nobody is surveyed on an answer never given.
 *
 * <p>Event ids are name-based on the fact (the work order, the call count, the case), so the same
 * answer decided twice is one fact on the log.
 */
public final class Answers {

    /** The case exists but is not waiting for a survey: not returned yet, answered already, or closed. */
    public static final class SurveyNotPending extends RequestProblems.Conflict {
        public SurveyNotPending(String message) {
            super("survey-not-pending", "No survey pending", message);
        }
    }

    /** The events an answer produces, in the order they go on the log. */
    public record Decision(AnswerOutcome outcome, String dispatchId, List<ComplaintEvent> events) {
        public Decision {
            events = List.copyOf(events);
        }
    }

    private Answers() {}

    /**
     * What a pending survey is about.
     *
     * @param dispatchId the returned work order; null for the answer given at the first contact
     * @param attempt    the work order's attempt; 0 for the answer given at the first contact
     * @param faultOf    who was at fault, as the work order's return named it; null when it named none, and for the
     *                   answer given at the first contact
     */
    public record Subject(String dispatchId, int attempt, FaultParty faultOf) {

        String named() {
            return dispatchId == null ? "the answer given at the first contact" : "work order " + dispatchId;
        }
    }

    /** What the pending survey is about. */
    public static Subject pendingSubject(CaseState state) {
        String complaintId = state.complaintId();
        if (state.status() == null) {
            throw new SurveyNotPending("Complaint " + complaintId + " is not registered");
        }
        WorkOrder current = state.currentWorkOrder().orElse(null);
        switch (state.status()) {
            case RETURNED:
                return new Subject(current.dispatchId(), current.attempt(), current.faultOf());
            case RESOLVED_AT_FIRST_CONTACT:
                return new Subject(null, 0, null);
            case TRIAGE:
                throw new SurveyNotPending("Complaint " + complaintId + " waits in triage for a department; "
                        + "no survey is pending");
            case REGISTERED:
                throw new SurveyNotPending("Complaint " + complaintId + " has no work order yet; no survey is pending");
            case DISPATCHED:
                throw new SurveyNotPending("Work order " + current.dispatchId() + " is still with " + current.department()
                        + "; no survey is pending until it is returned");
            case SATISFIED:
            case DISSATISFIED:
                if (current == null) {
                    throw new SurveyNotPending("The survey of the answer given at the first contact was already answered"
                            + (state.firstContactSurveyedAt() == null ? "" : " at " + state.firstContactSurveyedAt()));
                }
                throw new SurveyNotPending("The survey of work order " + current.dispatchId() + " was already answered"
                        + (current.surveyedAt() == null ? "" : " at " + current.surveyedAt()));
            case CLOSED:
            default:
                throw new SurveyNotPending("Complaint " + complaintId + " is closed"
                        + (state.closure() == null ? "" : " (" + state.closure().outcome() + ")")
                        + "; no survey is pending");
        }
    }

    /**
     * @param returnReport the department's report of the pending work order (its four parts); a customer reached
     *                     who was never given the final answer is given it from this report first
     * @param accountable  who the pending work order's return held accountable; named when the case closes as
     *                     recorded; null when it named nobody
     * @throws SurveyNotPending when the case is not waiting for a survey
     */
    public static Decision decide(CaseState state, AnswerRequest answer, SurveyRules rules, Instant now,
                                  String causationId, Map<String, String> returnReport, String accountable) {
        Decision decision = decideSurvey(state, answer, rules, now, causationId, accountable);
        if (!answer.reached()) {
            if (decision.outcome() != AnswerOutcome.UNREACHABLE) {
                return decision;
            }
            // Closed as unreachable only once the answer was sent in writing: by SMS now, when it was not.
            Optional<CustomerContacted> written = Contacts.answerInWriting(state, decision.dispatchId(), returnReport,
                    now, causationId, answer.surveyedBy().strip());
            if (written.isEmpty()) {
                return decision;
            }
            List<ComplaintEvent> events = new ArrayList<>(decision.events());
            events.add(events.size() - 1, written.get());
            return new Decision(decision.outcome(), decision.dispatchId(), events);
        }
        Optional<CustomerContacted> answered = Contacts.answerAtSurvey(state, decision.dispatchId(), returnReport, now,
                causationId, answer.surveyedBy().strip());
        if (answered.isEmpty()) {
            return decision;
        }
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(answered.get());
        events.addAll(decision.events());
        return new Decision(decision.outcome(), decision.dispatchId(), events);
    }

    private static Decision decideSurvey(CaseState state, AnswerRequest answer, SurveyRules rules, Instant now,
                                         String causationId, String accountable) {
        Subject subject = pendingSubject(state);
        String complaintId = state.complaintId();
        String dispatchId = subject.dispatchId();
        // Name-based ids: the work order's survey, or the first contact's survey (by the complaint number).
        String key = SurveyTask.key(complaintId, dispatchId);
        String actor = answer.surveyedBy().strip();

        if (!answer.reached()) {
            int count = state.unreachableCount() + 1;
            CustomerUnreachable unreachable = new CustomerUnreachable(
                    EventIds.of(EventType.CUSTOMER_UNREACHABLE, key, count), complaintId, now,
                    EventType.CUSTOMER_UNREACHABLE.currentVersion(), causationId, actor, dispatchId, count);
            if (count < rules.unreachableLimit()) {
                return new Decision(AnswerOutcome.NOT_REACHED, dispatchId, List.of(unreachable));
            }
            return new Decision(AnswerOutcome.UNREACHABLE, dispatchId, List.of(unreachable,
                    closed(state, dispatchId, CloseOutcome.UNREACHABLE, now, causationId, actor,
                            "Customer not reached in " + count + " survey calls")));
        }

        if (answer.satisfied()) {
            SurveyPassed passed = new SurveyPassed(EventIds.of(EventType.SURVEY_PASSED, key), complaintId, now,
                    EventType.SURVEY_PASSED.currentVersion(), causationId, actor, dispatchId, subject.attempt());
            return new Decision(AnswerOutcome.SATISFIED, dispatchId, List.of(passed,
                    closed(state, dispatchId, CloseOutcome.SATISFIED, now, causationId, actor,
                            "Customer satisfied with " + subject.named())));
        }

        boolean atFault = answer.operatorAtFault();
        boolean afterHotline = state.handedOver();
        // The customer-service centre's own fault is not another department's work to redo: recorded, not redispatched.
        boolean recorded = !afterHotline && atFault && subject.faultOf() == FaultParty.CUSTOMER_SERVICE_CENTRE;
        boolean redispatch = !afterHotline && !recorded && atFault && subject.attempt() < rules.attemptLimit();
        boolean explained = !atFault && answer.acceptsExplanation();
        boolean handover = !afterHotline && !recorded && !redispatch && !explained;
        SurveyFailed failed = new SurveyFailed(EventIds.of(EventType.SURVEY_FAILED, key), complaintId, now,
                EventType.SURVEY_FAILED.currentVersion(), causationId, actor, dispatchId, subject.attempt(),
                answer.reason().strip(), atFault, strip(answer.explanation()), redispatch, handover);
        if (redispatch) {
            return new Decision(AnswerOutcome.REDISPATCHED, dispatchId, List.of(failed));
        }
        if (explained) {
            return new Decision(AnswerOutcome.EXPLAINED, dispatchId, List.of(failed,
                    closed(state, dispatchId, CloseOutcome.EXPLAINED, now, causationId, actor,
                            "Operator not at fault: " + failed.explanation())));
        }
        if (recorded) {
            return new Decision(AnswerOutcome.RECORDED, dispatchId, List.of(failed,
                    closed(state, dispatchId, CloseOutcome.RECORDED, now, causationId, actor,
                            "The customer-service centre was at fault (the return of " + subject.named()
                                    + " named it): recorded, not redispatched"
                                    + (accountable == null ? "" : "; accountable: " + accountable))));
        }
        if (handover) {
            return new Decision(AnswerOutcome.HANDED_OVER, dispatchId, List.of(failed));
        }
        return new Decision(AnswerOutcome.ESCALATED, dispatchId, List.of(failed,
                closed(state, dispatchId, CloseOutcome.ESCALATED, now, causationId, actor,
                        "Dissatisfied after the manager hotline's work order " + dispatchId)));
    }

    private static ComplaintClosed closed(CaseState state, String dispatchId, CloseOutcome outcome, Instant now,
                                          String causationId, String actor, String summary) {
        return new ComplaintClosed(EventIds.of(EventType.COMPLAINT_CLOSED, state.complaintId()), state.complaintId(),
                now, EventType.COMPLAINT_CLOSED.currentVersion(), causationId, actor, outcome, dispatchId, summary);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether {@code state} is waiting for a survey answer. */
    public static boolean pending(CaseState state) {
        return state.surveyPending();
    }
}
