package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A case management must hear of: a key customer's or a regulator's (12300) work order passed its return
 * deadline, reported to the enterprise management department (企业管理部, 000 ZLAL009 (4)), once per work order;
 * or (v2) an outage incident grew past the emergency plan's size or touched a key customer, reported to the
 * emergency leadership group (应急领导小组, 002), once per incident and reason, on a complaint whose link tipped it
 * (one link may tip both reasons).
 *
 * @param dispatchId  the overdue work order; for an incident, the tipping complaint's work order held by it
 * @param addressedTo who is told (a department or group of the operator)
 * @param department  the department holding the work order
 * @param deadline    the deadline that passed; for an incident (v2), absent
 * @param incidentId  the incident, for the incident reasons (v2); absent otherwise
 */
public record EscalationNotice(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, String addressedTo, NoticeReason reason, String department, Instant deadline,
        String incidentId) implements ComplaintEvent {}
