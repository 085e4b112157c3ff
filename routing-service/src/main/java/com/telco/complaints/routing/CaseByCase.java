package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.eventing.outbox.Decisions;
import com.telco.complaints.routing.messaging.Projection;
import com.telco.complaints.routing.store.CaseStore;
import com.telco.complaints.routing.store.CaseStore.StoredCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A decision a person takes over REST for many cases at once (an incident declared, rescheduled, resolved): like
 * {@link OneDecision}, under the cases' row locks, each case decided from its state as it stands, the events applied
 * with the state machine and committed with the cases and their outbox rows — in the caller's transaction, which
 * holds the incident gate, so that the whole incident changes at once or not at all.
 */
@ApplicationScoped
public class CaseByCase {

    @Inject
    CaseStore cases;
    @Inject
    Decisions decisions;
    @Inject
    Projection projection;

    /**
     * @param complaintIds the cases, decided in this order (those routing does not know are passed over)
     * @param decide       the events a case owes, in order (none: the case is left as it is)
     * @return every event decided, in order
     * @throws IllegalStateException when the state machine refuses an event decided (a bug, never a request's fault)
     */
    public List<ComplaintEvent> decide(List<String> complaintIds, Instant now,
                                       Function<CaseState, List<? extends ComplaintEvent>> decide) {
        Map<String, StoredCase> locked = cases.lock(complaintIds);
        List<StoredCase> changed = new ArrayList<>();
        List<ComplaintEvent> events = new ArrayList<>();
        for (String complaintId : complaintIds) {
            StoredCase stored = locked.get(complaintId);
            if (stored == null || !stored.state().isRegistered()) {
                continue;
            }
            List<? extends ComplaintEvent> owed = decide.apply(stored.state());
            if (owed.isEmpty()) {
                continue;
            }
            List<CaseState> after = Decisions.fold(stored.state(), owed, IllegalStateException::new);
            changed.add(new StoredCase(after.get(after.size() - 1), stored.partition()));
            events.addAll(owed);
        }
        projection.save(changed, events, now);
        decisions.commit(complaintIds.size() + " complaints", events, IllegalStateException::new);
        return events;
    }
}
