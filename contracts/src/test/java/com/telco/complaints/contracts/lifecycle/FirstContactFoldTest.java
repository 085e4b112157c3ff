package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static com.telco.complaints.contracts.lifecycle.CaseEvents.C;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.at;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.clockStarted;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.closed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.dispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.passed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.redispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.registered;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.returned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RESOLVED_AT_FIRST_CONTACT: registered without a work order, answered at registration, surveyed on that answer
 * (survey events without a work order), and a dissatisfied customer owed a work order gets the case's first.
 */
class FirstContactFoldTest {

    private static ComplaintRegistered resolvedAtFirstContact() {
        ComplaintRegistered r = registered();
        return new ComplaintRegistered(r.eventId(), r.complaintId(), r.occurredAt(), r.schemaVersion(), r.causationId(),
                r.actor(), r.channel(), r.category(), r.subcategory(), r.urgency(), r.region(), r.customer(),
                r.description(), r.demand(), r.externalRef(), r.promisedReplyBy(),
                new FirstContactResolution("APN reset on the call", "A stale APN after the update"), null);
    }

    private static SurveyPassed passedAtFirstContact(double hours) {
        return new SurveyPassed(UUID.randomUUID(), C, at(hours), 2, null, "sv-1", null, 0);
    }

    private static SurveyFailed failedAtFirstContact(double hours, boolean redispatch, boolean handover) {
        return new SurveyFailed(UUID.randomUUID(), C, at(hours), 2, null, "sv-1", null, 0, "still broken", redispatch,
                redispatch ? null : "explained", redispatch, handover);
    }

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static RejectionReason rejection(CaseState state, ComplaintEvent event) {
        Transition transition = CaseFold.apply(state, event);
        assertThat(transition).isInstanceOf(Transition.Rejected.class);
        assertThat(transition.state()).isEqualTo(state);
        return ((Transition.Rejected) transition).rejection().reason();
    }

    @Test
    void theCustomerWasReachedAndAnsweredAtRegistrationAndTheSurveyIsPending() {
        CaseState state = given(resolvedAtFirstContact());

        assertThat(state.status()).isEqualTo(CaseStatus.RESOLVED_AT_FIRST_CONTACT);
        assertThat(state.resolvedAtFirstContact()).isTrue();
        assertThat(state.surveyPending()).isTrue();
        assertThat(state.firstReachedAt()).contains(at(0));
        assertThat(state.answeredAt()).contains(at(0));
        assertThat(state.answeredInWritingAt()).isEmpty();
        assertThat(state.workOrders()).isEmpty();
        CaseState contact = given(resolvedAtFirstContact(), clockStarted(SlaClock.CONTACT, null, 0),
                clockStarted(SlaClock.ANSWER, null, 0));
        assertThat(contact.stoppedAt(contact.clock(SlaClock.CONTACT, null).orElseThrow())).contains(at(0));
        assertThat(contact.stoppedAt(contact.clock(SlaClock.ANSWER, null).orElseThrow())).contains(at(0));
        assertThat(given(registered()).surveyPending()).isFalse();
    }

    @Test
    void aSatisfiedSurveyWithoutAWorkOrderStopsTheFirstContactsSurveyClockAndTheCaseClosesSatisfied() {
        SlaClockStarted survey = clockStarted(SlaClock.SURVEY, null, 0);
        CaseState pending = given(resolvedAtFirstContact(), survey);
        assertThat(pending.stoppedAt(pending.clock(SlaClock.SURVEY, null).orElseThrow())).isEmpty();

        CaseState closed = given(resolvedAtFirstContact(), survey, passedAtFirstContact(2), closed(CloseOutcome.SATISFIED, 2));

        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.firstContactSurveyedAt()).isEqualTo(at(2));
        assertThat(closed.stoppedAt(closed.clock(SlaClock.SURVEY, null).orElseThrow())).contains(at(2));
    }

    @Test
    void aDissatisfiedCustomerOwedAWorkOrderGetsTheCasesFirstAndItRunsLikeAnyOther() {
        CaseState dispatched = given(resolvedAtFirstContact(), failedAtFirstContact(2, true, false), dispatched(1, 3));

        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.workOrders()).singleElement().satisfies(w -> {
            assertThat(w.attempt()).isEqualTo(1);
            assertThat(w.handover()).isFalse();
        });
        CaseState again = given(resolvedAtFirstContact(), failedAtFirstContact(2, true, false), dispatched(1, 3),
                returned(1, 4), CaseEvents.failed(1, 5, true), redispatched(2, 6), returned(2, 7), passed(2, 8),
                closed(CloseOutcome.SATISFIED, 8));
        assertThat(again.isClosed()).isTrue();
        assertThat(again.attempts()).isEqualTo(2);
    }

    @Test
    void aHandoverAtTheFirstContactGivesTheHotlinesWorkOrder() {
        CaseState handedOver = given(resolvedAtFirstContact(), failedAtFirstContact(2, false, true), dispatched(1, 3));

        assertThat(handedOver.handedOver()).isTrue();
        assertThat(handedOver.workOrders().get(0).handover()).isTrue();
    }

    @Test
    void aCaseNotOwedAWorkOrderIsNotDispatchedAndAnExplainedOneCloses() {
        CaseState explained = given(resolvedAtFirstContact(), failedAtFirstContact(2, false, false));

        assertThat(rejection(explained, dispatched(1, 3))).isEqualTo(RejectionReason.ALREADY_DISPATCHED);
        assertThat(rejection(given(resolvedAtFirstContact()), dispatched(1, 1)))
                .isEqualTo(RejectionReason.ALREADY_DISPATCHED);
        assertThat(CaseFold.apply(explained, closed(CloseOutcome.EXPLAINED, 3)).state().isClosed()).isTrue();
    }

    @Test
    void aCustomerNeverReachedForTheSurveyClosesUnreachable() {
        CaseState missed = given(resolvedAtFirstContact(),
                new CustomerUnreachable(UUID.randomUUID(), C, at(1), 2, null, "sv-1", null, 1));

        assertThat(missed.unreachableCount()).isEqualTo(1);
        CaseState closed = CaseFold.apply(missed, closed(CloseOutcome.UNREACHABLE, 2)).state();
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.firstContactSurveyedAt()).as("the survey ended by closing").isEqualTo(at(2));
    }

    @Test
    void aSurveyWithoutAWorkOrderIsRefusedOnACaseThatWasDispatched() {
        CaseState returnedCase = given(registered(), dispatched(1, 1), returned(1, 2));

        assertThat(rejection(returnedCase, passedAtFirstContact(3))).isEqualTo(RejectionReason.NO_SURVEY_PENDING);
        assertThat(rejection(given(resolvedAtFirstContact()), passed(1, 1)))
                .isEqualTo(RejectionReason.UNKNOWN_WORK_ORDER);
        CaseState answered = given(resolvedAtFirstContact(), passedAtFirstContact(1));
        assertThat(rejection(answered, passedAtFirstContact(2))).isEqualTo(RejectionReason.NO_SURVEY_PENDING);
    }
}
