package com.telco.complaints.survey.store;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.survey.domain.IncidentNotices;
import com.telco.complaints.survey.domain.SurveyTask;
import com.telco.complaints.survey.store.SurveyTaskStore.AnswerNote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What a run of applied events did: the cases as they now stand, and what each event leaves on its
 * survey task, in event order, and the incident notices they made owed or sent. The consumer and an answer fill
 * it the same way, so a task reads the same whether its events were decided here or replayed from the log.
 */
public final class CaseChanges {

    /** A notice owed, with the partition of its case (whose owner sends it). */
    public record OwedOn(IncidentNotices.Owed notice, int partition) {}

    private final Map<String, CaseState> cases = new LinkedHashMap<>();
    private final List<Returned> returns = new ArrayList<>();
    private final List<AnswerNote> answers = new ArrayList<>();
    private final List<OwedOn> noticesOwed = new ArrayList<>();
    /** Notices sent: the routing event's id, the contact that told of it. */
    private final Map<String, String> noticesSent = new LinkedHashMap<>();
    private final Set<String> closed = new LinkedHashSet<>();
    private int eventsApplied;
    private int resolvedAtFirstContact;

    /** Records an event of the log the fold applied, with the state it led to. */
    public void applied(Delivered delivered, CaseState after) {
        IncidentNotices.owedBy(delivered.event()).ifPresent(n -> noticesOwed.add(new OwedOn(n, delivered.partition())));
        applied(delivered.event(), after);
    }

    /** Records an event the fold applied, with the state it led to. */
    public void applied(ComplaintEvent event, CaseState after) {
        cases.put(after.complaintId(), after);
        eventsApplied++;
        switch (EventType.of(event)) {
            case RETURNED:
                returns.add((Returned) event);
                break;
            case COMPLAINT_REGISTERED:
                if (((ComplaintRegistered) event).resolvedOnTheSpot()) {
                    resolvedAtFirstContact++;
                }
                break;
            case SURVEY_PASSED:
                SurveyPassed passed = (SurveyPassed) event;
                answers.add(new AnswerNote(SurveyTask.key(passed.complaintId(), passed.dispatchId()), passed.actor(), passed.causationId(), null, null, null,
                        null));
                break;
            case SURVEY_FAILED:
                SurveyFailed failed = (SurveyFailed) event;
                answers.add(new AnswerNote(SurveyTask.key(failed.complaintId(), failed.dispatchId()), failed.actor(), failed.causationId(), failed.reason(),
                        failed.operatorAtFault(), failed.explanation(), null));
                break;
            case CUSTOMER_CONTACTED:
                CustomerContacted contact = (CustomerContacted) event;
                // The desk's own written notice, as IncidentNotices makes it: a person at the door cannot pass for it.
                if (IncidentNotices.ACTOR.equals(contact.actor()) && contact.causationId() != null
                        && contact.kind() == ContactKind.PROGRESS && contact.channel() == ContactChannel.SMS
                        && !contact.reachedCustomer()) {
                    noticesSent.put(contact.causationId(), contact.contactId());
                }
                break;
            case COMPLAINT_CLOSED:
                closed.add(event.complaintId());
                break;
            case CUSTOMER_UNREACHABLE:
                // The fold's count, not the event's: the count of calls this case has actually seen.
                CustomerUnreachable unreachable = (CustomerUnreachable) event;
                answers.add(new AnswerNote(SurveyTask.key(unreachable.complaintId(), unreachable.dispatchId()), unreachable.actor(), unreachable.causationId(),
                        null, null, null, after.unreachableCount()));
                break;
            default:
                break;
        }
    }

    public Collection<CaseState> cases() {
        return cases.values();
    }

    public List<Returned> returns() {
        return returns;
    }

    public List<AnswerNote> answers() {
        return answers;
    }

    public List<OwedOn> noticesOwed() {
        return noticesOwed;
    }

    /** The complaints owed a notice made owed here, on a partition that {@code deciding} says decides now. */
    public List<String> noticesOwedOn(IntPredicate deciding) {
        return noticesOwed.stream().filter(o -> deciding.test(o.partition())).map(o -> o.notice().complaintId())
                .distinct().toList();
    }

    public Map<String, String> noticesSent() {
        return noticesSent;
    }

    public Set<String> closed() {
        return closed;
    }

    public int eventsApplied() {
        return eventsApplied;
    }

    /** Survey tasks opened: one per returned work order, one per complaint resolved at the first contact. */
    public int tasksOpened() {
        return returns.size() + resolvedAtFirstContact;
    }
}
