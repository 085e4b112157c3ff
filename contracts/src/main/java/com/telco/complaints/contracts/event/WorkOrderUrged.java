package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Routing urged the department holding a work order: its RETURN clock reached the warning point (80% of the
 * limit) and the order is still open (预警 → 催单). Once per work order.
 *
 * @param department the department holding the order when it was urged
 * @param warnAt     the RETURN clock's warning point
 * @param deadline   the RETURN clock's deadline
 */
public record WorkOrderUrged(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, String department, Instant warnAt, Instant deadline) implements ComplaintEvent {}
