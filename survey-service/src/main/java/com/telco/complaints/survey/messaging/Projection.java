package com.telco.complaints.survey.messaging;

import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.CaseBatch;
import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.eventing.log.EventHandler;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.survey.store.CaseChanges;
import com.telco.complaints.survey.store.CaseStore;
import com.telco.complaints.survey.store.SurveyTaskStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * survey's handler of {@code complaint-events}: every event folds into its case with the contracts'
 * state machine (an event that does not fit is counted, logged with its offset, and skipped; an
 * event applied before is skipped by its id), then the cases and their survey tasks are written.
 * Survey decides nothing while consuming: its decisions are answers, taken over REST.
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
    AfterCommit afterCommit;
    @Inject
    MeterRegistry meters;

    @Override
    public void apply(List<Delivered> all, Applying applying) {
        CaseChanges changes = new CaseChanges();
        batch.fold(all, cases::lock, (d, after) -> changes.applied(d.event(), after));
        save(changes);
        if (!applying.rebuilding()) {
            int opened = changes.tasksOpened();
            afterCommit.run(() -> meters.counter("survey.tasks.opened").increment(opened));
        }
    }

    /** Writes cases and their survey tasks as they now stand, with what the events left on the tasks. */
    public void save(CaseChanges changes) {
        cases.save(changes.cases());
        tasks.project(changes.cases());
        tasks.saveReturns(changes.returns());
        tasks.saveAnswers(changes.answers());
    }
}
