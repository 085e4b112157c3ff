package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A case management must hear of: a key customer's or a regulator's (12300) work order passed its return
 * deadline, reported to the enterprise management department (企业管理部, 000 ZLAL009 (4)). Once per work order.
 *
 * @param dispatchId  the overdue work order
 * @param addressedTo who is told (a department of the operator)
 * @param department  the department holding the work order
 * @param deadline    the deadline that passed
 */
public record EscalationNotice(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, String addressedTo, NoticeReason reason, String department, Instant deadline)
        implements ComplaintEvent {}
