package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The pure fold of a case's events into its lifecycle state, enforcing the state machine of
 * DESIGN.md. An event that does not fit is rejected with a reason and leaves the state as it was;
 * callers count and log rejections, and never stop on them.
 *
 * <p>SLA events annotate work orders rather than move the case: they are accepted in any state,
 * even after closing (a warning found late after downtime is still a true fact), as long as the
 * clock they name is known and had not stopped before the warning point or deadline. Routing's urges,
 * escalations and notices annotate their work order the same way, each once (escalations one level after the
 * other); a transfer moves an open work order to another department and keeps everything else, its RETURN
 * clock included.
 */
public final class CaseFold {

    private CaseFold() {}

    /** The state after all of {@code events}, in order, and the events that were rejected. */
    public static Result fold(String complaintId, Iterable<? extends ComplaintEvent> events) {
        CaseState state = CaseState.initial(complaintId);
        List<Rejected> rejected = new ArrayList<>();
        for (ComplaintEvent event : events) {
            Transition transition = apply(state, event);
            if (transition instanceof Transition.Rejected r) {
                rejected.add(new Rejected(event, r.rejection()));
            }
            state = transition.state();
        }
        return new Result(state, rejected);
    }

    public record Rejected(ComplaintEvent event, Rejection rejection) {}

    public record Result(CaseState state, List<Rejected> rejected) {
        public Result {
            rejected = List.copyOf(rejected);
        }
    }

    /** Applies one event to a case. */
    public static Transition apply(CaseState state, ComplaintEvent event) {
        if (!event.complaintId().equals(state.complaintId())) {
            return reject(state, RejectionReason.OTHER_CASE,
                    "event of " + event.complaintId() + " folded into " + state.complaintId());
        }
        if (!state.isRegistered() && !(event instanceof ComplaintRegistered)) {
            return reject(state, RejectionReason.NOT_REGISTERED,
                    EventType.of(event).eventName() + " for unregistered " + state.complaintId());
        }
        Transition transition = switch (EventType.of(event)) {
            case COMPLAINT_REGISTERED -> registered(state, (ComplaintRegistered) event);
            case DISPATCHED -> dispatched(state, (Dispatched) event);
            case RETURNED -> returned(state, (Returned) event);
            case SURVEY_PASSED -> surveyPassed(state, (SurveyPassed) event);
            case SURVEY_FAILED -> surveyFailed(state, (SurveyFailed) event);
            case CUSTOMER_UNREACHABLE -> customerUnreachable(state, (CustomerUnreachable) event);
            case REDISPATCHED -> redispatched(state, (Redispatched) event);
            case SLA_CLOCK_STARTED -> clockStarted(state, (SlaClockStarted) event);
            case SLA_WARNING_RAISED -> warningRaised(state, (SlaWarningRaised) event);
            case SLA_BREACHED -> breached(state, (SlaBreached) event);
            case COMPLAINT_CLOSED -> closed(state, (ComplaintClosed) event);
            case CUSTOMER_CONTACTED -> contacted(state, (CustomerContacted) event);
            case AWAITING_TRIAGE -> awaitingTriage(state, (AwaitingTriage) event);
            case WORK_ORDER_URGED -> urged(state, (WorkOrderUrged) event);
            case WORK_ORDER_ESCALATED -> escalated(state, (WorkOrderEscalated) event);
            case ESCALATION_NOTICE -> noticed(state, (EscalationNotice) event);
            case WORK_ORDER_TRANSFERRED -> transferred(state, (WorkOrderTransferred) event);
            case INCIDENT_LINKED -> linked(state, (IncidentLinked) event);
            case ESTIMATED_REPAIR_CHANGED -> rescheduled(state, (EstimatedRepairChanged) event);
            case SP_PROOF_RECEIVED -> proved(state, (SpProofReceived) event);
            case PROVISIONAL_REFUND_GRANTED -> refunded(state, (ProvisionalRefundGranted) event);
        };
        return transition.applied() ? new Transition.Applied(transition.state().counted(event.occurredAt()))
                : transition;
    }

    private static Transition registered(CaseState state, ComplaintRegistered event) {
        if (state.isRegistered()) {
            return reject(state, RejectionReason.ALREADY_REGISTERED, state.complaintId() + " is already registered");
        }
        return applied(state.withRegistration(event));
    }

    private static Transition dispatched(CaseState state, Dispatched event) {
        Optional<Transition> refused = refuseIfClosed(state, event.dispatchId())
                .or(() -> refuseIfKnown(state, event.dispatchId()));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (state.status() != CaseStatus.REGISTERED && state.status() != CaseStatus.TRIAGE
                && !owesFirstWorkOrder(state)) {
            return reject(state, RejectionReason.ALREADY_DISPATCHED, state.workOrders().isEmpty()
                    ? state.complaintId() + " is " + state.status() + "; no work order is owed"
                    : state.complaintId() + " already has work order " + currentId(state));
        }
        if (event.attempt() != 1) {
            return reject(state, RejectionReason.WRONG_ATTEMPT, "a first dispatch has attempt 1, not " + event.attempt());
        }
        SurveyFailed failure = state.lastSurveyFailure();
        boolean handover = failure != null && Boolean.TRUE.equals(failure.handover());
        return applied(state.withWorkOrderAdded(WorkOrder.dispatched(event.dispatchId(), 1, event.department(),
                event.rule(), null, event.occurredAt(), handover, failure == null ? null : failure.reason())));
    }

    private static Transition returned(CaseState state, Returned event) {
        Optional<WorkOrder> workOrder = state.workOrder(event.dispatchId());
        if (workOrder.isEmpty()) {
            return reject(state, RejectionReason.UNKNOWN_WORK_ORDER,
                    "Returned names work order " + event.dispatchId() + " unknown in " + state.complaintId());
        }
        Optional<Transition> refused = refuseIfClosed(state, event.dispatchId());
        if (refused.isPresent()) {
            return refused.get();
        }
        switch (workOrder.get().status()) {
            case RETURNED:
                return reject(state, RejectionReason.ALREADY_RETURNED, "work order " + event.dispatchId()
                        + " was returned at " + workOrder.get().returnedAt());
            case SUPERSEDED:
                return reject(state, RejectionReason.SUPERSEDED, "work order " + event.dispatchId() + " was superseded");
            case OPEN:
            default:
                CaseState next = state.withWorkOrder(event.dispatchId(),
                        w -> w.returned(event.occurredAt(), event.resolution(), event.operatorAtFault(), event.faultOf()));
                return applied(next.withStatus(CaseStatus.RETURNED).withUnreachableCount(0));
        }
    }

    private static Transition surveyPassed(CaseState state, SurveyPassed event) {
        return refuseUnlessSurveyPending(state, event.dispatchId())
                .orElseGet(() -> applied(surveyed(state, event.dispatchId(), event.occurredAt())
                        .withStatus(CaseStatus.SATISFIED)));
    }

    private static Transition surveyFailed(CaseState state, SurveyFailed event) {
        return refuseUnlessSurveyPending(state, event.dispatchId())
                .orElseGet(() -> applied(surveyed(state, event.dispatchId(), event.occurredAt())
                        .withSurveyFailure(event)));
    }

    /** The survey of the work order, or (without one) of the answer given at the first contact, was answered. */
    private static CaseState surveyed(CaseState state, String dispatchId, Instant at) {
        return dispatchId == null ? state.withFirstContactSurveyed(at)
                : state.withWorkOrder(dispatchId, w -> w.surveyed(at));
    }

    /** A customer dissatisfied with the answer given at the first contact is owed the case's first work order. */
    private static boolean owesFirstWorkOrder(CaseState state) {
        return state.workOrders().isEmpty() && state.status() == CaseStatus.DISSATISFIED
                && state.lastSurveyFailure() != null && state.lastSurveyFailure().owesWorkOrder();
    }

    private static Transition customerUnreachable(CaseState state, CustomerUnreachable event) {
        return refuseUnlessSurveyPending(state, event.dispatchId())
                .orElseGet(() -> applied(state.withUnreachableCount(state.unreachableCount() + 1)));
    }

    private static Transition redispatched(CaseState state, Redispatched event) {
        Optional<Transition> refused = refuseIfClosed(state, event.dispatchId())
                .or(() -> refuseIfKnown(state, event.dispatchId()));
        if (refused.isPresent()) {
            return refused.get();
        }
        WorkOrder previous = state.workOrder(event.previousDispatchId()).orElse(null);
        if (previous == null) {
            return reject(state, RejectionReason.UNKNOWN_WORK_ORDER,
                    "Redispatched replaces unknown work order " + event.previousDispatchId());
        }
        if (!previous.dispatchId().equals(currentId(state))) {
            return reject(state, RejectionReason.SUPERSEDED,
                    "Redispatched replaces " + previous.dispatchId() + " but the current work order is " + currentId(state));
        }
        if (state.status() != CaseStatus.DISSATISFIED || !state.lastSurveyFailure().owesWorkOrder()) {
            return reject(state, RejectionReason.NO_REDISPATCH_DECIDED,
                    "no failed survey decided a redispatch of " + previous.dispatchId() + " (case is " + state.status() + ")");
        }
        if (event.attempt() != previous.attempt() + 1) {
            return reject(state, RejectionReason.WRONG_ATTEMPT,
                    "redispatch after attempt " + previous.attempt() + " must be attempt " + (previous.attempt() + 1)
                            + ", not " + event.attempt());
        }
        return applied(state.withWorkOrderAdded(WorkOrder.dispatched(event.dispatchId(), event.attempt(),
                event.department(), event.rule(), event.previousDispatchId(), event.occurredAt(),
                Boolean.TRUE.equals(state.lastSurveyFailure().handover()), state.lastSurveyFailure().reason())));
    }

    private static Transition closed(CaseState state, ComplaintClosed event) {
        if (state.isClosed()) {
            return reject(state, RejectionReason.CASE_CLOSED, state.complaintId() + " is already closed");
        }
        CloseOutcome outcome = event.outcome();
        boolean allowed = switch (state.status()) {
            case SATISFIED -> outcome == CloseOutcome.SATISFIED;
            case DISSATISFIED -> !state.lastSurveyFailure().owesWorkOrder()
                    && (outcome == CloseOutcome.EXPLAINED || outcome == CloseOutcome.ESCALATED
                    || outcome == CloseOutcome.RECORDED);
            case RETURNED, RESOLVED_AT_FIRST_CONTACT -> outcome == CloseOutcome.UNREACHABLE;
            case REGISTERED, TRIAGE, DISPATCHED, CLOSED -> false;
        };
        if (!allowed) {
            return reject(state, RejectionReason.CANNOT_CLOSE,
                    "a " + state.status() + " case cannot close as " + outcome);
        }
        CaseState next = state;
        Optional<WorkOrder> current = state.currentWorkOrder();
        if (current.isPresent() && current.get().surveyedAt() == null) {
            next = next.withWorkOrder(current.get().dispatchId(), w -> w.surveyed(event.occurredAt()));
        } else if (current.isEmpty() && state.resolvedAtFirstContact() && state.firstContactSurveyedAt() == null) {
            next = next.withFirstContactSurveyed(event.occurredAt());
        }
        return applied(next.withClosure(event));
    }

    private static Transition awaitingTriage(CaseState state, AwaitingTriage event) {
        if (state.status() != CaseStatus.REGISTERED && !owesFirstWorkOrder(state)) {
            return reject(state, RejectionReason.ALREADY_DISPATCHED, state.complaintId() + " is " + state.status()
                    + "; only a registered complaint, or one owed its first work order, waits for triage");
        }
        return applied(state.withTriage(event));
    }

    private static Transition contacted(CaseState state, CustomerContacted event) {
        if (state.isClosed()) {
            return reject(state, RejectionReason.CASE_CLOSED,
                    state.complaintId() + " is closed; contact " + event.contactId() + " not applied");
        }
        if (state.contacts().stream().anyMatch(c -> c.contactId().equals(event.contactId()))) {
            return reject(state, RejectionReason.DUPLICATE_CONTACT, "contact " + event.contactId() + " exists");
        }
        return applied(state.withContact(event));
    }

    private static Transition clockStarted(CaseState state, SlaClockStarted event) {
        if (event.dispatchId() != null && state.workOrder(event.dispatchId()).isEmpty()) {
            return reject(state, RejectionReason.UNKNOWN_WORK_ORDER,
                    event.clock() + " clock for unknown work order " + event.dispatchId());
        }
        if (state.clock(event.clock(), event.dispatchId(), event.sequence()).isPresent()) {
            return reject(state, RejectionReason.CLOCK_ALREADY_STARTED,
                    event.clock() + " clock of " + clockName(state, event.dispatchId()) + " is already running");
        }
        return applied(state.withClock(new ClockState(event.clock(), event.dispatchId(), event.startedAt(),
                event.warnAt(), event.deadline(), event.policy() == null ? null : event.policy().id(), null, null,
                event.sequence(), null, null)));
    }

    private static Transition warningRaised(CaseState state, SlaWarningRaised event) {
        Optional<ClockState> clock = state.clock(event.clock(), event.dispatchId(), event.sequence());
        if (clock.isEmpty()) {
            return reject(state, RejectionReason.UNKNOWN_CLOCK,
                    "warning for a " + event.clock() + " clock never started for " + clockName(state, event.dispatchId()));
        }
        if (clock.get().warnedAt() != null) {
            return reject(state, RejectionReason.ALREADY_WARNED,
                    event.clock() + " clock of " + clockName(state, event.dispatchId()) + " already warned");
        }
        Optional<Instant> stopped = state.stoppedAt(clock.get());
        if (stopped.isPresent() && !stopped.get().isAfter(clock.get().warnAt())) {
            return reject(state, RejectionReason.CLOCK_STOPPED_BEFORE,
                    event.clock() + " clock stopped at " + stopped.get() + ", before its warning at " + clock.get().warnAt());
        }
        return applied(state.withClock(clock.get().warned(event.occurredAt(), event.eventId())));
    }

    private static Transition breached(CaseState state, SlaBreached event) {
        Optional<ClockState> clock = state.clock(event.clock(), event.dispatchId(), event.sequence());
        if (clock.isEmpty()) {
            return reject(state, RejectionReason.UNKNOWN_CLOCK,
                    "breach of a " + event.clock() + " clock never started for " + clockName(state, event.dispatchId()));
        }
        if (clock.get().breachedAt() != null) {
            return reject(state, RejectionReason.ALREADY_BREACHED,
                    event.clock() + " clock of " + clockName(state, event.dispatchId()) + " already breached");
        }
        Optional<Instant> stopped = state.stoppedAt(clock.get());
        if (stopped.isPresent() && !stopped.get().isAfter(clock.get().deadline())) {
            return reject(state, RejectionReason.CLOCK_STOPPED_BEFORE,
                    event.clock() + " clock stopped at " + stopped.get() + ", before its deadline " + clock.get().deadline());
        }
        return applied(state.withClock(clock.get().breached(event.occurredAt(), event.eventId())));
    }

    private static Transition urged(CaseState state, WorkOrderUrged event) {
        return annotate(state, event.dispatchId(), "WorkOrderUrged", w -> w.urgedAt() == null ? null
                : reject(state, RejectionReason.ALREADY_URGED, "work order " + w.dispatchId() + " was urged at "
                        + w.urgedAt()), w -> w.urged(event.occurredAt()));
    }

    private static Transition escalated(CaseState state, WorkOrderEscalated event) {
        return annotate(state, event.dispatchId(), "WorkOrderEscalated", w -> event.level() == w.escalationLevel() + 1
                        ? null : reject(state, RejectionReason.WRONG_ESCALATION_LEVEL, "work order " + w.dispatchId()
                        + " is at escalation level " + w.escalationLevel() + "; the next is " + (w.escalationLevel() + 1)
                        + ", not " + event.level()),
                w -> w.escalated(event.level()));
    }

    /**
     * A notice of an overdue work order is kept on it, once. A notice of an incident (v2) concerns the incident, not
     * the order it names (the complaint whose link tipped it): it is accepted on a known order without marking it,
     * so one link may tip both incident reasons; its id (incident and reason) keeps it once.
     */
    private static Transition noticed(CaseState state, EscalationNotice event) {
        if (event.incidentId() != null) {
            return annotate(state, event.dispatchId(), "EscalationNotice", w -> null, w -> w);
        }
        return annotate(state, event.dispatchId(), "EscalationNotice", w -> w.noticedAt() == null ? null
                : reject(state, RejectionReason.ALREADY_NOTIFIED, "management was told of work order " + w.dispatchId()
                        + " at " + w.noticedAt()), w -> w.noticed(event.occurredAt()));
    }

    /**
     * Routing's note on a work order (an urge, an escalation, a notice): accepted whatever became of the order
     * since (a fact decided while it was open stays true), refused only when the order is unknown or {@code refusal}
     * finds one.
     */
    private static Transition annotate(CaseState state, String dispatchId, String name,
                                       Function<WorkOrder, Transition> refusal,
                                       UnaryOperator<WorkOrder> change) {
        Optional<WorkOrder> workOrder = state.workOrder(dispatchId);
        if (workOrder.isEmpty()) {
            return reject(state, RejectionReason.UNKNOWN_WORK_ORDER,
                    name + " names work order " + dispatchId + " unknown in " + state.complaintId());
        }
        Transition refused = refusal.apply(workOrder.get());
        return refused != null ? refused : applied(state.withWorkOrder(dispatchId, change));
    }

    private static Transition transferred(CaseState state, WorkOrderTransferred event) {
        Optional<WorkOrder> workOrder = state.workOrder(event.dispatchId());
        if (workOrder.isEmpty()) {
            return reject(state, RejectionReason.UNKNOWN_WORK_ORDER,
                    "WorkOrderTransferred names work order " + event.dispatchId() + " unknown in " + state.complaintId());
        }
        Optional<Transition> refused = refuseIfClosed(state, event.dispatchId());
        if (refused.isPresent()) {
            return refused.get();
        }
        WorkOrder w = workOrder.get();
        if (w.status() == WorkOrderStatus.RETURNED) {
            return reject(state, RejectionReason.ALREADY_RETURNED, "work order " + w.dispatchId()
                    + " was returned at " + w.returnedAt() + "; only an open one is transferred");
        }
        if (w.status() == WorkOrderStatus.SUPERSEDED) {
            return reject(state, RejectionReason.SUPERSEDED, "work order " + w.dispatchId() + " was superseded");
        }
        if (w.department().equals(event.toDepartment())) {
            return reject(state, RejectionReason.SAME_DEPARTMENT, "work order " + w.dispatchId() + " is already "
                    + event.toDepartment() + "'s");
        }
        if (event.transfer() != w.transfers() + 1) {
            return reject(state, RejectionReason.WRONG_TRANSFER, "work order " + w.dispatchId() + " was transferred "
                    + w.transfers() + " times; the next transfer is " + (w.transfers() + 1) + ", not " + event.transfer());
        }
        return applied(state.withWorkOrder(w.dispatchId(), o -> o.transferredTo(event.toDepartment())));
    }

    /**
     * A complaint not yet answered by a department joins an incident: registered, waiting for triage, or dispatched
     * with its work order still open (which the incident's supersedes). Once.
     */
    private static Transition linked(CaseState state, IncidentLinked event) {
        Optional<Transition> refused = refuseIfClosed(state, event.dispatchId())
                .or(() -> refuseIfKnown(state, event.dispatchId()));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (state.incident() != null) {
            return reject(state, RejectionReason.ALREADY_LINKED, state.complaintId() + " is linked to incident "
                    + state.incident().incidentId());
        }
        Optional<WorkOrder> current = state.currentWorkOrder();
        boolean linkable = switch (state.status()) {
            case REGISTERED, TRIAGE -> current.isEmpty();
            case DISPATCHED -> current.isPresent() && current.get().status() == WorkOrderStatus.OPEN;
            default -> false;
        };
        if (!linkable) {
            return reject(state, RejectionReason.NOT_LINKABLE, state.complaintId() + " is " + state.status()
                    + "; only a complaint not yet answered by a department joins an incident");
        }
        String previous = current.map(WorkOrder::dispatchId).orElse(null);
        int attempt = current.map(w -> w.attempt() + 1).orElse(1);
        if (event.attempt() != attempt || !Objects.equals(event.previousDispatchId(), previous)) {
            return reject(state, RejectionReason.WRONG_ATTEMPT, "a link of " + state.complaintId() + " is attempt "
                    + attempt + " after " + previous + ", not " + event.attempt() + " after " + event.previousDispatchId());
        }
        return applied(state.withWorkOrderAdded(WorkOrder.dispatched(event.dispatchId(), attempt, event.department(),
                        "incident:" + event.incidentId(), previous, event.occurredAt(), false, null))
                .withIncident(new IncidentLink(event.incidentId(), event.dispatchId(), event.occurredAt(),
                        event.estimatedRepairAt(), event.revision())));
    }

    private static Transition rescheduled(CaseState state, EstimatedRepairChanged event) {
        IncidentLink link = state.incident();
        if (link == null || !link.incidentId().equals(event.incidentId())) {
            return reject(state, RejectionReason.UNKNOWN_INCIDENT, state.complaintId() + " is not linked to incident "
                    + event.incidentId());
        }
        if (state.isClosed()) {
            return reject(state, RejectionReason.CASE_CLOSED, state.complaintId() + " is closed; estimate "
                    + event.revision() + " of " + event.incidentId() + " not applied");
        }
        if (event.revision() != link.revision() + 1) {
            return reject(state, RejectionReason.WRONG_REVISION, "the estimate of " + event.incidentId() + " known to "
                    + state.complaintId() + " is revision " + link.revision() + "; the next is " + (link.revision() + 1)
                    + ", not " + event.revision());
        }
        return applied(state.withIncident(link.rescheduled(event.estimatedRepairAt(), event.revision())));
    }

    private static Transition proved(CaseState state, SpProofReceived event) {
        return refuseUnlessDisputeOpen(state)
                .orElseGet(() -> applied(state.withDispute(DisputeOutcome.proved(event.occurredAt()))));
    }

    /**
     * A proof (before the PROOF deadline: routing's door judges that) and a refund (at the deadline) end the dispute
     * whether the case is closed or not: closing the complaint does not settle the charge.
     */
    private static Transition refunded(CaseState state, ProvisionalRefundGranted event) {
        return refuseUnlessDisputeOpen(state)
                .orElseGet(() -> applied(state.withDispute(DisputeOutcome.refunded(event.occurredAt(), event.amountFen()))));
    }

    private static Optional<Transition> refuseUnlessDisputeOpen(CaseState state) {
        if (!state.disputesACharge()) {
            return Optional.of(reject(state, RejectionReason.NOT_A_DISPUTE,
                    state.complaintId() + " disputes no service provider's charge"));
        }
        DisputeOutcome outcome = state.dispute();
        if (outcome != null && outcome.proofReceivedAt() != null) {
            return Optional.of(reject(state, RejectionReason.PROOF_ALREADY_RECEIVED, "the charge disputed in "
                    + state.complaintId() + " was proved at " + outcome.proofReceivedAt()));
        }
        if (outcome != null && outcome.refundGrantedAt() != null) {
            return Optional.of(reject(state, RejectionReason.REFUND_ALREADY_GRANTED, state.complaintId()
                    + " was refunded provisionally at " + outcome.refundGrantedAt()));
        }
        return Optional.empty();
    }

    private static Optional<Transition> refuseUnlessSurveyPending(CaseState state, String dispatchId) {
        Optional<Transition> closed = refuseIfClosed(state, dispatchId);
        if (closed.isPresent()) {
            return closed;
        }
        if (dispatchId == null) {
            return state.status() == CaseStatus.RESOLVED_AT_FIRST_CONTACT ? Optional.empty()
                    : Optional.of(reject(state, RejectionReason.NO_SURVEY_PENDING, state.complaintId() + " is "
                            + state.status() + "; a survey without a work order is of an answer given at the first contact"));
        }
        Optional<WorkOrder> workOrder = state.workOrder(dispatchId);
        if (workOrder.isEmpty()) {
            return Optional.of(reject(state, RejectionReason.UNKNOWN_WORK_ORDER,
                    "survey of unknown work order " + dispatchId + " in " + state.complaintId()));
        }
        if (workOrder.get().status() == WorkOrderStatus.SUPERSEDED) {
            return Optional.of(reject(state, RejectionReason.SUPERSEDED, "survey of superseded work order " + dispatchId));
        }
        if (state.status() != CaseStatus.RETURNED) {
            return Optional.of(reject(state, RejectionReason.NO_SURVEY_PENDING,
                    state.complaintId() + " is " + state.status() + ", no survey is pending"));
        }
        return Optional.empty();
    }

    private static Optional<Transition> refuseIfClosed(CaseState state, String dispatchId) {
        return state.isClosed()
                ? Optional.of(reject(state, RejectionReason.CASE_CLOSED,
                        state.complaintId() + " is closed; event for work order " + dispatchId + " not applied"))
                : Optional.empty();
    }

    private static Optional<Transition> refuseIfKnown(CaseState state, String dispatchId) {
        return state.workOrder(dispatchId).isPresent()
                ? Optional.of(reject(state, RejectionReason.DUPLICATE_WORK_ORDER, "work order " + dispatchId + " exists"))
                : Optional.empty();
    }

    private static String currentId(CaseState state) {
        return state.currentWorkOrder().map(WorkOrder::dispatchId).orElse(null);
    }

    private static String clockName(CaseState state, String dispatchId) {
        return dispatchId == null ? state.complaintId() : "work order " + dispatchId;
    }

    private static Transition applied(CaseState state) {
        return new Transition.Applied(state);
    }

    private static Transition reject(CaseState state, RejectionReason reason, String detail) {
        return new Transition.Rejected(state, new Rejection(reason, detail));
    }
}
