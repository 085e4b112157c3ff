package com.telco.complaints.survey;

import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.eventing.store.ProcessedEvents;
import com.telco.complaints.survey.config.SurveyConfig;
import com.telco.complaints.survey.domain.IncidentNotices;
import com.telco.complaints.survey.store.CaseChanges;
import com.telco.complaints.survey.store.IncidentNoticeStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The desk sends the incident notices it owes (seed 002: every linked customer is told the estimated repair time,
 * and told again when it changes), the one decision survey takes while consuming: for cases the caller holds
 * locked, in the caller's transaction, each notice becomes the case's next contact, folded into the case, recorded
 * as decided and appended to the outbox. The consumer sends what the events it applies made owed; a partition that
 * replayed from the start sends, once caught up, what is still owed (a notice already on the log was found sent).
 */
@ApplicationScoped
public class IncidentNoticing {

    @Inject
    IncidentNoticeStore notices;
    @Inject
    ProcessedEvents processed;
    @Inject
    Outbox outbox;
    @Inject
    SurveyConfig config;
    @Inject
    Clock clock;
    @Inject
    AfterCommit afterCommit;
    @Inject
    MeterRegistry meters;

    /**
     * Sends the notices owed to {@code complaintIds}, whose cases {@code locked} holds as they stand (locked by the
     * caller until its transaction ends); returns what sending changed, for the caller to save.
     */
    public CaseChanges send(List<String> complaintIds, Map<String, CaseState> locked) {
        CaseChanges changes = new CaseChanges();
        List<CustomerContacted> sent = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, CaseState> states = new java.util.HashMap<>(locked);
        for (IncidentNotices.Owed owed : notices.owed(complaintIds)) {
            CaseState state = states.get(owed.complaintId());
            if (state == null) {
                continue;
            }
            // Empty for a closed case: its closing settles what it was owed.
            IncidentNotices.decide(state, owed, config.timeZone(), now).ifPresent(contact -> {
                Transition transition = CaseFold.apply(state, contact);
                if (!transition.applied()) {
                    throw new IllegalStateException("survey decided a notice its own state rejects: " + transition);
                }
                states.put(owed.complaintId(), transition.state());
                changes.applied(contact, transition.state());
                sent.add(contact);
            });
        }
        processed.markProcessed(sent.stream().map(CustomerContacted::eventId).toList());
        outbox.appendAll(sent);
        int count = sent.size();
        afterCommit.run(() -> meters.counter("survey.incident-notices").increment(count));
        return changes;
    }
}
