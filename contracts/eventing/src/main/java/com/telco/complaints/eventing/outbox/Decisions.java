package com.telco.complaints.eventing.outbox;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.eventing.store.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The shared half of a decision a person takes over REST (a return, a dispatch from triage, a contact, a survey
 * answer): the state machine takes the decided events in order, or refuses the first it does not take; the events
 * are recorded as decided and appended to the outbox, or refused as decided before (their ids are name-based).
 * The service locks and saves its case around these, in one transaction.
 */
@ApplicationScoped
public class Decisions {

    @Inject
    ProcessedEvents processed;
    @Inject
    Outbox outbox;

    /**
     * The case after each of {@code events}, in order.
     *
     * @param refused the refusal for the state machine's detail, thrown at the first event it does not take
     */
    public static List<CaseState> fold(CaseState state, List<? extends ComplaintEvent> events,
                                       Function<String, RuntimeException> refused) {
        List<CaseState> after = new ArrayList<>(events.size());
        for (ComplaintEvent event : events) {
            Transition transition = CaseFold.apply(state, event);
            if (transition instanceof Transition.Rejected rejected) {
                throw refused.apply(rejected.rejection().detail());
            }
            state = transition.state();
            after.add(state);
        }
        return after;
    }

    /**
     * Records {@code events} as decided and appends them to the outbox, in the caller's transaction.
     *
     * @param refused thrown (so the transaction rolls back) when one of them was decided before
     */
    public void commit(String complaintId, List<? extends ComplaintEvent> events,
                       Function<String, RuntimeException> refused) {
        List<UUID> ids = events.stream().map(ComplaintEvent::eventId).toList();
        if (processed.markProcessed(ids).size() != ids.size()) {
            throw refused.apply("Complaint " + complaintId + ": this was decided already");
        }
        outbox.appendAll(events);
    }
}
