package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.Rejection;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clocks of one case, evolved by its events (event time decides, never processing time):
 * RETURN runs from Dispatched/Redispatched to the Returned of that work order (or its
 * replacement); SURVEY from Returned to the survey answer or closing; CASE from registration to
 * closing. The service's own SlaClockStarted, SlaWarningRaised and SlaBreached on the log are part
 * of the state: an announced deadline is adopted as a fact, and a raised warning is never raised again.
 */
public final class SlaCase {

    private final String complaintId;
    private int partition;
    private CaseProfile profile;
    private Instant closedAt;
    private final List<TrackedClock> clocks;

    public SlaCase(String complaintId, int partition, CaseProfile profile, Instant closedAt, List<TrackedClock> clocks) {
        this.complaintId = complaintId;
        this.partition = partition;
        this.profile = profile;
        this.closedAt = closedAt;
        this.clocks = new ArrayList<>(clocks);
    }

    public static SlaCase empty(String complaintId, int partition) {
        return new SlaCase(complaintId, partition, null, null, List.of());
    }

    /** What applying an event did: clocks it started (to announce), or why it did not fit. */
    public record Outcome(List<TrackedClock> started, Rejection rejection) {
        static final Outcome NOTHING = new Outcome(List.of(), null);

        static Outcome started(TrackedClock clock) {
            return clock == null ? NOTHING : new Outcome(List.of(clock), null);
        }

        static Outcome rejected(RejectionReason reason, String detail) {
            return new Outcome(List.of(), new Rejection(reason, detail));
        }
    }

    public Outcome apply(ComplaintEvent event, SlaPolicies policies, BusinessCalendar calendar) {
        if (profile == null && !(event instanceof ComplaintRegistered) && !(event instanceof SlaClockStarted)
                && !(event instanceof SlaWarningRaised) && !(event instanceof SlaBreached)) {
            return Outcome.rejected(RejectionReason.NOT_REGISTERED,
                    EventType.of(event).eventName() + " for unregistered " + complaintId);
        }
        switch (EventType.of(event)) {
            case COMPLAINT_REGISTERED: {
                if (profile != null) {
                    return Outcome.rejected(RejectionReason.ALREADY_REGISTERED, complaintId + " is already registered");
                }
                profile = CaseProfile.of((ComplaintRegistered) event);
                return Outcome.started(start(SlaClock.CASE, null, event.eventId(), event.occurredAt(), policies, calendar));
            }
            case DISPATCHED: {
                Dispatched d = (Dispatched) event;
                return Outcome.started(start(SlaClock.RETURN, d.dispatchId(), d.eventId(), d.occurredAt(), policies, calendar));
            }
            case REDISPATCHED: {
                Redispatched r = (Redispatched) event;
                find(SlaClock.RETURN, r.previousDispatchId()).ifPresent(c -> c.stop(r.occurredAt()));
                return Outcome.started(start(SlaClock.RETURN, r.dispatchId(), r.eventId(), r.occurredAt(), policies, calendar));
            }
            case RETURNED: {
                Returned r = (Returned) event;
                Optional<TrackedClock> returnClock = find(SlaClock.RETURN, r.dispatchId());
                if (returnClock.isEmpty()) {
                    return Outcome.rejected(RejectionReason.UNKNOWN_WORK_ORDER,
                            "Returned names work order " + r.dispatchId() + " without a RETURN clock");
                }
                if (returnClock.get().stoppedAt() != null && find(SlaClock.SURVEY, r.dispatchId()).isPresent()) {
                    return Outcome.rejected(RejectionReason.ALREADY_RETURNED, "work order " + r.dispatchId()
                            + " was returned at " + returnClock.get().stoppedAt());
                }
                returnClock.get().stop(r.occurredAt());
                return Outcome.started(start(SlaClock.SURVEY, r.dispatchId(), r.eventId(), r.occurredAt(), policies, calendar));
            }
            case SURVEY_PASSED:
                stop(SlaClock.SURVEY, ((SurveyPassed) event).dispatchId(), event.occurredAt());
                return Outcome.NOTHING;
            case SURVEY_FAILED:
                stop(SlaClock.SURVEY, ((SurveyFailed) event).dispatchId(), event.occurredAt());
                return Outcome.NOTHING;
            case COMPLAINT_CLOSED: {
                ComplaintClosed c = (ComplaintClosed) event;
                if (closedAt == null) {
                    closedAt = c.occurredAt();
                }
                clocks.forEach(clock -> clock.stop(c.occurredAt()));
                return Outcome.NOTHING;
            }
            case SLA_CLOCK_STARTED: {
                SlaClockStarted s = (SlaClockStarted) event;
                Optional<TrackedClock> existing = find(s.clock(), s.dispatchId());
                if (existing.isPresent()) {
                    existing.get().announced(s.startedAt(), s.warnAt(), s.deadline(), s.policy());
                } else {
                    clocks.add(new TrackedClock(s.clock(), s.dispatchId(), null, s.startedAt(), s.warnAt(), s.deadline(),
                            s.policy(), closedAt, true, null, null));
                }
                return Outcome.NOTHING;
            }
            case SLA_WARNING_RAISED: {
                SlaWarningRaised w = (SlaWarningRaised) event;
                Optional<TrackedClock> clock = find(w.clock(), w.dispatchId());
                if (clock.isEmpty()) {
                    return Outcome.rejected(RejectionReason.UNKNOWN_CLOCK, "warning for an unknown " + w.clock() + " clock");
                }
                clock.get().warned(w.occurredAt());
                return Outcome.NOTHING;
            }
            case SLA_BREACHED: {
                SlaBreached b = (SlaBreached) event;
                Optional<TrackedClock> clock = find(b.clock(), b.dispatchId());
                if (clock.isEmpty()) {
                    return Outcome.rejected(RejectionReason.UNKNOWN_CLOCK, "breach of an unknown " + b.clock() + " clock");
                }
                clock.get().breached(b.occurredAt());
                return Outcome.NOTHING;
            }
            case CUSTOMER_UNREACHABLE:
            default:
                return Outcome.NOTHING;
        }
    }

    /** Starts a clock unless it exists (a redelivered start changes nothing). */
    private TrackedClock start(SlaClock clock, String dispatchId, java.util.UUID cause, Instant at,
                               SlaPolicies policies, BusinessCalendar calendar) {
        if (find(clock, dispatchId).isPresent()) {
            return null;
        }
        SlaPolicy policy = policies.policyFor(clock, profile);
        SlaPolicy.Deadlines deadlines = policy.deadlinesFrom(at, calendar);
        TrackedClock started = new TrackedClock(clock, dispatchId, cause, at, deadlines.warnAt(), deadlines.deadline(),
                policy.applied(), closedAt, false, null, null);
        clocks.add(started);
        return started;
    }

    private void stop(SlaClock clock, String dispatchId, Instant at) {
        find(clock, dispatchId).ifPresent(c -> c.stop(at));
    }

    public Optional<TrackedClock> find(SlaClock clock, String dispatchId) {
        for (TrackedClock c : clocks) {
            if (c.watches(clock, dispatchId)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public String complaintId() {
        return complaintId;
    }

    public int partition() {
        return partition;
    }

    public void partition(int partition) {
        this.partition = partition;
    }

    public CaseProfile profile() {
        return profile;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public List<TrackedClock> clocks() {
        return clocks;
    }
}
