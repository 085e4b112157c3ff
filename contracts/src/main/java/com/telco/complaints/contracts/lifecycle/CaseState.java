package com.telco.complaints.contracts.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SurveyFailed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A case folded from its events. Immutable; {@link CaseFold} is the only way to a new state.
 *
 * @param status            null until the case is registered
 * @param workOrders        in attempt order; the last one is the current work order
 * @param lastSurveyFailure the failed survey of the current work order, if its survey failed
 * @param unreachableCount  survey attempts that did not reach the customer for the current work order
 * @param contacts          the customer desk's contacts with the customer, in log order
 * @param triage            why the complaint waited for an operator to dispatch it; null when a rule fitted
 * @param firstContactSurveyedAt when the survey of the answer given at the first contact was answered (a complaint
 *                          resolved at the first contact has no work order to hold it)
 * @param incident          the outage incident the case is linked to; null when it is not
 * @param dispute           how the registration's billing dispute ended; null while it is open or when there is none
 */
public record CaseState(
        String complaintId, CaseStatus status, ComplaintRegistered registration,
        List<WorkOrder> workOrders, List<ClockState> clocks, SurveyFailed lastSurveyFailure,
        int unreachableCount, ComplaintClosed closure, List<CustomerContacted> contacts, AwaitingTriage triage,
        Instant lastEventAt, int eventCount, Instant firstContactSurveyedAt, IncidentLink incident,
        DisputeOutcome dispute) {

    public CaseState {
        workOrders = List.copyOf(workOrders);
        clocks = List.copyOf(clocks);
        // States kept before the customer desk existed have no contacts.
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** A case of which nothing is known yet. */
    public static CaseState initial(String complaintId) {
        return new CaseState(complaintId, null, null, List.of(), List.of(), null, 0, null, List.of(), null, null, 0, null,
                null, null);
    }

    @JsonIgnore
    public boolean isRegistered() {
        return registration != null;
    }

    @JsonIgnore
    public boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    @JsonIgnore
    public Optional<WorkOrder> currentWorkOrder() {
        return workOrders.isEmpty() ? Optional.empty() : Optional.of(workOrders.get(workOrders.size() - 1));
    }

    public Optional<WorkOrder> workOrder(String dispatchId) {
        return workOrders.stream().filter(w -> w.dispatchId().equals(dispatchId)).findFirst();
    }

    public Optional<ClockState> clock(SlaClock clock, String dispatchId) {
        return clock(clock, dispatchId, null);
    }

    public Optional<ClockState> clock(SlaClock clock, String dispatchId, Integer sequence) {
        return clocks.stream().filter(c -> c.watches(clock, dispatchId, sequence)).findFirst();
    }

    /** When the customer was first reached: a reached contact, or a survey call that was answered. */
    @JsonIgnore
    public Optional<Instant> firstReachedAt() {
        Instant contact = contacts.stream().filter(CustomerContacted::reachedCustomer)
                .map(CustomerContacted::occurredAt).findFirst().orElse(null);
        Instant survey = workOrders.stream().filter(w -> !closedUnreached(w)).map(WorkOrder::surveyedAt)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
        return Optional.ofNullable(earliest(earliest(contact, survey), resolvedAtFirstContactAt()));
    }

    /** The customer was handed over to the manager hotline: a work order of the hotline exists. */
    @JsonIgnore
    public boolean handedOver() {
        return workOrders.stream().anyMatch(WorkOrder::handover);
    }

    /** When the final answer was sent in writing (SMS, e-mail, letter). */
    @JsonIgnore
    public Optional<Instant> answeredInWritingAt() {
        return contacts.stream().filter(c -> c.answers() && c.channel().inWriting())
                .map(CustomerContacted::occurredAt).findFirst();
    }

    /** When the final answer reached the customer or was sent in writing (at the first contact, if resolved then). */
    @JsonIgnore
    public Optional<Instant> answeredAt() {
        Instant contact = contacts.stream().filter(CustomerContacted::answers).map(CustomerContacted::occurredAt)
                .findFirst().orElse(null);
        return Optional.ofNullable(earliest(contact, resolvedAtFirstContactAt()));
    }

    /** The complaint was resolved during the first contact: registered without a work order, answered then. */
    @JsonIgnore
    public boolean resolvedAtFirstContact() {
        return registration != null && registration.resolvedOnTheSpot();
    }

    /** Whether a survey answer is awaited: of the returned work order, or of the answer given at the first contact. */
    @JsonIgnore
    public boolean surveyPending() {
        return status == CaseStatus.RETURNED || status == CaseStatus.RESOLVED_AT_FIRST_CONTACT;
    }

    private Instant resolvedAtFirstContactAt() {
        return resolvedAtFirstContact() ? registration.occurredAt() : null;
    }

    /** Number of work orders the case has had. */
    @JsonIgnore
    public int attempts() {
        return workOrders.size();
    }

    /** Warnings of the deadlines the operator owes; a PROOF clock is the service provider's deadline, not ours. */
    @JsonIgnore
    public long warningCount() {
        return clocks.stream().filter(c -> c.clock() != SlaClock.PROOF && c.warnedAt() != null).count();
    }

    /** Breaches of the deadlines the operator owes; a PROOF breach earns the customer a refund, not a breach. */
    @JsonIgnore
    public long breachCount() {
        return clocks.stream().filter(c -> c.clock() != SlaClock.PROOF && c.breachedAt() != null).count();
    }

    /** When the awaited event of a clock happened, in event time; empty while it runs. */
    public Optional<Instant> stoppedAt(ClockState clock) {
        Instant closedAt = closure == null ? null : closure.occurredAt();
        Instant stop = switch (clock.clock()) {
            case RETURN -> workOrder(clock.dispatchId()).map(WorkOrder::returnedAt).orElse(null);
            case SURVEY -> clock.dispatchId() == null ? firstContactSurveyedAt
                    : workOrder(clock.dispatchId()).map(WorkOrder::surveyedAt).orElse(null);
            case CASE -> closedAt;
            case CONTACT -> firstReachedAt().orElse(null);
            case ANSWER -> answeredAt().orElse(null);
            case PROGRESS -> progressStoppedAt(clock);
            case DISPATCH -> workOrders.isEmpty() ? null : workOrders.get(0).dispatchedAt();
            case PROOF -> dispute == null ? null : dispute.proofReceivedAt();
        };
        if (clock.clock() == SlaClock.PROOF) {
            return Optional.ofNullable(stop);
        }
        return Optional.ofNullable(earliest(stop, closedAt));
    }

    /** The work order's survey ended by closing the case as unreachable: its "survey time" reached nobody. */
    private boolean closedUnreached(WorkOrder w) {
        return closure != null && closure.outcome() == com.telco.complaints.contracts.event.CloseOutcome.UNREACHABLE
                && currentWorkOrder().map(current -> current.dispatchId().equals(w.dispatchId())).orElse(false);
    }

    /**
     * A run of PROGRESS ends where the next run starts, or with the final answer (as the SLA service ends it,
     * even when the answer happened before the run started: it was consumed after).
     */
    private Instant progressStoppedAt(ClockState run) {
        Instant next = clocks.stream().filter(c -> c.clock() == SlaClock.PROGRESS && c.sequence() != null
                        && run.sequence() != null && c.sequence() == run.sequence() + 1)
                .map(ClockState::startedAt).findFirst().orElse(null);
        return earliest(next, answeredAt().orElse(null));
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    CaseState withStatus(CaseStatus newStatus) {
        return new CaseState(complaintId, newStatus, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withRegistration(ComplaintRegistered registered) {
        CaseStatus registeredAs = registered.resolvedOnTheSpot() ? CaseStatus.RESOLVED_AT_FIRST_CONTACT
                : CaseStatus.REGISTERED;
        return new CaseState(complaintId, registeredAs, registered, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withWorkOrderAdded(WorkOrder workOrder) {
        List<WorkOrder> updated = new ArrayList<>(workOrders.size() + 1);
        for (WorkOrder existing : workOrders) {
            updated.add(existing.status() == WorkOrderStatus.SUPERSEDED ? existing : existing.superseded());
        }
        updated.add(workOrder);
        return new CaseState(complaintId, CaseStatus.DISPATCHED, registration, updated, clocks, null,
                0, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withWorkOrder(String dispatchId, UnaryOperator<WorkOrder> change) {
        List<WorkOrder> updated = workOrders.stream()
                .map(w -> w.dispatchId().equals(dispatchId) ? change.apply(w) : w).toList();
        return new CaseState(complaintId, status, registration, updated, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withSurveyFailure(SurveyFailed failure) {
        return new CaseState(complaintId, CaseStatus.DISSATISFIED, registration, workOrders, clocks, failure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withFirstContactSurveyed(Instant at) {
        return new CaseState(complaintId, status, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount, at, incident, dispute);
    }

    CaseState withUnreachableCount(int count) {
        return new CaseState(complaintId, status, registration, workOrders, clocks, lastSurveyFailure,
                count, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withTriage(AwaitingTriage waiting) {
        return new CaseState(complaintId, CaseStatus.TRIAGE, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, waiting, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withContact(CustomerContacted contact) {
        List<CustomerContacted> updated = new ArrayList<>(contacts.size() + 1);
        updated.addAll(contacts);
        updated.add(contact);
        return new CaseState(complaintId, status, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, updated, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withClosure(ComplaintClosed closed) {
        return new CaseState(complaintId, CaseStatus.CLOSED, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closed, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withClock(ClockState clock) {
        List<ClockState> updated = new ArrayList<>(clocks.size() + 1);
        boolean replaced = false;
        for (ClockState existing : clocks) {
            if (existing.watches(clock.clock(), clock.dispatchId(), clock.sequence())) {
                updated.add(clock);
                replaced = true;
            } else {
                updated.add(existing);
            }
        }
        if (!replaced) {
            updated.add(clock);
        }
        return new CaseState(complaintId, status, registration, workOrders, updated, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, dispute);
    }

    CaseState withIncident(IncidentLink link) {
        return new CaseState(complaintId, status, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, link, dispute);
    }

    CaseState withDispute(DisputeOutcome outcome) {
        return new CaseState(complaintId, status, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, lastEventAt, eventCount,
                firstContactSurveyedAt, incident, outcome);
    }

    /** The registration disputes a service provider's charge (seed 004). */
    @JsonIgnore
    public boolean disputesACharge() {
        return registration != null && registration.billingDispute() != null;
    }

    CaseState counted(Instant eventTime) {
        Instant last = lastEventAt == null || eventTime.isAfter(lastEventAt) ? eventTime : lastEventAt;
        return new CaseState(complaintId, status, registration, workOrders, clocks, lastSurveyFailure,
                unreachableCount, closure, contacts, triage, last, eventCount + 1,
                firstContactSurveyedAt, incident, dispute);
    }
}
