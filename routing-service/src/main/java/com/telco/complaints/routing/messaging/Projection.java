package com.telco.complaints.routing.messaging;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.eventing.log.NotApplied;
import com.telco.complaints.eventing.log.EventHandler;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.eventing.store.ProcessedEvents;
import com.telco.complaints.routing.domain.DispatchRules;
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
 * contact) and appends those events to the outbox, all in the transaction the library runs with the new
 * positions.
 */
@ApplicationScoped
public class Projection implements EventHandler {

    @Inject
    ProcessedEvents processed;
    @Inject
    NotApplied notApplied;
    @Inject
    CaseStore cases;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    Outbox outbox;
    @Inject
    DispatchRules rules;
    @Inject
    Clock clock;
    @Inject
    AfterCommit afterCommit;
    @Inject
    MeterRegistry meters;

    @Override
    public void apply(List<Delivered> all, Applying applying) {
        List<Delivered> delivered = processed.fresh(all);
        Map<String, StoredCase> loaded = cases.lock(delivered.stream().map(d -> d.event().complaintId()).distinct()
                .toList());
        Map<String, StoredCase> changed = new LinkedHashMap<>();
        List<Returned> returns = new ArrayList<>();
        for (Delivered d : delivered) {
            ComplaintEvent event = d.event();
            StoredCase current = changed.getOrDefault(event.complaintId(), loaded.get(event.complaintId()));
            CaseState state = current == null ? CaseState.initial(event.complaintId()) : current.state();
            Transition transition = CaseFold.apply(state, event);
            if (transition instanceof Transition.Rejected rejected) {
                notApplied.record(d, rejected.rejection());
                continue;
            }
            int partition = current != null ? current.partition() : d.partition();
            changed.put(event.complaintId(), new StoredCase(transition.state(), partition));
            if (event instanceof Returned returned) {
                returns.add(returned);
            }
        }
        List<String> owed = changed.values().stream().filter(c -> applying.deciding(c.partition()))
                .map(c -> c.state().complaintId()).toList();
        decide(owed, changed);
        save(changed.values(), returns);
    }

    /** Decides for every case owed a decision on {@code partitions} (all when null). */
    @Override
    public int reconcile(Collection<Integer> partitions, Applying applying) {
        List<String> owed = cases.pending(partitions);
        if (owed.isEmpty()) {
            return 0;
        }
        Map<String, StoredCase> changed = new LinkedHashMap<>(cases.lock(owed));
        int decided = decide(owed, changed);
        save(changed.values(), List.of());
        return decided;
    }

    /** Decides for {@code owed} among {@code changed}, appends the events to the outbox, updates {@code changed}. */
    private int decide(List<String> owed, Map<String, StoredCase> changed) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ComplaintEvent> decisions = new ArrayList<>();
        for (String complaintId : owed) {
            StoredCase stored = changed.get(complaintId);
            Optional<ComplaintEvent> decision = RoutingDecisions.decide(stored.state(), rules, now);
            if (decision.isEmpty()) {
                continue;
            }
            ComplaintEvent event = decision.get();
            Transition transition = CaseFold.apply(stored.state(), event);
            if (!transition.applied()) {
                throw new IllegalStateException("routing decided an event its own state rejects: " + transition);
            }
            decisions.add(event);
            changed.put(complaintId, new StoredCase(transition.state(), stored.partition()));
        }
        processed.markProcessed(decisions.stream().map(ComplaintEvent::eventId).toList());
        outbox.appendAll(decisions);
        for (ComplaintEvent event : decisions) {
            String name = EventType.of(event).eventName();
            afterCommit.run(() -> meters.counter("routing.decisions", "event", name).increment());
        }
        return decisions.size();
    }

    /** Writes cases and their work orders as they now stand. */
    public void save(Collection<StoredCase> changed, Collection<Returned> returns) {
        cases.save(changed);
        workOrders.project(changed.stream().map(StoredCase::state).toList());
        workOrders.saveResults(returns);
    }
}
