package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.eventing.store.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A batch of delivered events folded into their cases with the contracts' state machine, as every service that
 * keeps cases does it: an event applied before is skipped by its id; the cases of the rest are loaded (and locked)
 * at once; each event is applied in log order to its case as the batch left it; an event that does not fit is
 * recorded as not applied (counted, logged with its offset) and skipped.
 */
@ApplicationScoped
public class CaseBatch {

    @Inject
    ProcessedEvents processed;
    @Inject
    NotApplied notApplied;

    /**
     * @param lock    loads, and locks until the transaction ends, the cases of these complaint numbers (those it knows)
     * @param applied told of every event applied, with the case after it, in log order
     * @return the cases the batch changed, as it left them, in the order they were first changed
     */
    public Map<String, CaseState> fold(List<Delivered> all, Function<List<String>, Map<String, CaseState>> lock,
                                       BiConsumer<Delivered, CaseState> applied) {
        List<Delivered> delivered = processed.fresh(all);
        Map<String, CaseState> loaded = lock.apply(delivered.stream().map(d -> d.event().complaintId()).distinct()
                .toList());
        Map<String, CaseState> changed = new LinkedHashMap<>();
        for (Delivered d : delivered) {
            ComplaintEvent event = d.event();
            CaseState state = changed.getOrDefault(event.complaintId(), loaded.get(event.complaintId()));
            Transition transition = CaseFold.apply(state == null ? CaseState.initial(event.complaintId()) : state,
                    event);
            if (transition instanceof Transition.Rejected rejected) {
                notApplied.record(d, rejected.rejection());
                continue;
            }
            changed.put(event.complaintId(), transition.state());
            applied.accept(d, transition.state());
        }
        return changed;
    }
}
