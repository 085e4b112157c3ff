package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.TextRule;
import com.telco.complaints.eventing.rest.RequestProblems;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer desk's contact log (DB3212/T 1102-2022 处理; the operator procedures' 问题解决/反馈):
 * what a contact must say, and the fact it becomes. A final answer gives the cause, the process and
 * the solution; only a customer who was reached can agree to a later contact, within the regulator's
 * 15 days; nothing is recorded on a closed case. Contacts are numbered within their case
 * ({@code K-<complaint>-<n>}) and their event ids are name-based on that number, so the same contact
 * decided twice is one fact.
 */
public final class Contacts {

    public static final int TEXT_MAX = 4000;
    public static final int CONTACTED_BY_MAX = 100;
    /** The latest a next contact may be agreed: the case must be answered within 15 days anyway. */
    public static final Duration AGREED_AT_MOST = Duration.ofDays(15);

    /** The case takes no more contacts: it is closed. */
    public static final class ContactRefused extends RequestProblems.Conflict {
        public ContactRefused(String message) {
            super("contact-refused", "No contact on this case", message);
        }
    }

    /** An idempotency key used again with another request than the one it recorded. */
    public static final class KeyReused extends RuntimeException {
        public KeyReused(String message) {
            super(message, null, false, false);
        }
    }

    private Contacts() {}

    /** Every wrong field of {@code request}, judged at {@code now}. */
    public static List<FieldError> errors(ContactRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        TextRule.check(errors, "contactedBy", request.contactedBy(), CONTACTED_BY_MAX, false, true);
        if (request.kind() == null) {
            errors.add(new FieldError("kind", "is required: one of FIRST_CONTACT, PROGRESS, FINAL_ANSWER"));
        }
        if (request.channel() == null) {
            errors.add(new FieldError("channel", "is required: one of PHONE, SMS, EMAIL, IN_PERSON, LETTER"));
        }
        if (request.reached() == null) {
            errors.add(new FieldError("reached", "is required (true or false)"));
        }
        TextRule.check(errors, "summary", request.summary(), TEXT_MAX, true, true);
        if (request.kind() == ContactKind.FINAL_ANSWER) {
            FinalAnswer answer = request.answer();
            if (answer == null) {
                errors.add(new FieldError("answer", "is required for a FINAL_ANSWER: cause, process and solution"));
            } else {
                TextRule.check(errors, "answer.cause", answer.cause(), TEXT_MAX, true, true);
                TextRule.check(errors, "answer.process", answer.process(), TEXT_MAX, true, true);
                TextRule.check(errors, "answer.solution", answer.solution(), TEXT_MAX, true, true);
            }
        } else if (request.answer() != null && request.kind() != null) {
            errors.add(new FieldError("answer", "only a FINAL_ANSWER carries an answer"));
        }
        Instant agreed = request.agreedNextContactBy();
        if (agreed != null) {
            if (request.kind() == ContactKind.FINAL_ANSWER) {
                errors.add(new FieldError("agreedNextContactBy", "nothing more is owed after the final answer"));
            } else if (Boolean.FALSE.equals(request.reached())) {
                errors.add(new FieldError("agreedNextContactBy", "only a customer who was reached can agree to a time"));
            } else if (!agreed.isAfter(now)) {
                errors.add(new FieldError("agreedNextContactBy", "must be in the future (now is " + now + ")"));
            } else if (agreed.isAfter(now.plus(AGREED_AT_MOST))) {
                errors.add(new FieldError("agreedNextContactBy", "must be within 15 days"));
            }
        }
        return errors;
    }

    /**
     * The fact of a valid contact with the case as it stands.
     *
     * @throws ContactRefused when the case is closed
     */
    public static CustomerContacted decide(CaseState state, ContactRequest request, Instant now, String causationId) {
        refuseIfClosed(state);
        String contactId = nextContactId(state);
        return new CustomerContacted(EventIds.of(EventType.CUSTOMER_CONTACTED, state.complaintId(), contactId),
                state.complaintId(), now, EventType.CUSTOMER_CONTACTED.currentVersion(), causationId,
                request.contactedBy().strip(), contactId, request.kind(), request.channel(), request.reached(),
                request.summary().strip(), request.agreedNextContactBy(), stripped(request.answer()), null);
    }

    /**
     * The final answer a survey call gives when none was given before (the customer is never surveyed on an
     * answer never given): the department's return ({@link com.telco.complaints.contracts.event.Returned#report()}) told as the cause (the problem found), the process
     * (what happened and was done) and the solution (the measures). Empty when the answer was given.
     */
    public static Optional<CustomerContacted> answerAtSurvey(CaseState state, String dispatchId, Map<String, String> report,
                                                             Instant now, String causationId, String surveyedBy) {
        if (state.answeredAt().isPresent()) {
            return Optional.empty();
        }
        return answerFromReturn(state, dispatchId, report, now, causationId, surveyedBy, ContactChannel.PHONE, true,
                "Answer given at the survey call, from the return of work order " + dispatchId);
    }

    /**
     * The final answer sent by SMS to a customer the survey could not reach, from the department's return,
     * unless an answer was sent in writing before: a case closes as unreachable only after that.
     */
    public static Optional<CustomerContacted> answerInWriting(CaseState state, String dispatchId,
                                                              Map<String, String> report, Instant now,
                                                              String causationId, String actor) {
        if (state.answeredInWritingAt().isPresent()) {
            return Optional.empty();
        }
        return answerFromReturn(state, dispatchId, report, now, causationId, actor, ContactChannel.SMS, false,
                "Answer sent by SMS: the customer could not be reached for the survey of "
                        + (dispatchId == null ? "the answer given at the first contact" : "work order " + dispatchId));
    }

    /**
     * The report a survey of the answer given at the first contact falls back on, in the parts of a department's
     * return: what the customer was told then (see {@link FirstContactResolution#asAnswer()}).
     */
    public static Map<String, String> firstContactReport(FirstContactResolution resolved) {
        FinalAnswer answer = resolved.asAnswer();
        return Map.of("problemFound", answer.cause(), "reconstruction", answer.process(), "measures", answer.solution());
    }

    /** The department's report told as the final answer: cause = problem found, process = reconstruction, solution = measures. */
    private static Optional<CustomerContacted> answerFromReturn(CaseState state, String dispatchId,
                                                               Map<String, String> report, Instant now,
                                                               String causationId, String actor,
                                                               ContactChannel channel, boolean reached, String summary) {
        if (report == null) {
            return Optional.empty();
        }
        String contactId = nextContactId(state);
        FinalAnswer answer = new FinalAnswer(report.get("problemFound"), report.get("reconstruction"),
                report.get("measures"));
        return Optional.of(new CustomerContacted(EventIds.of(EventType.CUSTOMER_CONTACTED, state.complaintId(), contactId),
                state.complaintId(), now, EventType.CUSTOMER_CONTACTED.currentVersion(), causationId, actor,
                contactId, ContactKind.FINAL_ANSWER, channel, reached, summary, null, answer, dispatchId));
    }

    /**
     * The contact of the case that {@code causationId} recorded, if that request was taken before.
     *
     * @throws KeyReused when it recorded another request than {@code request}
     */
    public static Optional<CustomerContacted> recordedBy(CaseState state, String causationId, ContactRequest request) {
        Optional<CustomerContacted> recorded = state.contacts().stream()
                .filter(c -> causationId.equals(c.causationId())).findFirst();
        if (recorded.isPresent() && !sameRequest(recorded.get(), request)) {
            throw new KeyReused("The Idempotency-Key recorded contact " + recorded.get().contactId()
                    + " with another request");
        }
        return recorded;
    }

    private static boolean sameRequest(CustomerContacted c, ContactRequest r) {
        return c.kind() == r.kind() && c.channel() == r.channel() && c.reachedCustomer() == Boolean.TRUE.equals(r.reached())
                && c.summary().equals(r.summary().strip())
                && java.util.Objects.equals(c.agreedNextContactBy(), r.agreedNextContactBy())
                && java.util.Objects.equals(c.answer(), stripped(r.answer()));
    }

    private static void refuseIfClosed(CaseState state) {
        if (state.isClosed()) {
            throw new ContactRefused("Complaint " + state.complaintId() + " is closed ("
                    + state.closure().outcome() + "); no contact is recorded on a closed case");
        }
    }

    /** The next contact's number within its case: {@code K-<complaint>-<n>}, n from 1 in the order they are decided. */
    static String nextContactId(CaseState state) {
        return "K-" + state.complaintId() + "-" + (state.contacts().size() + 1);
    }

    private static FinalAnswer stripped(FinalAnswer answer) {
        return answer == null ? null : new FinalAnswer(answer.cause().strip(), answer.process().strip(),
                answer.solution().strip());
    }
}
