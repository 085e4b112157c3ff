package com.telco.complaints.survey;

import com.telco.complaints.survey.domain.AnswerRequest;
import com.telco.complaints.survey.domain.Answers;
import com.telco.complaints.survey.domain.Contacts;
import com.telco.complaints.survey.domain.SurveyRules;
import com.telco.complaints.survey.domain.SurveyTask;
import com.telco.complaints.survey.store.SurveyTaskStore;
import com.telco.complaints.survey.store.SurveyTaskStore.TaskRow;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * A survey agent answers ({@link OneDecision}): only a pending survey can be answered; of two racing
 * answers, the second finds the survey answered. The same idempotency key as the last answer gives that
 * answer again.
 */
@ApplicationScoped
public class Surveying {

    /**
     * What an answer did.
     *
     * @param replayed true when the request repeated an answer already taken with the same idempotency key
     */
    public record Answered(String taskKey, Answers.Decision decision, boolean replayed) {}

    @Inject
    SurveyTaskStore tasks;
    @Inject
    OneDecision decisions;
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
     * @throws OneDecision.ComplaintNotFound for an unknown complaint
     * @throws Answers.SurveyNotPending      when no survey is pending for it
     */
    public Answered answer(String complaintId, AnswerRequest request, String causationId, boolean idempotent) {
        Answered answered = decisions.decide(complaintId, state -> {
            if (idempotent) {
                Optional<TaskRow> repeated = tasks.answeredBy(complaintId, causationId);
                if (repeated.isPresent()) {
                    return OneDecision.Decided.repeated(new Answered(SurveyTask.key(complaintId, repeated.get().dispatchId()), null, true));
                }
            }
            // The returned work order's survey task keeps what its return reported and whom it held accountable.
            Optional<TaskRow> returned = !Answers.pending(state) ? Optional.empty()
                    : state.currentWorkOrder().flatMap(w -> tasks.find(w.dispatchId()));
            Map<String, String> report = !Answers.pending(state) ? null
                    : state.workOrders().isEmpty() ? Contacts.firstContactReport(state.registration().resolvedAtFirstContact())
                    : returned.map(SurveyTaskStore::report).orElse(null);
            Answers.Decision decision = Answers.decide(state, request, rules,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), causationId, report,
                    returned.map(TaskRow::accountable).orElse(null));
            return new OneDecision.Decided<>(decision.events(), new Answered(SurveyTask.key(complaintId, decision.dispatchId()), decision, false));
        }, Answers.SurveyNotPending::new);
        if (!answered.replayed()) {
            meters.counter("survey.answers", "outcome", answered.decision().outcome().name()).increment();
        }
        return answered;
    }
}
