package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Routing linked a complaint to an outage incident (seed 002, 应急处置流程): instead of a work order of its own, the
 * complaint waits on the incident's one work order, which the responsible department works and resolves for every
 * linked complaint at once (a {@link Returned} of each linked complaint's {@code dispatchId}). The complaint's
 * {@code dispatchId} is its own (the complaint number and the attempt), so every later fact of the case keeps its
 * own id; an open work order the complaint had is superseded by it. The incident's facts travel with the link, so
 * every reader of a case knows what the customer was told. Once per complaint.
 *
 * @param incidentId          the incident, e.g. {@code INC-20261201-0001}
 * @param dispatchId          the complaint's work order held by the incident
 * @param attempt             the attempt that work order is (1, or one after the open work order it supersedes)
 * @param previousDispatchId  the open work order it supersedes; null when the complaint had none
 * @param department          the department responsible for the incident
 * @param title               the incident's title
 * @param faultDescription    the fault, as the customers are told of it
 * @param region              the incident's region
 * @param category            the incident's category
 * @param declaredAt          when the incident was declared
 * @param estimatedRepairAt   the estimated repair time the customer is owed, as it stands at the link
 * @param revision            the revision of the estimate that stands at the link (1 for the declared one)
 */
public record IncidentLinked(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String incidentId, String dispatchId, int attempt, String previousDispatchId, String department,
        String title, String faultDescription, String region, Category category, Instant declaredAt,
        Instant estimatedRepairAt, int revision) implements ComplaintEvent {}
