package com.telco.complaints.testsupport;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events as the other services would publish them, for tests that play those services' part.
 * Work order ids follow routing's form ({@code <complaintId>-W<attempt>}).
 */
public final class TestEvents {

    /** Routing's actor on the events it decides itself (urges, escalations, notices). */
    public static final String ROUTING = "routing-service";
    /** Where routing's notices of overdue key-customer and regulator work orders go (its default). */
    public static final String MANAGEMENT = "enterprise-management";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private TestEvents() {}

    /** A complaint id no other test uses. */
    public static String newComplaintId() {
        return "T" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String workOrder(String complaintId, int attempt) {
        return complaintId + "-W" + attempt;
    }

    public static ComplaintRegistered registered(String complaintId, Instant at) {
        return registered(complaintId, at, Channel.HOTLINE, Category.NETWORK, "TZ-HL", CustomerTier.STANDARD,
                Urgency.NORMAL);
    }

    public static ComplaintRegistered registered(String complaintId, Instant at, Channel channel, Category category,
                                                 String region, CustomerTier tier, Urgency urgency) {
        return registered(complaintId, at, channel, category, region, tier, urgency, "13812345678");
    }

    public static ComplaintRegistered registered(String complaintId, Instant at, Channel channel, Category category,
                                                 String region, CustomerTier tier, Urgency urgency, String phone) {
        return new ComplaintRegistered(UUID.randomUUID(), complaintId, at,
                EventType.COMPLAINT_REGISTERED.currentVersion(), "test", "test-publisher", channel,
                category, "sub", urgency, region, new Customer("王丽 Wang Li", phone, tier, null),
                "No signal at home 家里没有信号", "Fix it", null, at.plus(Duration.ofHours(48)), null, null);
    }

    /** The charge a test's billing dispute disputes: 10 yuan of an SP's weather service, October 2026. */
    public static final BillingDispute BILLING_DISPUTE = new BillingDispute("SP901234", "Weather daily", 1000, "2026-10");

    /**
     * {@code r} as a BUSINESS complaint that disputes {@code dispute}, a service provider's charge (seed 004): it runs
     * the PROOF clock, and routing dispatches it to billing.
     */
    public static ComplaintRegistered disputing(ComplaintRegistered r, BillingDispute dispute) {
        return new ComplaintRegistered(r.eventId(), r.complaintId(), r.occurredAt(), r.schemaVersion(),
                r.causationId(), r.actor(), r.channel(), Category.BUSINESS, "sp-charge", r.urgency(), r.region(),
                r.customer(), "Charged for a service never ordered 未订购却被扣费", "Refund the charge", r.externalRef(),
                r.promisedReplyBy(), null, dispute);
    }

    /** What a test's complaint resolved at the first contact says was done and explained. */
    public static final FirstContactResolution FIRST_CONTACT_RESOLUTION = new FirstContactResolution(
            "Reset the customer's network settings on the call",
            "A stale APN setting after the phone's update; reset, signal back");

    /** A complaint resolved during the first contact (即时处理): not dispatched, answered at registration. */
    public static ComplaintRegistered registeredAtFirstContact(String complaintId, Instant at) {
        return resolvedAtFirstContact(registered(complaintId, at));
    }

    /** {@code r} (of any classification, region, phone), resolved during the first contact by a desk agent. */
    public static ComplaintRegistered resolvedAtFirstContact(ComplaintRegistered r) {
        return new ComplaintRegistered(r.eventId(), r.complaintId(), r.occurredAt(), r.schemaVersion(), r.causationId(),
                "agent-desk-1", r.channel(), r.category(), r.subcategory(), r.urgency(), r.region(), r.customer(),
                r.description(), r.demand(), r.externalRef(), r.promisedReplyBy(), FIRST_CONTACT_RESOLUTION,
                null);
    }

    /** The case closes on the survey of the answer given at the first contact: no work order to name. */
    public static ComplaintClosed closedAtFirstContact(String complaintId, Instant at, CloseOutcome outcome) {
        return new ComplaintClosed(UUID.randomUUID(), complaintId, at, EventType.COMPLAINT_CLOSED.currentVersion(), null, "sv-1", outcome, null,
                "closed by test");
    }

    /** The customer is satisfied with the answer given at the first contact. */
    public static SurveyPassed surveyPassedAtFirstContact(String complaintId, Instant at) {
        return new SurveyPassed(UUID.randomUUID(), complaintId, at, EventType.SURVEY_PASSED.currentVersion(), null,
                "sv-1", null, 0);
    }

    /**
     * The customer is dissatisfied with the answer given at the first contact: at the operator's fault and
     * {@code redispatch} (the case gets its first work order), or {@code handover} to the manager hotline.
     */
    public static SurveyFailed surveyFailedAtFirstContact(String complaintId, Instant at, boolean redispatch,
                                                          boolean handover) {
        return new SurveyFailed(UUID.randomUUID(), complaintId, at, EventType.SURVEY_FAILED.currentVersion(), null,
                "sv-1", null, 0, "Still no signal", redispatch, redispatch ? null : "Explained the APN reset",
                redispatch, handover);
    }

    /** A survey call about the answer given at the first contact did not reach the customer. */
    public static CustomerUnreachable unreachableAtFirstContact(String complaintId, int count, Instant at) {
        return new CustomerUnreachable(UUID.randomUUID(), complaintId, at,
                EventType.CUSTOMER_UNREACHABLE.currentVersion(), null, "sv-1", null, count);
    }

    public static Dispatched dispatched(String complaintId, Instant at, String department) {
        return new Dispatched(UUID.randomUUID(), complaintId, at, 1, null, "routing-service",
                workOrder(complaintId, 1), 1, department, "test");
    }

    public static Redispatched redispatched(String complaintId, int attempt, Instant at, String department) {
        return new Redispatched(UUID.randomUUID(), complaintId, at, 1, null, "routing-service",
                workOrder(complaintId, attempt), workOrder(complaintId, attempt - 1), attempt, department, "test");
    }

    public static Returned returned(String complaintId, int attempt, Instant at, boolean operatorAtFault) {
        return returned(complaintId, attempt, at, operatorAtFault ? FaultParty.DEPARTMENT : FaultParty.NONE);
    }

    /** A return by network-ops naming who was at fault (the operator is at fault for a department or the centre). */
    public static Returned returned(String complaintId, int attempt, Instant at, FaultParty faultOf) {
        return new Returned(UUID.randomUUID(), complaintId, at, EventType.RETURNED.currentVersion(), null, "agent-1",
                workOrder(complaintId, attempt), attempt, "network-ops", "Base station lost power", "Stable signal",
                "Battery failed", "Battery replaced", Resolution.RESOLVED, faultOf.operators(), faultOf,
                faultOf.operators() ? "crew 4" : null);
    }

    public static SurveyPassed surveyPassed(String complaintId, int attempt, Instant at) {
        return new SurveyPassed(UUID.randomUUID(), complaintId, at, EventType.SURVEY_PASSED.currentVersion(), null, "sv-1", workOrder(complaintId, attempt),
                attempt);
    }

    public static SurveyFailed surveyFailed(String complaintId, int attempt, Instant at, boolean atFault,
                                            boolean redispatch) {
        return new SurveyFailed(UUID.randomUUID(), complaintId, at, EventType.SURVEY_FAILED.currentVersion(), null, "sv-1", workOrder(complaintId, attempt),
                attempt, "Still no signal", atFault, atFault ? null : "Explained the coverage plan", redispatch, null);
    }

    public static CustomerUnreachable unreachable(String complaintId, int attempt, int count, Instant at) {
        return new CustomerUnreachable(UUID.randomUUID(), complaintId, at, EventType.CUSTOMER_UNREACHABLE.currentVersion(), null, "sv-1",
                workOrder(complaintId, attempt), count);
    }

    /** No dispatch rule fitted: the complaint waits for an operator. */
    public static AwaitingTriage awaitingTriage(String complaintId, Instant at) {
        return new AwaitingTriage(UUID.randomUUID(), complaintId, at, 1, null, "routing-service",
                "no dispatch rule fits category=SERVICE, region=SH-PD");
    }

    /** A contact with the customer; a FINAL_ANSWER carries an answer, and only a reached customer agrees to a time. */
    public static CustomerContacted contacted(String complaintId, Instant at, ContactKind kind, ContactChannel channel,
                                              boolean reached, Instant agreedNextContactBy) {
        return new CustomerContacted(UUID.randomUUID(), complaintId, at, 1, null, "desk-1",
                "K-" + complaintId + "-" + at.toEpochMilli(), kind, channel, reached, kind + " by " + channel,
                agreedNextContactBy, kind == ContactKind.FINAL_ANSWER
                        ? new FinalAnswer("Battery failed", "Engineer replaced it", "Signal restored") : null, null);
    }

    public static ComplaintClosed closed(String complaintId, int attempt, Instant at, CloseOutcome outcome) {
        return new ComplaintClosed(UUID.randomUUID(), complaintId, at, EventType.COMPLAINT_CLOSED.currentVersion(), null, "sv-1", outcome,
                workOrder(complaintId, attempt), "closed by test");
    }

    /** A clock announced as the SLA service would, with a calendar limit and the default 0.8 warning ratio. */
    public static SlaClockStarted clockStarted(String complaintId, SlaClock clock, String dispatchId, Instant start,
                                               Duration limit) {
        Instant warnAt = start.plusMillis((long) (limit.toMillis() * 0.8));
        return new SlaClockStarted(UUID.randomUUID(), complaintId, start, EventType.SLA_CLOCK_STARTED.currentVersion(),
                null, "sla-service", clock, dispatchId, start, warnAt, start.plus(limit),
                new SlaPolicyApplied("test." + clock.name().toLowerCase(), LimitKind.CALENDAR, limit, 0.8), null);
    }

    public static SlaWarningRaised warning(SlaClockStarted started) {
        return new SlaWarningRaised(UUID.randomUUID(), started.complaintId(), started.warnAt(),
                EventType.SLA_WARNING_RAISED.currentVersion(), started.eventId().toString(), "sla-service",
                started.clock(), started.dispatchId(), started.warnAt(), started.deadline(), started.sequence());
    }

    public static SlaBreached breach(SlaClockStarted started) {
        return new SlaBreached(UUID.randomUUID(), started.complaintId(), started.deadline(),
                EventType.SLA_BREACHED.currentVersion(), started.eventId().toString(), "sla-service", started.clock(),
                started.dispatchId(), started.deadline(), started.sequence());
    }

    /**
     * Routing urged {@code department} at the RETURN clock's warning, {@code at}: once per work order, so its id is
     * routing's ({@code EventIds.of(WORK_ORDER_URGED, dispatchId)}).
     */
    public static WorkOrderUrged urged(String complaintId, int attempt, Instant at, String department,
                                       Instant deadline) {
        String dispatchId = workOrder(complaintId, attempt);
        return new WorkOrderUrged(EventIds.of(EventType.WORK_ORDER_URGED, dispatchId), complaintId, at,
                EventType.WORK_ORDER_URGED.currentVersion(), null, ROUTING, dispatchId, department, at, deadline);
    }

    /**
     * The work order passed {@code deadline} open: escalated to {@code level} of its ladder, addressed to
     * {@code escalatedTo}; once per level ({@code EventIds.of(WORK_ORDER_ESCALATED, dispatchId, level)}).
     */
    public static WorkOrderEscalated escalated(String complaintId, int attempt, int level, Instant at,
                                               String department, String escalatedTo, Instant deadline) {
        String dispatchId = workOrder(complaintId, attempt);
        return new WorkOrderEscalated(EventIds.of(EventType.WORK_ORDER_ESCALATED, dispatchId, level), complaintId, at,
                EventType.WORK_ORDER_ESCALATED.currentVersion(), null, ROUTING, dispatchId, department, level,
                escalatedTo, deadline);
    }

    /**
     * Management ({@link #MANAGEMENT}) told that a key customer's or the regulator's work order passed
     * {@code deadline}; once per work order ({@code EventIds.of(ESCALATION_NOTICE, dispatchId)}).
     */
    public static EscalationNotice notice(String complaintId, int attempt, Instant at, NoticeReason reason,
                                          String department, Instant deadline) {
        String dispatchId = workOrder(complaintId, attempt);
        return new EscalationNotice(EventIds.of(EventType.ESCALATION_NOTICE, dispatchId), complaintId, at,
                EventType.ESCALATION_NOTICE.currentVersion(), null, ROUTING, dispatchId, MANAGEMENT, reason,
                department, deadline, null);
    }

    /**
     * The open work order's {@code transfer}-th transfer (from 1), from {@code from} to {@code to}, by an agent of
     * {@code from} ({@code EventIds.of(WORK_ORDER_TRANSFERRED, dispatchId, transfer)}).
     */
    public static WorkOrderTransferred transferred(String complaintId, int attempt, int transfer, Instant at,
                                                   String from, String to) {
        String dispatchId = workOrder(complaintId, attempt);
        return new WorkOrderTransferred(EventIds.of(EventType.WORK_ORDER_TRANSFERRED, dispatchId, transfer),
                complaintId, at, EventType.WORK_ORDER_TRANSFERRED.currentVersion(), null, from + "-agent-1",
                dispatchId, transfer, from, to, "Misrouted: " + to + " acts on it");
    }

    /** The outage incident of the tests: a base station's power cut in Hailing district (seed 002). */
    public static final String INCIDENT = "INC-20261201-0001";
    public static final String INCIDENT_TITLE = "泰州海陵区基站停电";
    public static final String INCIDENT_FAULT = "市电中断，基站退服";

    /**
     * Routing links the complaint to {@link #INCIDENT} with its own work order {@code attempt}, held by the incident,
     * superseding {@code previousDispatchId} (null for none), with the declared estimate (revision 1)
     * ({@code EventIds.of(INCIDENT_LINKED, complaintId, incidentId)}).
     */
    public static IncidentLinked incidentLinked(String complaintId, int attempt, String previousDispatchId, Instant at,
                                                Instant estimatedRepairAt) {
        return new IncidentLinked(EventIds.of(EventType.INCIDENT_LINKED, complaintId, INCIDENT), complaintId, at,
                EventType.INCIDENT_LINKED.currentVersion(), null, ROUTING, INCIDENT, workOrder(complaintId, attempt),
                attempt, previousDispatchId, "network-ops", INCIDENT_TITLE, INCIDENT_FAULT, "TZ-HL", Category.NETWORK,
                at.minus(Duration.ofHours(1)), estimatedRepairAt, 1);
    }

    /**
     * The estimate of {@link #INCIDENT} for a complaint linked with work order {@code attempt} moves from
     * {@code previous} to {@code estimate} as {@code revision}
     * ({@code EventIds.of(ESTIMATED_REPAIR_CHANGED, complaintId, incidentId, revision)}).
     */
    public static EstimatedRepairChanged estimatedRepairChanged(String complaintId, int attempt, int revision,
                                                                Instant at, Instant previous, Instant estimate,
                                                                String reason) {
        return new EstimatedRepairChanged(EventIds.of(EventType.ESTIMATED_REPAIR_CHANGED, complaintId, INCIDENT,
                revision), complaintId, at, EventType.ESTIMATED_REPAIR_CHANGED.currentVersion(), null, "ops-desk-1",
                INCIDENT, workOrder(complaintId, attempt), estimate, previous, revision, reason);
    }

    /** Billing records the SP's proof of {@link #BILLING_DISPUTE} on work order 1 ({@code EventIds.of(SP_PROOF_RECEIVED, complaintId)}). */
    public static SpProofReceived spProofReceived(String complaintId, Instant at) {
        return new SpProofReceived(EventIds.of(EventType.SP_PROOF_RECEIVED, complaintId), complaintId, at,
                EventType.SP_PROOF_RECEIVED.currentVersion(), null, "billing-agent-1", workOrder(complaintId, 1),
                BILLING_DISPUTE.spCode(), "Subscription record and the customer's SMS confirmation");
    }

    /** Routing refunds {@link #BILLING_DISPUTE} after the PROOF deadline ({@code EventIds.of(PROVISIONAL_REFUND_GRANTED, complaintId)}). */
    public static ProvisionalRefundGranted provisionalRefund(String complaintId, Instant at, Instant proofDeadline) {
        return new ProvisionalRefundGranted(EventIds.of(EventType.PROVISIONAL_REFUND_GRANTED, complaintId), complaintId,
                at, EventType.PROVISIONAL_REFUND_GRANTED.currentVersion(), null, ROUTING, BILLING_DISPUTE.spCode(),
                BILLING_DISPUTE.serviceName(), BILLING_DISPUTE.disputedAmountFen(), BILLING_DISPUTE.billingPeriod(),
                proofDeadline);
    }

    /** The emergency leadership group (应急领导小组, seed 002) that routing tells of large incidents and key customers. */
    public static final String EMERGENCY_LEADERSHIP = "emergency-leadership";

    /**
     * Routing links the complaint to incident {@code incidentId} of {@code region} (NETWORK, network-ops, titled
     * "Outage " and its id, declared at {@code declaredAt}) with its own work order {@code attempt}, held by the
     * incident, superseding {@code previousDispatchId} (null for none), the estimate {@code estimatedRepairAt} at
     * {@code revision} ({@code EventIds.of(INCIDENT_LINKED, complaintId, incidentId)}).
     */
    public static IncidentLinked incidentLinked(String complaintId, String incidentId, String region,
                                                Instant declaredAt, int attempt, String previousDispatchId, Instant at,
                                                Instant estimatedRepairAt, int revision) {
        return new IncidentLinked(EventIds.of(EventType.INCIDENT_LINKED, complaintId, incidentId), complaintId, at,
                EventType.INCIDENT_LINKED.currentVersion(), null, ROUTING, incidentId, workOrder(complaintId, attempt),
                attempt, previousDispatchId, "network-ops", "Outage " + incidentId, INCIDENT_FAULT, region,
                Category.NETWORK, declaredAt, estimatedRepairAt, revision);
    }

    /**
     * The estimate of incident {@code incidentId} for a complaint linked with work order {@code attempt} moves from
     * {@code previous} to {@code estimate} as {@code revision}
     * ({@code EventIds.of(ESTIMATED_REPAIR_CHANGED, complaintId, incidentId, revision)}).
     */
    public static EstimatedRepairChanged estimatedRepairChanged(String complaintId, String incidentId, int attempt,
                                                                int revision, Instant at, Instant previous,
                                                                Instant estimate) {
        return new EstimatedRepairChanged(EventIds.of(EventType.ESTIMATED_REPAIR_CHANGED, complaintId, incidentId,
                revision), complaintId, at, EventType.ESTIMATED_REPAIR_CHANGED.currentVersion(), null, "ops-desk-1",
                incidentId, workOrder(complaintId, attempt), estimate, previous, revision, "Parts delayed");
    }

    /**
     * The emergency leadership group ({@link #EMERGENCY_LEADERSHIP}) told of incident {@code incidentId} for
     * {@code reason} (INCIDENT_SIZE, INCIDENT_KEY_CUSTOMER), on the complaint that tipped it, whose work order
     * {@code attempt} the incident holds: no deadline ({@code EventIds.of(ESCALATION_NOTICE, incidentId, reason)}).
     */
    public static EscalationNotice incidentNotice(String complaintId, int attempt, Instant at, NoticeReason reason,
                                                  String incidentId) {
        return new EscalationNotice(EventIds.of(EventType.ESCALATION_NOTICE, incidentId, reason), complaintId, at,
                EventType.ESCALATION_NOTICE.currentVersion(), null, ROUTING, workOrder(complaintId, attempt),
                EMERGENCY_LEADERSHIP, reason, "network-ops", null, incidentId);
    }
}
