package com.telco.complaints.analytics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.analytics.domain.CaseRecord;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.contracts.lifecycle.DisputeOutcome;
import com.telco.complaints.contracts.lifecycle.IncidentLink;
import com.telco.complaints.contracts.lifecycle.WorkOrder;

import java.time.Instant;
import java.util.List;

/**
 * A case as operations see it, folded from its events: now (GET /cases/{id}) or as of an instant
 * (GET /audit/complaints/{id}/state). Fields unknown at that point are null. It carries none of the
 * customer's personal data (name, phone, contact: only the tier), so there is nothing to mask for
 * operators and administrators: a field that shows one must be masked for them with
 * {@code PersonalData} and shown in full to auditors only.
 *
 * @param department     the department of the current work order (after its transfers)
 * @param deadlines      every clock announced by the SLA service, with its warning and breach
 * @param warnings       the warnings raised (one per clock at most)
 * @param breaches       the breaches raised
 * @param contacts       the customer desk's contacts with the customer, in order
 * @param firstReachedAt when the customer was first reached (a contact, or an answered survey call; the
 *                       registration when resolved at the first contact)
 * @param answeredAt     when the final answer reached the customer or was sent in writing (the registration when
 *                       resolved at the first contact)
 * @param resolvedAtFirstContact what was done and what the customer was told when the complaint was resolved
 *                       during the first contact (即时处理: not dispatched, status RESOLVED_AT_FIRST_CONTACT until
 *                       surveyed); null for a complaint registered to be dispatched
 * @param incident       the outage incident whose work order holds the case (seed 002); null when it is not linked
 * @param billingDispute the service provider's charge the complaint disputes, and how that ended (seed 004); null
 *                       when it disputes none
 * @param surveyOutcome  the latest survey answer (PASSED, FAILED), null before the first
 * @param eventCount     events applied to the case
 * @param asOf           set when the case is shown as of an instant
 */
public record CaseView(String complaintId, String status, String category, String subcategory, String channel,
                       String urgency, String tier, String region, String department, WorkOrderView currentWorkOrder,
                       int attempts, List<WorkOrderView> workOrders, List<DeadlineView> deadlines,
                       List<AlertView> warnings, List<AlertView> breaches, long warningCount, long breachCount,
                       List<ContactView> contacts, Instant firstReachedAt, Instant answeredAt,
                       FirstContactResolution resolvedAtFirstContact, IncidentView incident,
                       DisputeView billingDispute, String surveyOutcome, int surveysPassed,
                       int surveysFailed, String closeOutcome,
                       Instant registeredAt, Instant promisedReplyBy, Instant closedAt, Instant lastEventAt,
                       int eventCount, @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf) {

    /**
     * One work order of the case.
     *
     * @param department      the department holding it now (after its transfers)
     * @param faultOf         who its return found at fault; null before the return or when it named none
     * @param transfers       how many times it was passed to another department
     * @param urgedAt         when routing urged the department at the RETURN clock's warning; null until then
     * @param escalationLevel the last level of the escalation ladder it reached past its deadline; 0 before
     * @param noticedAt       when management was told it is overdue (a key customer's or the regulator's); null
     *                        otherwise
     */
    public record WorkOrderView(String dispatchId, int attempt, String department, String status,
                                String previousDispatchId, Instant dispatchedAt, Instant warnAt, Instant returnDeadline,
                                Instant returnedAt, String resolution, Boolean operatorAtFault, Instant surveyedAt,
                                String faultOf, int transfers, Instant urgedAt, int escalationLevel,
                                Instant noticedAt) {}

    /**
     * @param sequence  the run of a clock that runs more than once per case (PROGRESS); absent otherwise
     * @param stoppedAt when the awaited event happened (or the case closed); null while the clock runs
     */
    public record DeadlineView(String clock, String dispatchId,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer sequence, Instant startedAt,
                               Instant warnAt, Instant deadline, String policy, Instant warnedAt, Instant breachedAt,
                               Instant stoppedAt) {}

    /** @param at when it was raised (the warning point or the deadline) */
    public record AlertView(String clock, String dispatchId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer sequence, Instant at) {}

    /**
     * A contact with the customer.
     *
     * @param contactedBy who made it
     * @param answer      the final answer's cause, process and solution (FINAL_ANSWER only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactView(String contactId, String kind, String channel, boolean reached, Instant contactedAt,
                              String contactedBy, String summary, Instant agreedNextContactBy, FinalAnswer answer) {}

    /**
     * The incident a case is linked to, as its events tell it.
     *
     * @param title             the incident's title, as its link told it; null if analytics does not know it yet
     * @param dispatchId        the case's own work order that the incident holds
     * @param estimatedRepairAt the estimated repair time the customer was last told
     * @param revision          that estimate's revision (1 for the declared one)
     */
    public record IncidentView(String incidentId, String title, String dispatchId, Instant linkedAt,
                               Instant estimatedRepairAt, int revision) {

        static IncidentView of(IncidentLink link, String title) {
            return link == null ? null : new IncidentView(link.incidentId(), title, link.dispatchId(),
                    link.linkedAt(), link.estimatedRepairAt(), link.revision());
        }
    }

    /**
     * A disputed charge of a service provider and its outcome: the SP's proof, or a provisional refund (never both;
     * neither while the dispute is open).
     *
     * @param amountFen       the disputed amount in fen
     * @param billingPeriod   the month billed, YYYY-MM
     * @param proofReceivedAt when billing recorded the SP's proof; null without one
     * @param refundGrantedAt when the customer was refunded provisionally; null without a refund
     * @param refundedFen     the refund in fen; 0 without one
     */
    public record DisputeView(String spCode, String serviceName, long amountFen, String billingPeriod,
                              Instant proofReceivedAt, Instant refundGrantedAt, long refundedFen) {

        static DisputeView of(CaseState s) {
            if (!s.disputesACharge()) {
                return null;
            }
            BillingDispute d = s.registration().billingDispute();
            DisputeOutcome outcome = s.dispute();
            return new DisputeView(d.spCode(), d.serviceName(), d.disputedAmountFen(), d.billingPeriod(),
                    outcome == null ? null : outcome.proofReceivedAt(),
                    outcome == null ? null : outcome.refundGrantedAt(), outcome == null ? 0 : outcome.refundedFen());
        }
    }

    /** The case as {@code record} holds it; {@code incidentTitle}: the title of the incident it is linked to. */
    static CaseView of(CaseRecord record, String incidentTitle, Instant asOf) {
        CaseState s = record.state();
        ComplaintRegistered r = s.registration();
        List<WorkOrderView> workOrders = s.workOrders().stream().map(w -> workOrder(s, w)).toList();
        return new CaseView(s.complaintId(), name(s.status()),
                r == null ? null : name(r.category()), r == null ? null : r.subcategory(),
                r == null ? null : name(r.channel()), r == null ? null : name(r.urgency()),
                r == null || r.customer() == null ? null : name(r.customer().tier()), r == null ? null : r.region(),
                record.department(), workOrders.isEmpty() ? null : workOrders.get(workOrders.size() - 1),
                s.attempts(), workOrders,
                s.clocks().stream().map(c -> new DeadlineView(c.clock().name(), c.dispatchId(), c.sequence(),
                        c.startedAt(), c.warnAt(), c.deadline(), c.policyId(), c.warnedAt(), c.breachedAt(),
                        s.stoppedAt(c).orElse(null))).toList(),
                s.clocks().stream().filter(c -> c.warnedAt() != null)
                        .map(c -> new AlertView(c.clock().name(), c.dispatchId(), c.sequence(), c.warnedAt())).toList(),
                s.clocks().stream().filter(c -> c.breachedAt() != null)
                        .map(c -> new AlertView(c.clock().name(), c.dispatchId(), c.sequence(), c.breachedAt())).toList(),
                s.warningCount(), s.breachCount(),
                s.contacts().stream().map(c -> new ContactView(c.contactId(), name(c.kind()), name(c.channel()),
                        c.reachedCustomer(), c.occurredAt(), c.actor(), c.summary(), c.agreedNextContactBy(),
                        c.answer())).toList(),
                s.firstReachedAt().orElse(null), s.answeredAt().orElse(null),
                r == null ? null : r.resolvedAtFirstContact(), IncidentView.of(s.incident(), incidentTitle),
                DisputeView.of(s), name(record.lastSurvey()), record.surveysPassed(),
                record.surveysFailed(), s.closure() == null ? null : s.closure().outcome().name(),
                record.registeredAt(), r == null ? null : r.promisedReplyBy(), record.closedAt(), s.lastEventAt(),
                s.eventCount(), asOf);
    }

    private static WorkOrderView workOrder(CaseState s, WorkOrder w) {
        ClockState clock = s.clock(SlaClock.RETURN, w.dispatchId()).orElse(null);
        return new WorkOrderView(w.dispatchId(), w.attempt(), w.department(), w.status().name(),
                w.previousDispatchId(), w.dispatchedAt(), clock == null ? null : clock.warnAt(),
                clock == null ? null : clock.deadline(), w.returnedAt(), name(w.resolution()), w.operatorAtFault(),
                w.surveyedAt(), name(w.faultOf()), w.transfers(), w.urgedAt(), w.escalationLevel(), w.noticedAt());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
