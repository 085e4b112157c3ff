package com.telco.complaints.survey;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.eventing.outbox.Decisions;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.survey.messaging.Projection;
import com.telco.complaints.survey.store.CaseChanges;
import com.telco.complaints.survey.store.CaseStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A decision the customer desk takes over REST (a contact, a survey answer): under the case's row lock,
 * decide from the case as it stands, apply the events to it in order with the state machine, and commit
 * them with the case, its survey task and their outbox rows, in a transaction of its own. Two racing
 * requests serialize on the lock; the second decides on the state the first left. A refusal writes
 * nothing.
 */
@ApplicationScoped
public class OneDecision {

    /** No such complaint (survey has seen no registration of it). */
    public static final class ComplaintNotFound extends RequestProblems.NotFound {
        public ComplaintNotFound(String complaintId) {
            super("No complaint " + complaintId);
        }
    }

    /**
     * What a decision comes to: the events to commit, and what to answer; no events when the request
     * repeats one taken before (its idempotency key), and the answer is that request's.
     */
    public record Decided<R>(List<ComplaintEvent> events, R result) {
        public static <R> Decided<R> repeated(R result) {
            return new Decided<>(List.of(), result);
        }
    }

    @Inject
    CaseStore cases;
    @Inject
    Decisions decisions;
    @Inject
    Projection projection;

    /**
     * @param decide  what the case as it stands comes to, or a refusal it throws
     * @param refused the refusal when the state machine does not take an event (its detail given), or when the
     *                same fact was decided before
     * @throws ComplaintNotFound for a complaint survey has not seen registered
     */
    public <R> R decide(String complaintId, Function<CaseState, Decided<R>> decide,
                        Function<String, RuntimeException> refused) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseState state = Optional.ofNullable(cases.lock(List.of(complaintId)).get(complaintId))
                    .filter(CaseState::isRegistered).orElseThrow(() -> new ComplaintNotFound(complaintId));
            Decided<R> decided = decide.apply(state);
            if (decided.events().isEmpty()) {
                return decided.result();
            }
            List<CaseState> after = Decisions.fold(state, decided.events(), refused);
            CaseChanges changes = new CaseChanges();
            for (int i = 0; i < after.size(); i++) {
                changes.applied(decided.events().get(i), after.get(i));
            }
            projection.save(changes);
            decisions.commit(complaintId, decided.events(), refused);
            return decided.result();
        });
    }
}
