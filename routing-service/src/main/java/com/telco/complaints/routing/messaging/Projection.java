package com.telco.complaints.routing.messaging;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.CaseBatch;
import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.eventing.log.EventHandler;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.eventing.store.ProcessedEvents;
import com.telco.complaints.routing.domain.DispatchRules;
import com.telco.complaints.routing.domain.EscalationLadder;
import com.telco.complaints.routing.domain.RoutingDecisions;
import com.telco.complaints.routing.store.CaseStore.StoredCase;
import com.telco.complaints.routing.store.CaseStore;
import com.telco.complaints.routing.store.WorkOrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * routing's handler of {@code complaint-events}: every event folds into its case with the
 * contracts' state machine (an event that does not fit is counted, logged with its offset, and
 * skipped; an event applied before is skipped by its id), then routing decides what the changed
 * cases are owed (dispatch on registration, unless the complaint was resolved at the first contact; redispatch
 * after a failed survey, or a first work order when the failed survey was of the answer given at the first
 * contact; the urge at an open work order's RETURN warning, the escalation and notice at its breach) and appends
 * those events to the outbox, all in the transaction the library runs with the new positions.
 */
@ApplicationScoped
public class Projection implements EventHandler {

    @Inject
    ProcessedEvents processed;
    @Inject
    CaseBatch batch;
    @Inject
    CaseStore cases;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    Outbox outbox;
    @Inject
    DispatchRules rules;
    @Inject
    EscalationLadder ladder;
    @Inject
    Clock clock;
    @Inject
    AfterCommit afterCommit;
    @Inject
    MeterRegistry meters;

    @Override
    public void apply(List<Delivered> all, Applying applying) {
        Map<String, Integer> partitions = new HashMap<>();
        List<ComplaintEvent> applied = new ArrayList<>();
        Map<String, CaseState> folded = batch.fold(all, ids -> {
            Map<String, CaseState> states = new HashMap<>();
            cases.lock(ids).forEach((id, stored) -> {
                states.put(id, stored.state());
                partitions.put(id, stored.partition());
            });
            return states;
        }, (d, after) -> {
            partitions.putIfAbsent(d.event().complaintId(), d.partition());
            applied.add(d.event());
        });
        Map<String, StoredCase> changed = new LinkedHashMap<>();
        folded.forEach((id, state) -> changed.put(id, new StoredCase(state, partitions.get(id))));
        Instant now = now();
        List<String> owed = changed.values().stream().filter(c -> applying.deciding(c.partition()))
                .map(c -> c.state().complaintId()).toList();
        applied.addAll(decide(owed, changed, now));
        save(changed.values(), applied, now);
    }

    /** Decides for every case owed a decision on {@code partitions} (all when null). */
    @Override
    public int reconcile(Collection<Integer> partitions, Applying applying) {
        List<String> owed = cases.pending(partitions);
        return owed.isEmpty() ? 0 : decideFor(owed);
    }

    /**
     * Decides, under their row locks, what {@code complaintIds} owe now (the escalation watch's cases, the
     * reconciled ones), in the caller's transaction; returns how many events were decided.
     */
    public int decideFor(List<String> complaintIds) {
        Instant now = now();
        Map<String, StoredCase> changed = new LinkedHashMap<>(cases.lock(complaintIds));
        List<ComplaintEvent> decided = decide(complaintIds.stream().filter(changed::containsKey).toList(), changed, now);
        save(changed.values(), decided, now);
        return decided.size();
    }

    /** More decisions than this for one case at once is a loop in the rules, not a case. */
    private static final int MOST_DECISIONS_PER_CASE = 32;

    /**
     * Decides for {@code owed} among {@code changed} until each owes nothing more (a breach found late may owe an
     * urge, escalations and a notice at once), appends the events to the outbox, updates {@code changed}.
     */
    private List<ComplaintEvent> decide(List<String> owed, Map<String, StoredCase> changed, Instant now) {
        List<ComplaintEvent> decisions = new ArrayList<>();
        for (String complaintId : owed) {
            StoredCase stored = changed.get(complaintId);
            CaseState state = stored.state();
            for (int n = 0; ; n++) {
                Optional<ComplaintEvent> decision = RoutingDecisions.decide(state, rules, ladder, now);
                if (decision.isEmpty()) {
                    break;
                }
                if (n == MOST_DECISIONS_PER_CASE) {
                    throw new IllegalStateException("routing keeps deciding for " + complaintId + ": " + decision.get());
                }
                Transition transition = CaseFold.apply(state, decision.get());
                if (!transition.applied()) {
                    throw new IllegalStateException("routing decided an event its own state rejects: " + transition);
                }
                decisions.add(decision.get());
                state = transition.state();
            }
            changed.put(complaintId, new StoredCase(state, stored.partition()));
        }
        processed.markProcessed(decisions.stream().map(ComplaintEvent::eventId).toList());
        outbox.appendAll(decisions);
        for (ComplaintEvent event : decisions) {
            String name = EventType.of(event).eventName();
            afterCommit.run(() -> meters.counter("routing.decisions", "event", name).increment());
        }
        return decisions;
    }

    /** Writes cases, with what they owe at {@code now}, and their work orders as {@code applied} left them. */
    public void save(Collection<StoredCase> changed, List<ComplaintEvent> applied, Instant now) {
        cases.save(changed, state -> RoutingDecisions.owed(state, ladder, now));
        workOrders.apply(changed.stream().map(StoredCase::state).toList(), applied);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
