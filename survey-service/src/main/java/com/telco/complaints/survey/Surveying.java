package com.telco.complaints.survey;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.store.ProcessedEvents;
import com.telco.complaints.survey.domain.AnswerRequest;
import com.telco.complaints.survey.domain.Answers;
import com.telco.complaints.survey.domain.SurveyRules;
import com.telco.complaints.survey.messaging.Projection;
import com.telco.complaints.survey.store.CaseChanges;
import com.telco.complaints.survey.store.CaseStore;
import com.telco.complaints.survey.store.SurveyTaskStore.TaskRow;
import com.telco.complaints.survey.store.SurveyTaskStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A survey agent answers: under the case's row lock, decide (only a pending survey can be
 * answered), apply the events to the case, and commit them with the outbox rows, in order. Two
 * racing answers serialize on the lock; the second finds the survey answered.
 */
@ApplicationScoped
public class Surveying {

    /** No such complaint (survey has seen no event of it). */
    public static final class ComplaintNotFound extends RequestProblems.NotFound {
        public ComplaintNotFound(String complaintId) {
            super("No complaint " + complaintId);
        }
    }

    /**
     * What an answer did.
     *
     * @param replayed true when the request repeated an answer already taken with the same idempotency key
     */
    public record Answered(String dispatchId, Answers.Decision decision, boolean replayed) {}

    @Inject
    CaseStore cases;
    @Inject
    SurveyTaskStore tasks;
    @Inject
    ProcessedEvents processed;
    @Inject
    Projection projection;
    @Inject
    Outbox outbox;
    @Inject
    SurveyRules rules;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;

    /**
     * @param causationId        the request: its idempotency key, or a request id
     * @param idempotent         whether {@code causationId} came from the client, so that a repeat of the
     *                           last answer is answered again instead of refused
     * @throws ComplaintNotFound         for an unknown complaint
     * @throws Answers.SurveyNotPending  when no survey is pending for it
     */
    public Answered answer(String complaintId, AnswerRequest request, String causationId, boolean idempotent) {
        Answered answered = QuarkusTransaction.requiringNew().call(() -> {
            CaseState state = Optional.ofNullable(cases.lock(List.of(complaintId)).get(complaintId))
                    .orElseThrow(() -> new ComplaintNotFound(complaintId));
            if (idempotent) {
                Optional<TaskRow> repeated = tasks.answeredBy(complaintId, causationId);
                if (repeated.isPresent()) {
                    return new Answered(repeated.get().dispatchId(), null, true);
                }
            }
            Answers.Decision decision = Answers.decide(state, request, rules,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), causationId);
            CaseChanges changes = new CaseChanges();
            for (ComplaintEvent event : decision.events()) {
                Transition transition = CaseFold.apply(state, event);
                if (transition instanceof Transition.Rejected rejected) {
                    throw new Answers.SurveyNotPending(rejected.rejection().detail());
                }
                state = transition.state();
                changes.applied(event, state);
            }
            List<UUID> ids = decision.events().stream().map(ComplaintEvent::eventId).toList();
            Set<UUID> fresh = processed.markProcessed(ids);
            if (fresh.size() != ids.size()) {
                // The same fact was decided before (its id is name-based): this survey was answered already.
                throw new Answers.SurveyNotPending("The survey of work order " + decision.dispatchId()
                        + " was already answered");
            }
            projection.save(changes);
            outbox.appendAll(decision.events());
            return new Answered(decision.dispatchId(), decision, false);
        });
        if (!answered.replayed()) {
            meters.counter("survey.answers", "outcome", answered.decision().outcome().name()).increment();
        }
        return answered;
    }
}
