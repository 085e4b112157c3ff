package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaPolicyApplied;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock of a case: when it started, its warning point and deadline (computed here, or
 * adopted from the announcement on the log, which is a fact), when the awaited event happened (in
 * event time), and whether it was announced, warned and breached. Mutable: a replay holds
 * hundreds of thousands of these and changes them in place.
 */
public final class TrackedClock {

    /** How a clock stands at an instant. */
    public enum State { RUNNING, WARNING, BREACHED, STOPPED }

    final SlaClock clock;
    final String dispatchId;
    /** The run of a clock that runs more than once per case (PROGRESS), from 1; null otherwise. */
    final Integer sequence;
    /** The event that started the clock (the announcement's causation); null when adopted from an announcement. */
    final java.util.UUID startedBy;
    Instant startedAt;
    Instant warnAt;
    Instant deadline;
    SlaPolicyApplied policy;
    Instant stoppedAt;
    boolean announced;
    Instant warnedAt;
    Instant breachedAt;

    public TrackedClock(SlaClock clock, String dispatchId, Integer sequence, java.util.UUID startedBy, Instant startedAt, Instant warnAt, Instant deadline,
                        SlaPolicyApplied policy, Instant stoppedAt, boolean announced, Instant warnedAt,
                        Instant breachedAt) {
        this.clock = clock;
        this.dispatchId = dispatchId;
        this.sequence = sequence;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.warnAt = warnAt;
        this.deadline = deadline;
        this.policy = policy;
        this.stoppedAt = stoppedAt;
        this.announced = announced;
        this.warnedAt = warnedAt;
        this.breachedAt = breachedAt;
    }

    boolean watches(SlaClock clock, String dispatchId, Integer sequence) {
        return this.clock == clock && java.util.Objects.equals(this.dispatchId, dispatchId)
                && java.util.Objects.equals(this.sequence, sequence);
    }

    /** Stops the clock at {@code at} (event time); the first stop counts. */
    void stop(Instant at) {
        if (stoppedAt == null) {
            stoppedAt = at;
        }
    }

    /**
     * A warning can still be raised: not raised yet, and the awaited event did not happen at or
     * before the warning point (in event time, however late it was consumed).
     */
    public boolean warningOpen() {
        return warnedAt == null && (stoppedAt == null || stoppedAt.isAfter(warnAt));
    }

    public boolean breachOpen() {
        return breachedAt == null && (stoppedAt == null || stoppedAt.isAfter(deadline));
    }

    /** The warning is due at {@code now}: announced, open, and past its point by the grace period. */
    public boolean warningDue(Instant now, Duration grace) {
        return announced && warningOpen() && !now.isBefore(warnAt.plus(grace));
    }

    public boolean breachDue(Instant now, Duration grace) {
        return announced && breachOpen() && !now.isBefore(deadline.plus(grace));
    }

    /** How the clock stood at {@code at}, by event time. */
    public State stateAt(Instant at) {
        if (stoppedAt != null && !stoppedAt.isAfter(at)) {
            return State.STOPPED;
        }
        if (!at.isBefore(deadline)) {
            return State.BREACHED;
        }
        return at.isBefore(warnAt) ? State.RUNNING : State.WARNING;
    }

    public SlaClock clock() {
        return clock;
    }

    public String dispatchId() {
        return dispatchId;
    }

    public Integer sequence() {
        return sequence;
    }

    public java.util.UUID startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant warnAt() {
        return warnAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public SlaPolicyApplied policy() {
        return policy;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    public boolean announced() {
        return announced;
    }

    public Instant warnedAt() {
        return warnedAt;
    }

    public Instant breachedAt() {
        return breachedAt;
    }

    void announced(Instant startedAt, Instant warnAt, Instant deadline, SlaPolicyApplied policy) {
        this.startedAt = startedAt;
        this.warnAt = warnAt;
        this.deadline = deadline;
        this.policy = policy;
        this.announced = true;
    }

    public void markAnnounced() {
        this.announced = true;
    }

    public void markWarned() {
        this.warnedAt = warnAt;
    }

    public void markBreached() {
        this.breachedAt = deadline;
    }

    void warned(Instant at) {
        if (warnedAt == null) {
            warnedAt = at;
        }
    }

    void breached(Instant at) {
        if (breachedAt == null) {
            breachedAt = at;
        }
    }
}
