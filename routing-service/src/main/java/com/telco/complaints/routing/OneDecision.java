package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.eventing.outbox.Decisions;
import com.telco.complaints.routing.messaging.Projection;
import com.telco.complaints.routing.store.CaseStore;
import com.telco.complaints.routing.store.CaseStore.StoredCase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A decision a person takes over REST (a return, a dispatch from triage): under the case's row lock,
 * decide from the case as it stands, apply the event to it with the state machine, and commit it with
 * the case and its outbox row, in a transaction of its own. Two racing requests serialize on the lock;
 * the second decides on the state the first left. A refusal writes nothing. A transaction the database rolls back
 * to break a deadlock (with a rebuild's swap) runs again ({@link Deadlocks}).
 */
@ApplicationScoped
public class OneDecision {

    @Inject
    CaseStore cases;
    @Inject
    Decisions decisions;
    @Inject
    Projection projection;
    @Inject
    Clock clock;

    /**
     * @param notFound the refusal for a case routing has not seen registered
     * @param decide   the event from the case and the time now (milliseconds), or a refusal it throws
     * @param refused  the refusal when the state machine does not take the event (its detail given), or when
     *                 the same fact was decided before
     */
    public <E extends ComplaintEvent> E decide(String complaintId, Supplier<RuntimeException> notFound,
                                               BiFunction<CaseState, Instant, E> decide,
                                               Function<String, RuntimeException> refused) {
        return Deadlocks.retried("the decision on " + complaintId, () -> QuarkusTransaction.requiringNew().call(() -> {
            StoredCase stored = Optional.ofNullable(cases.lock(List.of(complaintId)).get(complaintId))
                    .filter(s -> s.state().isRegistered()).orElseThrow(notFound);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            E event = decide.apply(stored.state(), now);
            CaseState after = Decisions.fold(stored.state(), List.of(event), refused).get(0);
            projection.save(List.of(new StoredCase(after, stored.partition())), List.of(event), now);
            decisions.commit(complaintId, List.of(event), refused);
            return event;
        }));
    }
}
