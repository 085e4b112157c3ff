package com.telco.complaints.routing.messaging;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
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
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.IncidentNotices;
import com.telco.complaints.routing.domain.Incidents;
import com.telco.complaints.routing.domain.RoutingDecisions;
import com.telco.complaints.routing.store.CaseStore.StoredCase;
import com.telco.complaints.routing.store.CaseStore;
import com.telco.complaints.routing.store.IncidentStore;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * routing's handler of {@code complaint-events}: every event folds into its case with the
 * contracts' state machine (an event that does not fit is counted, logged with its offset, and
 * skipped; an event applied before is skipped by its id), then routing decides what the changed
 * cases are owed (dispatch on registration, unless the complaint was resolved at the first contact; redispatch
 * after a failed survey, or a first work order when the failed survey was of the answer given at the first
 * contact; the urge at an open work order's RETURN warning, the escalation and notice at its breach; the link to an
 * open outage incident instead of the dispatch, and the emergency group's notices it tips; the provisional refund at
 * a billing dispute's PROOF breach) and appends those events to the outbox, all in the transaction the library runs
 * with the new positions.
 *
 * <p>Why the incident gate: an operator declares or resolves an incident while registrations are being applied. A
 * decider takes the gate row FOR SHARE before it reads which incidents are open and holds it until it commits; the
 * incident doors take it FOR UPDATE ({@link IncidentStore}). So a declaration waits for the deciders in flight (whose
 * registrations it then finds dispatched, and links, superseding their orders) and the deciders after it see the
 * incident (and link the registrations it gathers); a resolution waits likewise, and no decider after it links to
 * the resolved incident. A registration is never dispatched on its own past an open incident that gathers it, nor
 * linked to one resolved. Deciders do not wait for one another: they lock only the incident rows they link to
 * (after their cases), so two of them linking to one incident take turns on its count and notices.
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

    @Inject
    IncidentStore incidents;
    @Inject
    IncidentNotices notices;

    @Override
    public void apply(List<Delivered> all, Applying applying) {
        boolean deciding = all.stream().anyMatch(d -> applying.deciding(d.partition()));
        List<Incident> open = deciding ? openIncidents() : List.of();
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
        applied.addAll(decide(owed, changed, open, now));
        save(changed.values(), applied, now);
    }

    /** Admitted at the incident gate (see the class comment), the incidents open until this transaction ends. */
    private List<Incident> openIncidents() {
        incidents.admitLinking();
        return incidents.open();
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
        List<Incident> open = openIncidents();
        Instant now = now();
        Map<String, StoredCase> changed = new LinkedHashMap<>(cases.lock(complaintIds));
        List<ComplaintEvent> decided = decide(complaintIds.stream().filter(changed::containsKey).toList(), changed,
                open, now);
        save(changed.values(), decided, now);
        return decided.size();
    }

    /** More decisions than this for one case at once is a loop in the rules, not a case. */
    private static final int MOST_DECISIONS_PER_CASE = 32;

    /**
     * Decides for {@code owed} among {@code changed} until each owes nothing more (a breach found late may owe an
     * urge, escalations and a notice at once; a link, the notice it tips), appends the events to the outbox, updates
     * {@code changed} and the incidents linked to.
     */
    private List<ComplaintEvent> decide(List<String> owed, Map<String, StoredCase> changed, List<Incident> open,
                                        Instant now) {
        Map<String, Incident> linkable = lockGathering(open, owed, changed, now);
        Map<String, Incident> linkedTo = new LinkedHashMap<>();
        List<ComplaintEvent> decisions = new ArrayList<>();
        for (String complaintId : owed) {
            StoredCase stored = changed.get(complaintId);
            CaseState state = stored.state();
            for (int n = 0; ; n++) {
                Optional<ComplaintEvent> decision = RoutingDecisions.decide(state, rules, ladder, linkable.values(),
                        now);
                if (decision.isEmpty()) {
                    break;
                }
                if (n == MOST_DECISIONS_PER_CASE) {
                    throw new IllegalStateException("routing keeps deciding for " + complaintId + ": " + decision.get());
                }
                List<ComplaintEvent> events = new ArrayList<>(List.of(decision.get()));
                state = fold(state, decision.get());
                if (decision.get() instanceof IncidentLinked link) {
                    IncidentNotices.AfterLink after = notices.after(linkable.get(link.incidentId()), state, link, now);
                    linkable.put(link.incidentId(), after.incident());
                    linkedTo.put(link.incidentId(), after.incident());
                    for (EscalationNotice notice : after.notices()) {
                        state = fold(state, notice);
                        events.add(notice);
                    }
                }
                decisions.addAll(events);
            }
            changed.put(complaintId, new StoredCase(state, stored.partition()));
        }
        incidents.saveLinks(linkedTo.values());
        processed.markProcessed(decisions.stream().map(ComplaintEvent::eventId).toList());
        outbox.appendAll(decisions);
        for (ComplaintEvent event : decisions) {
            String name = EventType.of(event).eventName();
            afterCommit.run(() -> meters.counter("routing.decisions", "event", name).increment());
        }
        return decisions;
    }

    private static CaseState fold(CaseState state, ComplaintEvent decided) {
        Transition transition = CaseFold.apply(state, decided);
        if (!transition.applied()) {
            throw new IllegalStateException("routing decided an event its own state rejects: " + transition);
        }
        return transition.state();
    }

    /**
     * The open incidents that gather a registration owed its dispatch among {@code owed}, locked (after the cases, see
     * the class comment) and read afresh; none when no incident is open, the usual case, at no cost.
     */
    private Map<String, Incident> lockGathering(List<Incident> open, List<String> owed,
                                                Map<String, StoredCase> changed, Instant now) {
        if (open.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Set<String> gathering = new TreeSet<>();
        for (String complaintId : owed) {
            CaseState state = changed.get(complaintId).state();
            if (RoutingDecisions.pending(state, ladder, now).filter(p -> p == RoutingDecisions.Pending.DISPATCH)
                    .isPresent() && state.status() == CaseStatus.REGISTERED) {
                Incidents.matching(open, state.registration()).ifPresent(i -> gathering.add(i.incidentId()));
            }
        }
        Map<String, Incident> locked = new LinkedHashMap<>();
        if (!gathering.isEmpty()) {
            incidents.lock(gathering).forEach(i -> locked.put(i.incidentId(), i));
        }
        return locked;
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
