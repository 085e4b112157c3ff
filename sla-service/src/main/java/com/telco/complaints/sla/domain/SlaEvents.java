package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;

/**
 * The SLA service's facts, with ids that depend only on what they are about (complaint, work
 * order, clock, kind), so that a restart or a replay deciding them again yields the same events.
 * A warning happens at its warning point and a breach at its deadline, whenever they are noticed.
 */
public final class SlaEvents {

    public static final String ACTOR = "sla-service";

    private SlaEvents() {}

    /** What a clock watches: its work order, or for a clock of the case "-" (and its run, for PROGRESS). */
    private static String part(TrackedClock c) {
        String watched = c.dispatchId() == null ? "-" : c.dispatchId();
        return c.sequence() == null ? watched : watched + "#" + c.sequence();
    }

    /** The announcement of a clock; it happened when the clock started. */
    public static SlaClockStarted started(String complaintId, TrackedClock c) {
        return new SlaClockStarted(EventIds.of(EventType.SLA_CLOCK_STARTED, complaintId, part(c), c.clock()),
                complaintId, c.startedAt(), EventType.SLA_CLOCK_STARTED.currentVersion(),
                c.startedBy() == null ? null : c.startedBy().toString(), ACTOR, c.clock(),
                c.dispatchId(), c.startedAt(), c.warnAt(), c.deadline(), c.policy(), c.sequence());
    }

    public static SlaWarningRaised warning(String complaintId, TrackedClock c) {
        return new SlaWarningRaised(EventIds.of(EventType.SLA_WARNING_RAISED, complaintId, part(c), c.clock()),
                complaintId, c.warnAt(), EventType.SLA_WARNING_RAISED.currentVersion(),
                EventIds.of(EventType.SLA_CLOCK_STARTED, complaintId, part(c), c.clock()).toString(),
                ACTOR, c.clock(), c.dispatchId(), c.warnAt(), c.deadline(), c.sequence());
    }

    public static SlaBreached breach(String complaintId, TrackedClock c) {
        return new SlaBreached(EventIds.of(EventType.SLA_BREACHED, complaintId, part(c), c.clock()),
                complaintId, c.deadline(), EventType.SLA_BREACHED.currentVersion(),
                EventIds.of(EventType.SLA_CLOCK_STARTED, complaintId, part(c), c.clock()).toString(),
                ACTOR, c.clock(), c.dispatchId(), c.deadline(), c.sequence());
    }
}
