package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A work order passed its return deadline and is still open: routing escalated it to the next level of the
 * holding department's escalation ladder (告警). Once per level, in order: level 1 at the breach, each further
 * level when its delay after the deadline has passed.
 *
 * @param department  the department holding the order
 * @param level       the ladder's level, from 1
 * @param escalatedTo the desk (a department) the escalation is addressed to
 * @param deadline    the RETURN clock's deadline that passed
 */
public record WorkOrderEscalated(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, String department, int level, String escalatedTo, Instant deadline)
        implements ComplaintEvent {}
