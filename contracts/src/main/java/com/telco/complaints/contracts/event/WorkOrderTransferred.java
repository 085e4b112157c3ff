package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An open work order was passed to another department (misrouted, or another department must act: 000
 * 运营商用户 §二.3). It keeps its id, its attempt and its RETURN clock: the customer's time does not restart.
 *
 * @param transfer       the order's transfer count after this one, from 1
 * @param fromDepartment the department that held it
 * @param toDepartment   the department that holds it now
 * @param reason         why, in the words of whoever passed it on
 */
public record WorkOrderTransferred(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int transfer, String fromDepartment, String toDepartment, String reason)
        implements ComplaintEvent {}
