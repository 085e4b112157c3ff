package com.telco.complaints.survey.messaging;

import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.CaseBatch;
import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.eventing.log.EventHandler;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.survey.IncidentNoticing;
import com.telco.complaints.survey.store.CaseChanges;
import com.telco.complaints.survey.store.CaseStore;
import com.telco.complaints.survey.store.IncidentNoticeStore;
import com.telco.complaints.survey.store.SurveyTaskStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * survey's handler of {@code complaint-events}: every event folds into its case with the contracts'
 * state machine (an event that does not fit is counted, logged with its offset, and skipped; an
 * event applied before is skipped by its id), then the cases and their survey tasks are written.
 * Survey's decisions are answers and contacts, taken over REST, but one: the written notice of an outage
 * incident's estimated repair time that a linked customer is owed ({@link IncidentNoticing}), sent as the link or
 * the changed estimate is applied on a partition that decides, and by {@link #reconcile} once one caught up.
 */
@ApplicationScoped
public class Projection implements EventHandler {

    @Inject
    CaseBatch batch;
    @Inject
    CaseStore cases;
    @Inject
    SurveyTaskStore tasks;
    @Inject
    IncidentNoticeStore notices;
    @Inject
    IncidentNoticing noticing;
    @Inject
    AfterCommit afterCommit;
    @Inject
    MeterRegistry meters;

    @Override
    public void apply(List<Delivered> all, Applying applying) {
        CaseChanges changes = new CaseChanges();
        Map<String, CaseState> folded = batch.fold(all, cases::lock, changes::applied);
        save(changes);
        if (!applying.rebuilding()) {
            int opened = changes.tasksOpened();
            afterCommit.run(() -> meters.counter("survey.tasks.opened").increment(opened));
        }
        List<String> owed = changes.noticesOwedOn(applying::deciding);
        if (!owed.isEmpty()) {
            save(noticing.send(owed, folded));
        }
    }

    /** Sends the incident notices still owed on partitions that replayed from the start ({@code null}: all). */
    @Override
    public int reconcile(Collection<Integer> partitions, Applying applying) {
        List<String> owed = notices.owedCases(partitions);
        if (owed.isEmpty()) {
            return 0;
        }
        CaseChanges sent = noticing.send(owed, cases.lock(owed));
        save(sent);
        return sent.eventsApplied();
    }

    /** Writes cases and their survey tasks as they now stand, with what the events left on the tasks. */
    public void save(CaseChanges changes) {
        cases.save(changes.cases());
        tasks.project(changes.cases());
        tasks.saveReturns(changes.returns());
        tasks.saveAnswers(changes.answers());
        notices.save(changes);
    }
}
