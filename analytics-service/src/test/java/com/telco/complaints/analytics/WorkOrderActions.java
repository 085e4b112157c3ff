package com.telco.complaints.analytics;

import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;

import java.time.Instant;
import java.util.UUID;

/**
 * Routing's actions on an open work order, as routing publishes them, for analytics' tests (test-support's
 * TestEvents builds the other events). The work order is named as TestEvents names it, by its attempt.
 */
public final class WorkOrderActions {

    /** Where the tests' notices go. */
    public static final String MANAGEMENT = "enterprise-management";

    private WorkOrderActions() {}

    /** Routing urged {@code department} at the RETURN clock's warning, {@code at}. */
    public static WorkOrderUrged urged(String complaintId, int attempt, Instant at, String department,
                                       Instant deadline) {
        return new WorkOrderUrged(UUID.randomUUID(), complaintId, at, EventType.WORK_ORDER_URGED.currentVersion(),
                null, "routing-service", TestEvents.workOrder(complaintId, attempt), department, at, deadline);
    }

    /** The work order passed {@code deadline} open: escalated to {@code level}, addressed to {@code escalatedTo}. */
    public static WorkOrderEscalated escalated(String complaintId, int attempt, int level, Instant at,
                                               String department, String escalatedTo, Instant deadline) {
        return new WorkOrderEscalated(UUID.randomUUID(), complaintId, at,
                EventType.WORK_ORDER_ESCALATED.currentVersion(), null, "routing-service",
                TestEvents.workOrder(complaintId, attempt), department, level, escalatedTo, deadline);
    }

    /** Management ({@link #MANAGEMENT}) told that the work order passed {@code deadline}. */
    public static EscalationNotice notice(String complaintId, int attempt, Instant at, NoticeReason reason,
                                          String department, Instant deadline) {
        return new EscalationNotice(UUID.randomUUID(), complaintId, at, EventType.ESCALATION_NOTICE.currentVersion(),
                null, "routing-service", TestEvents.workOrder(complaintId, attempt), MANAGEMENT, reason, department,
                deadline);
    }

    /** The open work order's {@code transfer}-th transfer, from {@code from} to {@code to}. */
    public static WorkOrderTransferred transferred(String complaintId, int attempt, int transfer, Instant at,
                                                   String from, String to) {
        return new WorkOrderTransferred(UUID.randomUUID(), complaintId, at,
                EventType.WORK_ORDER_TRANSFERRED.currentVersion(), null, "agent-1",
                TestEvents.workOrder(complaintId, attempt), transfer, from, to, "not ours: " + to + " acts on it");
    }
}
