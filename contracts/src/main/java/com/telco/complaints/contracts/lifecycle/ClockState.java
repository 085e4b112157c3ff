package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.SlaClock;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock as announced by the SLA service, with the warning and breach raised for it. Whether
 * and when it stopped is derived from the case (see {@link CaseState#stoppedAt(ClockState)}).
 *
 * @param sequence  the run of a clock that runs more than once per case (PROGRESS); null otherwise
 * @param warningId the SlaWarningRaised's event id, once raised (what routing's urge is caused by)
 * @param breachId  the SlaBreached's event id, once raised (what routing's escalation is caused by)
 */
public record ClockState(
        SlaClock clock, String dispatchId, Instant startedAt, Instant warnAt, Instant deadline, String policyId,
        Instant warnedAt, Instant breachedAt, Integer sequence, UUID warningId, UUID breachId) {

    boolean watches(SlaClock clock, String dispatchId, Integer sequence) {
        return this.clock == clock && java.util.Objects.equals(this.dispatchId, dispatchId)
                && java.util.Objects.equals(this.sequence, sequence);
    }

    ClockState warned(Instant at, UUID warning) {
        return new ClockState(clock, dispatchId, startedAt, warnAt, deadline, policyId, at, breachedAt, sequence,
                warning, breachId);
    }

    ClockState breached(Instant at, UUID breach) {
        return new ClockState(clock, dispatchId, startedAt, warnAt, deadline, policyId, warnedAt, at, sequence,
                warningId, breach);
    }
}
