package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The estimated repair time of the incident a complaint is linked to changed: the customer is owed the new time
 * (seed 002: the customer is given the estimated repair time). One per linked complaint and revision.
 *
 * @param incidentId                the incident the complaint is linked to
 * @param dispatchId                the complaint's work order held by the incident
 * @param estimatedRepairAt         the new estimate
 * @param previousEstimatedRepairAt the estimate it replaces
 * @param revision                  the estimate's revision: one after the one the case knows
 * @param reason                    why it changed, as the customers are told
 */
public record EstimatedRepairChanged(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String incidentId, String dispatchId, Instant estimatedRepairAt, Instant previousEstimatedRepairAt,
        int revision, String reason) implements ComplaintEvent {}
