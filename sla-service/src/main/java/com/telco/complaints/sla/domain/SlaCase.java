package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.Rejection;
import com.telco.complaints.contracts.lifecycle.RejectionReason;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clocks of one case, evolved by its events (event time decides, never processing time):
 * RETURN runs from Dispatched/Redispatched to the Returned of that work order (or its
 * replacement); SURVEY from Returned to the survey answer or closing; CASE from registration to
 * closing. What the customer is owed (DB3212/T 1102-2022): CONTACT from registration to the first
 * contact that reached them (a survey call that was answered counts); ANSWER from registration to
 * the final answer, reached or sent in writing; PROGRESS, run after run, from the ANSWER deadline
 * passed unanswered or from a contact at which the customer agreed to a later time, each run due
 * 48 hours after the last reached contact or at the agreed time, replaced by the next run at the next
 * reached contact, and over with the final answer. DISPATCH runs while a complaint no dispatch rule fits
 * waits for an operator (AwaitingTriage to Dispatched). A complaint resolved during the first contact
 * (即时处理, registered with {@code resolvedAtFirstContact}) has CONTACT and ANSWER met at its registration
 * and a SURVEY clock without a work order (dispatchId null) from registration to the survey of that answer
 * (a survey event without dispatchId) or closing; a failed survey then gets the case its first work order,
 * whose RETURN runs as usual. A complaint linked to an outage incident (IncidentLinked) ends the RETURN clock of the
 * open work order it had (and its wait for triage) at the link; its own work order held by the incident gets no RETURN
 * clock, since the incident's estimated repair time governs it and routing must not urge every linked complaint, but
 * its Returned starts the SURVEY clock as usual. A BUSINESS complaint that disputes a service provider's charge
 * (registered with {@code billingDispute}) runs PROOF from registration to the provider's proof (SpProofReceived), or
 * the provisional refund its breach earns (ProvisionalRefundGranted): closing the case does not stop it (the charge is
 * not settled by closing), so a proof recorded after closing stops it as well. The service's own SlaClockStarted,
 * SlaWarningRaised and SlaBreached on the log are part of the state: an announced deadline is adopted as a fact, and a
 * raised warning is never raised again.
 */
public final class SlaCase {

    private final String complaintId;
    private int partition;
    private CaseProfile profile;
    private Instant closedAt;
    /** The last contact that reached the customer, in event time. */
    private Instant lastReachedAt;
    /** When the final answer reached the customer or was sent in writing. */
    private Instant answeredAt;
    /** The case's work order held by an outage incident: it has no RETURN clock, and its return is surveyed. */
    private String heldWorkOrder;
    private final List<TrackedClock> clocks;

    public SlaCase(String complaintId, int partition, CaseProfile profile, Instant closedAt, Instant lastReachedAt,
                   Instant answeredAt, String heldWorkOrder, List<TrackedClock> clocks) {
        this.complaintId = complaintId;
        this.partition = partition;
        this.profile = profile;
        this.closedAt = closedAt;
        this.lastReachedAt = lastReachedAt;
        this.answeredAt = answeredAt;
        this.heldWorkOrder = heldWorkOrder;
        this.clocks = new ArrayList<>(clocks);
    }

    public static SlaCase empty(String complaintId, int partition) {
        return new SlaCase(complaintId, partition, null, null, null, null, null, List.of());
    }

    /** What applying an event did: clocks it started (to announce), or why it did not fit. */
    public record Outcome(List<TrackedClock> started, Rejection rejection) {
        static final Outcome NOTHING = new Outcome(List.of(), null);

        static Outcome started(TrackedClock clock) {
            return clock == null ? NOTHING : new Outcome(List.of(clock), null);
        }

        static Outcome started(List<TrackedClock> clocks) {
            List<TrackedClock> started = clocks.stream().filter(java.util.Objects::nonNull).toList();
            return started.isEmpty() ? NOTHING : new Outcome(started, null);
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
                ComplaintRegistered registered = (ComplaintRegistered) event;
                profile = CaseProfile.of(registered);
                Instant at = registered.occurredAt();
                // A clock already adopted from its announcement (read before the registration) starts nothing.
                List<TrackedClock> started = new ArrayList<>(java.util.Arrays.asList(
                        start(SlaClock.CASE, null, event.eventId(), at, policies, calendar),
                        start(SlaClock.CONTACT, null, event.eventId(), at, policies, calendar),
                        start(SlaClock.ANSWER, null, event.eventId(), at, policies, calendar)));
                if (registered.resolvedOnTheSpot()) {
                    // Resolved during the first contact (即时处理): the customer was reached and given the answer
                    // then, so CONTACT and ANSWER are met at registration (adopted or started) and no PROGRESS is
                    // ever owed; the answer is surveyed next, with no work order.
                    reached(at);
                    answered(at);
                    started.add(start(SlaClock.SURVEY, null, event.eventId(), at, policies, calendar));
                }
                if (registered.billingDispute() != null) {
                    // The service provider has 15 days to prove the disputed charge (seed 004).
                    started.add(start(SlaClock.PROOF, null, event.eventId(), at, policies, calendar));
                }
                return Outcome.started(started);
            }
            case AWAITING_TRIAGE:
                return Outcome.started(start(SlaClock.DISPATCH, null, event.eventId(), event.occurredAt(), policies,
                        calendar));
            case DISPATCHED: {
                Dispatched d = (Dispatched) event;
                stop(SlaClock.DISPATCH, null, d.occurredAt());
                return Outcome.started(start(SlaClock.RETURN, d.dispatchId(), d.eventId(), d.occurredAt(), policies, calendar));
            }
            case REDISPATCHED: {
                Redispatched r = (Redispatched) event;
                find(SlaClock.RETURN, r.previousDispatchId()).ifPresent(c -> c.stop(r.occurredAt()));
                return Outcome.started(start(SlaClock.RETURN, r.dispatchId(), r.eventId(), r.occurredAt(), policies, calendar));
            }
            case INCIDENT_LINKED:
                return linked((IncidentLinked) event);
            case RETURNED: {
                Returned r = (Returned) event;
                Optional<TrackedClock> returnClock = find(SlaClock.RETURN, r.dispatchId());
                if (returnClock.isEmpty() && r.dispatchId().equals(heldWorkOrder)) {
                    return returnedByIncident(r, policies, calendar);
                }
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
                // Without dispatchId: the survey of the answer given at the first contact (its SURVEY clock has none).
                stop(SlaClock.SURVEY, ((SurveyPassed) event).dispatchId(), event.occurredAt());
                reached(event.occurredAt());
                return Outcome.NOTHING;
            case SURVEY_FAILED:
                stop(SlaClock.SURVEY, ((SurveyFailed) event).dispatchId(), event.occurredAt());
                reached(event.occurredAt());
                return Outcome.NOTHING;
            case CUSTOMER_CONTACTED:
                return Outcome.started(contacted((CustomerContacted) event, policies, calendar));
            case COMPLAINT_CLOSED: {
                ComplaintClosed c = (ComplaintClosed) event;
                if (closedAt == null) {
                    closedAt = c.occurredAt();
                }
                clocks.stream().filter(clock -> endsWithTheCase(clock.clock())).forEach(clock -> clock.stop(c.occurredAt()));
                return Outcome.NOTHING;
            }
            case SP_PROOF_RECEIVED:
                // As the contracts' fold: the proof counts closed case or not (closing does not settle the charge);
                // routing's door refused any that came at or after the PROOF deadline.
                return endDispute(event.occurredAt());
            case PROVISIONAL_REFUND_GRANTED:
                // Refunded: the dispute is over and PROOF has nothing more to watch.
                return endDispute(event.occurredAt());
            case SLA_CLOCK_STARTED: {
                SlaClockStarted s = (SlaClockStarted) event;
                Optional<TrackedClock> existing = find(s.clock(), s.dispatchId(), s.sequence());
                if (existing.isPresent()) {
                    existing.get().announced(s.startedAt(), s.warnAt(), s.deadline(), s.policy());
                } else {
                    TrackedClock adopted = new TrackedClock(s.clock(), s.dispatchId(), s.sequence(), null, s.startedAt(),
                            s.warnAt(), s.deadline(), s.policy(), endsWithTheCase(s.clock()) ? closedAt : null, true,
                            null, null);
                    if (s.clock() == SlaClock.PROGRESS && s.sequence() != null) {
                        // The service started this run on a state this fold may not have had (a contact or the
                        // answer it had not consumed yet): as it did, the run ends the one before it, and the
                        // answer ends it.
                        find(SlaClock.PROGRESS, null, s.sequence() - 1).ifPresent(run -> run.stop(s.startedAt()));
                        if (answeredAt != null) {
                            adopted.stop(answeredAt);
                        }
                    }
                    clocks.add(adopted);
                }
                return Outcome.NOTHING;
            }
            case SLA_WARNING_RAISED: {
                SlaWarningRaised w = (SlaWarningRaised) event;
                Optional<TrackedClock> clock = find(w.clock(), w.dispatchId(), w.sequence());
                if (clock.isEmpty()) {
                    return Outcome.rejected(RejectionReason.UNKNOWN_CLOCK, "warning for an unknown " + w.clock() + " clock");
                }
                clock.get().warned(w.occurredAt());
                return Outcome.NOTHING;
            }
            case SLA_BREACHED: {
                SlaBreached b = (SlaBreached) event;
                Optional<TrackedClock> clock = find(b.clock(), b.dispatchId(), b.sequence());
                if (clock.isEmpty()) {
                    return Outcome.rejected(RejectionReason.UNKNOWN_CLOCK, "breach of an unknown " + b.clock() + " clock");
                }
                clock.get().breached(b.occurredAt());
                return Outcome.started(afterBreach(clock.get(), b.eventId(), policies, calendar));
            }
            case ESTIMATED_REPAIR_CHANGED:
                // The incident's estimate is the customer desk's to tell; the held work order has no clock to move.
            case WORK_ORDER_TRANSFERRED:
                // A transferred work order keeps its RETURN clock: the customer's time does not restart.
            case WORK_ORDER_URGED:
            case WORK_ORDER_ESCALATED:
            case ESCALATION_NOTICE:
            case CUSTOMER_UNREACHABLE:
            default:
                return Outcome.NOTHING;
        }
    }

    /**
     * What a breach starts: an ANSWER deadline passed without the final answer starts the first run of
     * PROGRESS at that deadline (unless the customer already agreed to a time, which started one). Called
     * for a breach read from the log and for one the deadline watch raises, so both start the same run.
     *
     * @param cause the breach's event id
     * @return the run started, or null
     */
    public TrackedClock afterBreach(TrackedClock breached, java.util.UUID cause, SlaPolicies policies,
                                    BusinessCalendar calendar) {
        if (breached.clock() != SlaClock.ANSWER || profile == null || answeredAt != null || closedAt != null
                || lastRun(SlaClock.PROGRESS).isPresent()) {
            return null;
        }
        return startProgress(breached.deadline(), cause, null, policies, calendar);
    }

    /**
     * The case joins an outage incident: the open work order it had is superseded (its RETURN clock stops), a wait
     * for triage is over, and the work order the incident holds for it starts no clock. Once per case.
     */
    private Outcome linked(IncidentLinked link) {
        if (heldWorkOrder != null && !heldWorkOrder.equals(link.dispatchId())) {
            return Outcome.rejected(RejectionReason.ALREADY_LINKED, complaintId + " is linked already (work order "
                    + heldWorkOrder + ")");
        }
        heldWorkOrder = link.dispatchId();
        stop(SlaClock.DISPATCH, null, link.occurredAt());
        if (link.previousDispatchId() != null) {
            stop(SlaClock.RETURN, link.previousDispatchId(), link.occurredAt());
        }
        return Outcome.NOTHING;
    }

    /** The incident was resolved for this case: its held work order is returned and surveyed as usual. */
    private Outcome returnedByIncident(Returned r, SlaPolicies policies, BusinessCalendar calendar) {
        Optional<TrackedClock> survey = find(SlaClock.SURVEY, r.dispatchId());
        if (survey.isPresent()) {
            return Outcome.rejected(RejectionReason.ALREADY_RETURNED, "work order " + r.dispatchId()
                    + " was returned at " + survey.get().startedAt());
        }
        return Outcome.started(start(SlaClock.SURVEY, r.dispatchId(), r.eventId(), r.occurredAt(), policies, calendar));
    }

    /** The dispute ended (proved, or refunded): the PROOF clock stops; the first end counts. */
    private Outcome endDispute(Instant at) {
        Optional<TrackedClock> proof = find(SlaClock.PROOF, null);
        if (proof.isEmpty()) {
            return Outcome.rejected(RejectionReason.NOT_A_DISPUTE, complaintId + " disputes no service provider's charge");
        }
        proof.get().stop(at);
        return Outcome.NOTHING;
    }

    /** Closing the case ends its clocks, but PROOF: a provisional refund is owed whether the case is closed or not. */
    private static boolean endsWithTheCase(SlaClock clock) {
        return clock != SlaClock.PROOF;
    }

    /** Closed, with nothing left to watch: no clock will stop, warn or breach again but by a late record. */
    public boolean settled() {
        return closedAt != null && clocks.stream().allMatch(c -> endsWithTheCase(c.clock()) || c.stoppedAt() != null);
    }

    /** A contact: what it meets (CONTACT, ANSWER, the running PROGRESS) and the PROGRESS run it starts. */
    private TrackedClock contacted(CustomerContacted contact, SlaPolicies policies, BusinessCalendar calendar) {
        if (closedAt != null) {
            return null;
        }
        Instant at = contact.occurredAt();
        if (contact.reachedCustomer()) {
            reached(at);
        }
        if (answeredAt != null || startedRun(contact)) {
            return null;
        }
        if (contact.answers()) {
            answered(at);
            return null;
        }
        if (contact.agreesLaterContact()) {
            return startProgress(at, contact.eventId(), contact.agreedNextContactBy(), policies, calendar);
        }
        boolean running = lastRun(SlaClock.PROGRESS).filter(run -> run.stoppedAt() == null).isPresent();
        return contact.reachedCustomer() && running ? startProgress(at, contact.eventId(), null, policies, calendar)
                : null;
    }

    /**
     * The contact started the last PROGRESS run already: the same record read again (the service keeps no
     * list of the events it applied, so every event must change nothing the second time).
     */
    private boolean startedRun(CustomerContacted contact) {
        return lastRun(SlaClock.PROGRESS).filter(run -> contact.eventId().equals(run.startedBy())
                || run.startedBy() == null && run.startedAt().equals(contact.occurredAt())).isPresent();
    }

    /** The customer was reached at {@code at}: the first contact is made. */
    private void reached(Instant at) {
        stop(SlaClock.CONTACT, null, at);
        if (lastReachedAt == null || at.isAfter(lastReachedAt)) {
            lastReachedAt = at;
        }
    }

    /** The final answer reached the customer or was sent in writing at {@code at}: ANSWER and PROGRESS are over. */
    private void answered(Instant at) {
        if (answeredAt == null || at.isBefore(answeredAt)) {
            answeredAt = at;
        }
        stop(SlaClock.ANSWER, null, at);
        lastRun(SlaClock.PROGRESS).ifPresent(run -> run.stop(at));
    }

    /**
     * Ends the running PROGRESS run at {@code at} and starts the next: due at the agreed time when there is
     * one, else by the policy from the last reached contact (from {@code at} when the customer was never
     * reached), the warning never before the run starts.
     */
    private TrackedClock startProgress(Instant at, java.util.UUID cause, Instant agreedBy, SlaPolicies policies,
                                       BusinessCalendar calendar) {
        Optional<TrackedClock> previous = lastRun(SlaClock.PROGRESS);
        previous.ifPresent(run -> run.stop(at));
        int sequence = previous.map(run -> run.sequence() + 1).orElse(1);
        SlaPolicy policy = policies.policyFor(SlaClock.PROGRESS, profile);
        Instant warnAt;
        Instant deadline;
        SlaPolicyApplied applied;
        if (agreedBy != null) {
            Duration agreed = Duration.between(at, agreedBy);
            deadline = agreedBy.truncatedTo(ChronoUnit.MICROS);
            warnAt = at.plusNanos(Math.round(agreed.toNanos() * policy.warningRatio())).truncatedTo(ChronoUnit.MICROS);
            applied = new SlaPolicyApplied(AGREED_POLICY, LimitKind.CALENDAR, agreed, policy.warningRatio());
        } else {
            Instant anchor = lastReachedAt != null && lastReachedAt.isBefore(at) ? lastReachedAt : at;
            SlaPolicy.Deadlines deadlines = policy.deadlinesFrom(anchor, calendar);
            deadline = latest(deadlines.deadline(), at);
            warnAt = latest(deadlines.warnAt(), at);
            applied = policy.applied();
        }
        TrackedClock started = new TrackedClock(SlaClock.PROGRESS, null, sequence, cause, at, warnAt, deadline, applied,
                closedAt, false, null, null);
        clocks.add(started);
        return started;
    }

    /** The policy id of a PROGRESS run due at the time the customer agreed to. */
    public static final String AGREED_POLICY = "agreed-with-customer";

    private static Instant latest(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }

    /** The run of {@code clock} with the highest sequence. */
    private Optional<TrackedClock> lastRun(SlaClock clock) {
        TrackedClock last = null;
        for (TrackedClock c : clocks) {
            if (c.clock() == clock && c.sequence() != null && (last == null || c.sequence() > last.sequence())) {
                last = c;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Starts a clock unless it exists (a redelivered start changes nothing). */
    private TrackedClock start(SlaClock clock, String dispatchId, java.util.UUID cause, Instant at,
                               SlaPolicies policies, BusinessCalendar calendar) {
        if (find(clock, dispatchId).isPresent()) {
            return null;
        }
        SlaPolicy policy = policies.policyFor(clock, profile);
        SlaPolicy.Deadlines deadlines = policy.deadlinesFrom(at, calendar);
        TrackedClock started = new TrackedClock(clock, dispatchId, null, cause, at, deadlines.warnAt(),
                deadlines.deadline(), policy.applied(), endsWithTheCase(clock) ? closedAt : null, false, null, null);
        clocks.add(started);
        return started;
    }

    private void stop(SlaClock clock, String dispatchId, Instant at) {
        find(clock, dispatchId).ifPresent(c -> c.stop(at));
    }

    public Optional<TrackedClock> find(SlaClock clock, String dispatchId) {
        return find(clock, dispatchId, null);
    }

    public Optional<TrackedClock> find(SlaClock clock, String dispatchId, Integer sequence) {
        for (TrackedClock c : clocks) {
            if (c.watches(clock, dispatchId, sequence)) {
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

    public Instant lastReachedAt() {
        return lastReachedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String heldWorkOrder() {
        return heldWorkOrder;
    }

    public List<TrackedClock> clocks() {
        return clocks;
    }
}
