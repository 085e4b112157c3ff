package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.SlaClock;

import java.time.Instant;

/**
 * A clock as announced by the SLA service, with the warning and breach raised for it. Whether
 * and when it stopped is derived from the case (see {@link CaseState#stoppedAt(ClockState)}).
 */
public record ClockState(
        SlaClock clock, String dispatchId, Instant startedAt, Instant warnAt, Instant deadline, String policyId,
        Instant warnedAt, Instant breachedAt) {

    boolean watches(SlaClock clock, String dispatchId) {
        return this.clock == clock && java.util.Objects.equals(this.dispatchId, dispatchId);
    }

    ClockState warned(Instant at) {
        return new ClockState(clock, dispatchId, startedAt, warnAt, deadline, policyId, at, breachedAt);
    }

    ClockState breached(Instant at) {
        return new ClockState(clock, dispatchId, startedAt, warnAt, deadline, policyId, warnedAt, at);
    }
}
