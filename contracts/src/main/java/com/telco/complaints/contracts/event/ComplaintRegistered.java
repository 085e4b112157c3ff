package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** Intake accepted, numbered and classified a complaint. */
public record ComplaintRegistered(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        Channel channel, Category category, String subcategory, Urgency urgency, String region,
        Customer customer, String description, String demand, ExternalRef externalRef,
        Instant promisedReplyBy) implements ComplaintEvent {}
