package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact on {@code complaint-events}. Every fold over these is an exhaustive switch, so the
 * compiler names each place a new event must be handled.
 */
public sealed interface ComplaintEvent
        permits ComplaintRegistered, Dispatched, Returned, SurveyPassed, SurveyFailed, CustomerUnreachable,
                Redispatched, SlaClockStarted, SlaWarningRaised, SlaBreached, ComplaintClosed, CustomerContacted,
                AwaitingTriage, WorkOrderUrged, WorkOrderEscalated, EscalationNotice, WorkOrderTransferred,
                IncidentLinked, EstimatedRepairChanged, SpProofReceived, ProvisionalRefundGranted {

    /** Unique id; consumers deduplicate by it. Deterministic where the fact is (see EventIds). */
    UUID eventId();

    /** The complaint number; also the Kafka key, so a case is totally ordered. */
    String complaintId();

    /** When it happened (event time). Replays decide by this, never by processing time. */
    Instant occurredAt();

    /** Version of this event's JSON form; older versions are upcast on read. */
    int schemaVersion();

    /** The event or request that caused this one. */
    String causationId();

    /** Who did it: a service, an agent, a department operator or a publishing system. */
    String actor();
}
