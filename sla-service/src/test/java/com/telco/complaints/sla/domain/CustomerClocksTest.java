package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.ClockState;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the customer is owed (DB3212/T 1102-2022): CONTACT within 24 h, ANSWER within 48 h, PROGRESS
 * every 48 h or at the agreed time until the answer. Each clock's start, stop, restart, warning and
 * breach, by event time, with the deadline watch's decisions taken the way the service takes them.
 */
class CustomerClocksTest {

    /** 09:00 in Shanghai on Wednesday 25 November 2026. */
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final String C = "20261125-00000007";
    private final BusinessCalendar calendar = Calendars.china();
    private SlaPolicies policies = Policies.defaults();
    private final SlaCase sla = SlaCase.empty(C, 0);

    private static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    private SlaCase.Outcome apply(ComplaintEvent event) {
        return sla.apply(event, policies, calendar);
    }

    private TrackedClock clock(SlaClock clock) {
        return sla.find(clock, null).orElseThrow();
    }

    private TrackedClock progress(int run) {
        return sla.find(SlaClock.PROGRESS, null, run).orElseThrow();
    }

    private List<TrackedClock> progressRuns() {
        return sla.clocks().stream().filter(c -> c.clock() == SlaClock.PROGRESS).toList();
    }

    private SlaCase.Outcome contact(double hours, ContactKind kind, ContactChannel channel, boolean reached) {
        return apply(TestEvents.contacted(C, h(hours), kind, channel, reached, null));
    }

    /**
     * What the deadline watch does at {@code now}: raises what is due (as Projection.raiseDue does) and
     * returns the breaches, with the clocks a breach started.
     */
    private List<TrackedClock> watchAt(Instant now) {
        // Every clock started so far has been announced (only announced clocks are watched).
        sla.clocks().forEach(TrackedClock::markAnnounced);
        List<TrackedClock> started = new ArrayList<>();
        for (TrackedClock c : List.copyOf(sla.clocks())) {
            if (c.warningDue(now, Duration.ZERO)) {
                c.markWarned();
            }
            if (c.breachDue(now, Duration.ZERO)) {
                SlaBreached breach = SlaEvents.breach(C, c);
                c.markBreached();
                TrackedClock next = sla.afterBreach(c, breach.eventId(), policies, calendar);
                if (next != null) {
                    started.add(next);
                }
            }
        }
        return started;
    }

    @Test
    void registrationStartsContactDueIn24HoursAndAnswerDueIn48() {
        SlaCase.Outcome outcome = apply(TestEvents.registered(C, T0));

        assertThat(outcome.started()).extracting(TrackedClock::clock)
                .containsExactlyInAnyOrder(SlaClock.CASE, SlaClock.CONTACT, SlaClock.ANSWER);
        assertThat(clock(SlaClock.CONTACT).deadline()).isEqualTo(h(24));
        assertThat(clock(SlaClock.CONTACT).warnAt()).isEqualTo(h(24 * 0.8));
        assertThat(clock(SlaClock.ANSWER).deadline()).isEqualTo(h(48));
        assertThat(clock(SlaClock.ANSWER).warnAt()).isEqualTo(h(48 * 0.8));
        assertThat(progressRuns()).isEmpty();
    }

    @Test
    void aContactThatDidNotReachTheCustomerMeetsNothing() {
        apply(TestEvents.registered(C, T0));

        contact(2, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, false);

        assertThat(clock(SlaClock.CONTACT).stoppedAt()).isNull();
        assertThat(sla.lastReachedAt()).isNull();
    }

    @Test
    void theFirstReachedContactAfterTheWarningMeetsContactWarnedButNotBreached() {
        apply(TestEvents.registered(C, T0));
        watchAt(h(19.5));

        contact(20, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true);
        watchAt(h(30));

        TrackedClock contactClock = clock(SlaClock.CONTACT);
        assertThat(contactClock.warnedAt()).isEqualTo(h(19.2));
        assertThat(contactClock.stoppedAt()).isEqualTo(h(20));
        assertThat(contactClock.breachedAt()).isNull();
        assertThat(contactClock.breachOpen()).isFalse();
        assertThat(contactClock.stateAt(h(30))).isEqualTo(TrackedClock.State.STOPPED);
    }

    @Test
    void aReachedContactLateInEventTimeStillMeetsContactBeforeABreachThatWasNotRaised() {
        apply(TestEvents.registered(C, T0));

        clock(SlaClock.CONTACT).markAnnounced();
        assertThat(clock(SlaClock.CONTACT).breachDue(h(25), Duration.ZERO)).as("without the contact").isTrue();

        // Consumed after the deadline, but it happened before it: the breach may not be raised.
        contact(23, ContactKind.PROGRESS, ContactChannel.IN_PERSON, true);

        assertThat(clock(SlaClock.CONTACT).breachDue(h(25), Duration.ZERO)).isFalse();
    }

    @Test
    void noContactIn24HoursBreachesContactAndStartsNothing() {
        apply(TestEvents.registered(C, T0));

        List<TrackedClock> started = watchAt(h(24));

        assertThat(clock(SlaClock.CONTACT).breachedAt()).isEqualTo(h(24));
        assertThat(started).isEmpty();
    }

    @Test
    void anAnsweredSurveyCallIsAReachedContact() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(1), "network-ops"));
        apply(TestEvents.returned(C, 1, h(5), true));

        apply(TestEvents.surveyPassed(C, 1, h(6)));

        assertThat(clock(SlaClock.CONTACT).stoppedAt()).isEqualTo(h(6));
    }

    @Test
    void aFinalAnswerThatReachedTheCustomerMeetsAnswerAndContact() {
        apply(TestEvents.registered(C, T0));

        contact(30, ContactKind.FINAL_ANSWER, ContactChannel.PHONE, true);

        assertThat(clock(SlaClock.ANSWER).stoppedAt()).isEqualTo(h(30));
        assertThat(clock(SlaClock.CONTACT).stoppedAt()).isEqualTo(h(30));
        assertThat(sla.answeredAt()).isEqualTo(h(30));
    }

    @Test
    void aFinalAnswerSentInWritingMeetsAnswerButNotContact() {
        apply(TestEvents.registered(C, T0));

        contact(10, ContactKind.FINAL_ANSWER, ContactChannel.SMS, false);

        assertThat(clock(SlaClock.ANSWER).stoppedAt()).isEqualTo(h(10));
        assertThat(clock(SlaClock.CONTACT).stoppedAt()).isNull();
    }

    @Test
    void aFinalAnswerByPhoneThatMissedTheCustomerIsNoAnswer() {
        apply(TestEvents.registered(C, T0));

        contact(10, ContactKind.FINAL_ANSWER, ContactChannel.PHONE, false);

        assertThat(clock(SlaClock.ANSWER).stoppedAt()).isNull();
        assertThat(sla.answeredAt()).isNull();
    }

    @Test
    void theAnswerDeadlinePassedStartsTheFirstProgressRunDue48HoursAfterTheLastReachedContact() {
        apply(TestEvents.registered(C, T0));
        contact(20, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true);

        List<TrackedClock> started = watchAt(h(48));

        assertThat(clock(SlaClock.ANSWER).breachedAt()).isEqualTo(h(48));
        assertThat(started).singleElement().satisfies(run -> {
            assertThat(run.clock()).isEqualTo(SlaClock.PROGRESS);
            assertThat(run.sequence()).isEqualTo(1);
            assertThat(run.startedAt()).isEqualTo(h(48));
            assertThat(run.deadline()).isEqualTo(h(20 + 48));
            // 80% of the 48 h from the last contact is 58.4 h: after the run started.
            assertThat(run.warnAt()).isEqualTo(h(20 + 48 * 0.8));
            assertThat(run.policy().id()).isEqualTo("progress-default");
        });
    }

    @Test
    void aProgressRunNeverWarnsBeforeItStarts() {
        apply(TestEvents.registered(C, T0));
        contact(1, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true);

        watchAt(h(48));

        // 48 h after the contact at 1 h is 49 h; 80% of it (39.4 h) is before the run began at 48 h.
        assertThat(progress(1).deadline()).isEqualTo(h(49));
        assertThat(progress(1).warnAt()).isEqualTo(h(48));
    }

    @Test
    void theBreachReadFromTheLogStartsTheSameRunAsTheWatchThatRaisedIt() {
        apply(TestEvents.registered(C, T0));
        contact(20, ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true);
        TrackedClock answer = clock(SlaClock.ANSWER);
        SlaBreached breach = SlaEvents.breach(C, answer);

        SlaCase.Outcome outcome = apply(breach);

        assertThat(outcome.started()).singleElement().satisfies(run -> {
            assertThat(run.sequence()).isEqualTo(1);
            assertThat(run.startedBy()).isEqualTo(breach.eventId());
            assertThat(run.startedAt()).isEqualTo(h(48));
            assertThat(run.deadline()).isEqualTo(h(68));
        });
        assertThat(apply(breach).started()).isEmpty();
        assertThat(progressRuns()).hasSize(1);
    }

    @Test
    void eachReachedContactEndsTheRunningProgressRunAndStartsTheNext() {
        apply(TestEvents.registered(C, T0));
        watchAt(h(48));

        SlaCase.Outcome outcome = contact(50, ContactKind.PROGRESS, ContactChannel.PHONE, true);

        assertThat(progress(1).stoppedAt()).isEqualTo(h(50));
        assertThat(outcome.started()).singleElement().satisfies(run -> {
            assertThat(run.sequence()).isEqualTo(2);
            assertThat(run.startedAt()).isEqualTo(h(50));
            assertThat(run.deadline()).isEqualTo(h(98));
        });
        // A contact that missed the customer changes nothing.
        assertThat(contact(60, ContactKind.PROGRESS, ContactChannel.PHONE, false).started()).isEmpty();
        assertThat(progress(2).stoppedAt()).isNull();
    }

    @Test
    void aProgressRunWithoutAContactIsWarnedAndBreachedThenReplacedByTheNextContact() {
        apply(TestEvents.registered(C, T0));
        watchAt(h(48));
        // Never reached: the run is due 48 h after it began.
        assertThat(progress(1).deadline()).isEqualTo(h(96));

        watchAt(h(96));
        contact(100, ContactKind.PROGRESS, ContactChannel.PHONE, true);

        assertThat(progress(1).warnedAt()).isEqualTo(h(48 + 48 * 0.8));
        assertThat(progress(1).breachedAt()).isEqualTo(h(96));
        assertThat(progress(1).stoppedAt()).isEqualTo(h(100));
        assertThat(progress(2).startedAt()).isEqualTo(h(100));
    }

    @Test
    void aTimeAgreedWithTheCustomerStartsProgressBeforeTheAnswerDeadlineDueAtThatTime() {
        apply(TestEvents.registered(C, T0));

        SlaCase.Outcome outcome = apply(TestEvents.contacted(C, h(10), ContactKind.FIRST_CONTACT, ContactChannel.PHONE,
                true, h(72)));

        assertThat(outcome.started()).singleElement().satisfies(run -> {
            assertThat(run.sequence()).isEqualTo(1);
            assertThat(run.startedAt()).isEqualTo(h(10));
            assertThat(run.deadline()).isEqualTo(h(72));
            assertThat(run.warnAt()).isEqualTo(h(10 + 62 * 0.8));
            assertThat(run.policy().id()).isEqualTo(SlaCase.AGREED_POLICY);
            assertThat(run.policy().limit()).isEqualTo(Duration.ofHours(62));
        });
        // The ANSWER deadline passing then starts no second run: the agreed one is running.
        assertThat(watchAt(h(48))).isEmpty();
        assertThat(clock(SlaClock.ANSWER).breachedAt()).isEqualTo(h(48));
    }

    @Test
    void anAgreedTimeReplacesTheRunningRun() {
        apply(TestEvents.registered(C, T0));
        watchAt(h(48));

        apply(TestEvents.contacted(C, h(50), ContactKind.PROGRESS, ContactChannel.PHONE, true, h(54)));

        assertThat(progress(1).stoppedAt()).isEqualTo(h(50));
        assertThat(progress(2).deadline()).isEqualTo(h(54));
    }

    @Test
    void theFinalAnswerEndsProgressAndStartsNoOtherRun() {
        apply(TestEvents.registered(C, T0));
        watchAt(h(48));
        contact(50, ContactKind.PROGRESS, ContactChannel.PHONE, true);

        SlaCase.Outcome outcome = contact(60, ContactKind.FINAL_ANSWER, ContactChannel.EMAIL, false);
        contact(70, ContactKind.PROGRESS, ContactChannel.PHONE, true);
        watchAt(h(200));

        assertThat(outcome.started()).isEmpty();
        assertThat(progress(2).stoppedAt()).isEqualTo(h(60));
        assertThat(progress(2).breachedAt()).isNull();
        assertThat(progressRuns()).hasSize(2);
        // ANSWER was breached at 48 h and is met (late) at 60 h.
        assertThat(clock(SlaClock.ANSWER).breachedAt()).isEqualTo(h(48));
        assertThat(clock(SlaClock.ANSWER).stoppedAt()).isEqualTo(h(60));
    }

    @Test
    void anAnswerInTimeMeansNoProgressIsOwed() {
        apply(TestEvents.registered(C, T0));
        contact(30, ContactKind.FINAL_ANSWER, ContactChannel.PHONE, true);

        assertThat(watchAt(h(100))).isEmpty();
        assertThat(clock(SlaClock.ANSWER).breachedAt()).isNull();
        assertThat(progressRuns()).isEmpty();
    }

    @Test
    void closingTheCaseStopsEveryCustomerClock() {
        apply(TestEvents.registered(C, T0));
        watchAt(h(48));

        apply(TestEvents.closed(C, 1, h(50), CloseOutcome.SATISFIED));

        assertThat(clock(SlaClock.CONTACT).stoppedAt()).isEqualTo(h(50));
        assertThat(progress(1).stoppedAt()).isEqualTo(h(50));
        assertThat(contact(55, ContactKind.PROGRESS, ContactChannel.PHONE, true).started()).isEmpty();
    }

    @Test
    void aProgressPolicyInWorkingTimeCountsOnlyWorkingHoursOfTheBusinessCalendar() {
        List<SlaPolicy> working = new ArrayList<>(Policies.defaults().all().stream()
                .filter(p -> p.clock() != SlaClock.PROGRESS).toList());
        working.add(Policies.policy("progress-working", SlaClock.PROGRESS, null, null, null, LimitKind.WORKING,
                Duration.ofHours(16)));
        policies = new SlaPolicies(working);
        apply(TestEvents.registered(C, T0));
        // Reached on Wednesday 25 November at 18:00 in Shanghai, after hours.
        Instant contactAt = Instant.parse("2026-11-25T10:00:00Z");
        apply(TestEvents.contacted(C, contactAt, ContactKind.PROGRESS, ContactChannel.PHONE, true, null));

        watchAt(h(48));

        // 16 working hours from Wednesday evening: Thursday and Friday (7.5 h each), then the weekend, then
        // the first hour of Monday 30 November: 09:30 in Shanghai.
        assertThat(progress(1).deadline()).isEqualTo(Instant.parse("2026-11-30T01:30:00Z"));
        assertThat(progress(1).policy().kind()).isEqualTo(LimitKind.WORKING);
    }

    @Test
    void aComplaintWaitingForTriageIsWatchedForHalfAWorkingDayUntilItIsDispatched() {
        // Registered and triaged on Wednesday 25 November at 16:00 in Shanghai.
        Instant triagedAt = Instant.parse("2026-11-25T08:00:00Z");
        apply(TestEvents.registered(C, triagedAt));

        SlaCase.Outcome outcome = apply(TestEvents.awaitingTriage(C, triagedAt));

        // 3 h 45 min of working time: 16:00-17:30 on Wednesday, then 08:30-10:45 on Thursday.
        assertThat(outcome.started()).singleElement().satisfies(c -> {
            assertThat(c.clock()).isEqualTo(SlaClock.DISPATCH);
            assertThat(c.deadline()).isEqualTo(Instant.parse("2026-11-26T02:45:00Z"));
            assertThat(c.warnAt()).as("80% of the working time: 3 h").isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
        });
        apply(TestEvents.dispatched(C, Instant.parse("2026-11-26T01:00:00Z"), "service-desk"));
        assertThat(clock(SlaClock.DISPATCH).stoppedAt()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(watchAt(Instant.parse("2026-11-27T00:00:00Z"))).isEmpty();
        assertThat(clock(SlaClock.DISPATCH).warnedAt()).isNull();
    }

    @Test
    void aComplaintARuleDispatchesHasNoDispatchClock() {
        apply(TestEvents.registered(C, T0));
        apply(TestEvents.dispatched(C, h(0.1), "network-ops"));

        assertThat(sla.find(SlaClock.DISPATCH, null)).isEmpty();
    }

    /** A clock as compared between the live service and a replay: what it announced and when it stopped. */
    private static String summary(TrackedClock c) {
        return c.clock() + "#" + c.sequence() + " " + c.startedAt() + " " + c.warnAt() + " " + c.deadline() + " stopped "
                + c.stoppedAt();
    }

    private static List<String> progressOf(SlaCase c) {
        return c.clocks().stream().filter(k -> k.clock() == SlaClock.PROGRESS).map(CustomerClocksTest::summary).toList();
    }

    /**
     * The live service consumed a contact only after its watch had raised the ANSWER breach (the contact
     * was still on its way); on the log the contact comes first. A replay of that log must end with the
     * clocks the live service had.
     */
    @Test
    void aReplayAgreesWithTheLiveServiceWhenAContactWasConsumedAfterTheBreachItPrecedesOnTheLog() {
        var registered = TestEvents.registered(C, T0);
        var first = TestEvents.contacted(C, h(20), ContactKind.FIRST_CONTACT, ContactChannel.PHONE, true, null);
        var late = TestEvents.contacted(C, h(47.5), ContactKind.PROGRESS, ContactChannel.PHONE, true, null);
        List<ComplaintEvent> log = new ArrayList<>();
        // Live: registration and first contact consumed, the watch raises the breach, then the late contact arrives.
        apply(registered);
        sla.clocks().forEach(c -> log.add(SlaEvents.started(C, c)));
        apply(first);
        watchAt(h(48));
        SlaBreached breach = SlaEvents.breach(C, clock(SlaClock.ANSWER));
        TrackedClock run1 = progress(1);
        apply(late);
        log.addAll(List.of(registered, first, late, breach, SlaEvents.started(C, run1), SlaEvents.started(C, progress(2))));

        SlaCase replay = SlaCase.empty(C, 0);
        log.forEach(e -> replay.apply(e, policies, calendar));

        assertThat(progressOf(replay)).containsExactlyElementsOf(progressOf(sla));
        assertThat(progress(1).stoppedAt()).isEqualTo(h(47.5));
        assertThat(replay.find(SlaClock.PROGRESS, null, 1).orElseThrow().stoppedAt()).isEqualTo(h(47.5));
    }

    @Test
    void aReplayAgreesWithTheLiveServiceWhenTheAnswerWasConsumedAfterTheBreach() {
        var registered = TestEvents.registered(C, T0);
        var answer = TestEvents.contacted(C, h(47.9), ContactKind.FINAL_ANSWER, ContactChannel.SMS, false, null);
        List<ComplaintEvent> log = new ArrayList<>();
        apply(registered);
        sla.clocks().forEach(c -> log.add(SlaEvents.started(C, c)));
        watchAt(h(48));
        SlaBreached breach = SlaEvents.breach(C, clock(SlaClock.ANSWER));
        TrackedClock run1 = progress(1);
        apply(answer);
        log.addAll(List.of(registered, answer, breach, SlaEvents.started(C, run1)));

        SlaCase replay = SlaCase.empty(C, 0);
        log.forEach(e -> replay.apply(e, policies, calendar));

        assertThat(progressOf(replay)).containsExactlyElementsOf(progressOf(sla));
        assertThat(replay.find(SlaClock.PROGRESS, null, 1).orElseThrow().breachOpen()).isFalse();
    }

    @Test
    void aReachedCallAfterAWrittenAnswerStillMakesTheFirstContact() {
        apply(TestEvents.registered(C, T0));
        contact(5, ContactKind.FINAL_ANSWER, ContactChannel.LETTER, false);

        contact(10, ContactKind.PROGRESS, ContactChannel.PHONE, true);

        assertThat(clock(SlaClock.CONTACT).stoppedAt()).isEqualTo(h(10));
        assertThat(progressRuns()).isEmpty();
    }

    @Test
    void anAnnouncementReadBeforeTheRegistrationIsKeptAndTheRegistrationStartsTheOtherClocks() {
        apply(TestEvents.registered(C, T0));
        var announced = SlaEvents.started(C, clock(SlaClock.CASE));
        SlaCase early = SlaCase.empty(C, 0);
        early.apply(announced, policies, calendar);

        SlaCase.Outcome outcome = early.apply(TestEvents.registered(C, T0), policies, calendar);

        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.started()).extracting(TrackedClock::clock)
                .containsExactlyInAnyOrder(SlaClock.CONTACT, SlaClock.ANSWER);
    }

    @Test
    void theSameContactReadTwiceStartsOneRun() {
        apply(TestEvents.registered(C, T0));
        watchAt(h(48));
        var call = TestEvents.contacted(C, h(50), ContactKind.PROGRESS, ContactChannel.PHONE, true, null);

        apply(call);
        SlaCase.Outcome again = apply(call);

        assertThat(again.started()).isEmpty();
        assertThat(progressRuns()).hasSize(2);
        assertThat(progress(2).stoppedAt()).isNull();
    }

    // Resolved during the first contact (即时处理): no work order, CONTACT and ANSWER met at registration, then
    // the survey of the answer given then (a SURVEY clock without work order).

    private TrackedClock firstContactSurvey() {
        return sla.find(SlaClock.SURVEY, null).orElseThrow();
    }

    @Test
    void aComplaintResolvedAtFirstContactHasContactAndAnswerMetAtRegistrationAndNeverWarnedOrBreached() {
        SlaCase.Outcome outcome = apply(TestEvents.registeredAtFirstContact(C, T0));

        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.started()).extracting(TrackedClock::clock)
                .containsExactly(SlaClock.CASE, SlaClock.CONTACT, SlaClock.ANSWER, SlaClock.SURVEY);
        for (SlaClock met : List.of(SlaClock.CONTACT, SlaClock.ANSWER)) {
            // Started and announced as for any complaint, with the usual deadlines, and met at once.
            assertThat(clock(met).startedAt()).isEqualTo(T0);
            assertThat(clock(met).stoppedAt()).as("%s met", met).isEqualTo(T0);
            assertThat(clock(met).stateAt(T0)).isEqualTo(TrackedClock.State.STOPPED);
        }
        assertThat(clock(SlaClock.CONTACT).deadline()).isEqualTo(h(24));
        assertThat(clock(SlaClock.ANSWER).deadline()).isEqualTo(h(48));
        assertThat(sla.lastReachedAt()).isEqualTo(T0);
        assertThat(sla.answeredAt()).isEqualTo(T0);
        assertThat(clock(SlaClock.CASE).stoppedAt()).isNull();

        // Far past both deadlines: nothing raised for them, and the ANSWER deadline starts no PROGRESS.
        assertThat(watchAt(h(49))).isEmpty();
        assertThat(watchAt(h(200))).isEmpty();
        for (SlaClock met : List.of(SlaClock.CONTACT, SlaClock.ANSWER)) {
            assertThat(clock(met).warnedAt()).as("%s warned", met).isNull();
            assertThat(clock(met).breachedAt()).as("%s breached", met).isNull();
            assertThat(clock(met).warningOpen()).isFalse();
            assertThat(clock(met).breachOpen()).isFalse();
            assertThat(clock(met).stateAt(h(200))).isEqualTo(TrackedClock.State.STOPPED);
        }
        // Nor does a later contact, reached or agreeing to a later time: the answer was given.
        assertThat(contact(50, ContactKind.PROGRESS, ContactChannel.PHONE, true).started()).isEmpty();
        assertThat(apply(TestEvents.contacted(C, h(60), ContactKind.PROGRESS, ContactChannel.PHONE, true, h(90)))
                .started()).isEmpty();
        assertThat(progressRuns()).isEmpty();
        assertThat(clock(SlaClock.CONTACT).stoppedAt()).isEqualTo(T0);
    }

    @Test
    void theSurveyOfTheAnswerGivenAtFirstContactIsWatchedFromRegistrationWithoutAWorkOrder() {
        apply(TestEvents.registeredAtFirstContact(C, T0));

        TrackedClock survey = firstContactSurvey();
        assertThat(survey.dispatchId()).isNull();
        assertThat(survey.sequence()).isNull();
        assertThat(survey.startedAt()).isEqualTo(T0);
        // The policy of every survey: the end of the working day (17:30 in Shanghai on that Wednesday).
        assertThat(survey.policy().id()).isEqualTo("survey-default");
        assertThat(survey.deadline()).isEqualTo(h(8.5));
        assertThat(survey.stoppedAt()).isNull();

        apply(TestEvents.unreachableAtFirstContact(C, 1, h(1)));
        assertThat(survey.stoppedAt()).as("an unreachable call answers nothing").isNull();
        apply(TestEvents.surveyPassedAtFirstContact(C, h(2)));

        assertThat(survey.stoppedAt()).isEqualTo(h(2));
        assertThat(watchAt(h(100))).isEmpty();
        assertThat(survey.warnedAt()).isNull();
        assertThat(survey.breachedAt()).isNull();
        assertThat(sla.lastReachedAt()).isEqualTo(h(2));
    }

    @Test
    void theSurveyOfTheAnswerGivenAtFirstContactUnansweredIsWarnedAndBreachedThenStoppedByClosing() {
        apply(TestEvents.registeredAtFirstContact(C, T0));

        watchAt(h(9));
        apply(TestEvents.unreachableAtFirstContact(C, 3, h(30)));
        apply(TestEvents.closed(C, 1, h(30), CloseOutcome.UNREACHABLE));

        TrackedClock survey = firstContactSurvey();
        assertThat(survey.warnedAt()).isEqualTo(survey.warnAt());
        assertThat(survey.breachedAt()).isEqualTo(h(8.5));
        assertThat(survey.stoppedAt()).isEqualTo(h(30));
        assertThat(clock(SlaClock.CONTACT).breachedAt()).isNull();
        assertThat(clock(SlaClock.ANSWER).breachedAt()).isNull();
    }

    @Test
    void aFailedSurveyAtFirstContactStopsItsSurveyClockAndTheFirstDispatchStartsTheReturnClock() {
        apply(TestEvents.registeredAtFirstContact(C, T0));

        apply(TestEvents.surveyFailedAtFirstContact(C, h(2), true, false));
        SlaCase.Outcome dispatched = apply(TestEvents.dispatched(C, h(3), "network-ops"));

        assertThat(firstContactSurvey().stoppedAt()).isEqualTo(h(2));
        assertThat(dispatched.rejection()).isNull();
        assertThat(dispatched.started()).singleElement().satisfies(r -> {
            assertThat(r.clock()).isEqualTo(SlaClock.RETURN);
            assertThat(r.dispatchId()).isEqualTo(TestEvents.workOrder(C, 1));
            assertThat(r.startedAt()).isEqualTo(h(3));
            assertThat(r.deadline()).isEqualTo(h(3 + 48));
        });
        // The work order runs as any other: returned, then surveyed on a SURVEY clock of its own.
        SlaCase.Outcome returned = apply(TestEvents.returned(C, 1, h(5), true));
        assertThat(sla.find(SlaClock.RETURN, TestEvents.workOrder(C, 1)).orElseThrow().stoppedAt()).isEqualTo(h(5));
        assertThat(returned.started()).singleElement().satisfies(c -> {
            assertThat(c.clock()).isEqualTo(SlaClock.SURVEY);
            assertThat(c.dispatchId()).isEqualTo(TestEvents.workOrder(C, 1));
        });
        apply(TestEvents.surveyPassed(C, 1, h(6)));
        assertThat(sla.find(SlaClock.SURVEY, TestEvents.workOrder(C, 1)).orElseThrow().stoppedAt()).isEqualTo(h(6));
        assertThat(firstContactSurvey().stoppedAt()).isEqualTo(h(2));
        assertThat(watchAt(h(200))).isEmpty();
        assertThat(clock(SlaClock.ANSWER).breachedAt()).isNull();
        assertThat(progressRuns()).isEmpty();
    }

    @Test
    void aSurveyWithoutWorkOrderStopsOnlyTheFirstContactSurveyClock() {
        // Out of place after a dispatch (the shared fold refuses it), but it must not stop the work order's survey.
        apply(TestEvents.registeredAtFirstContact(C, T0));
        apply(TestEvents.surveyFailedAtFirstContact(C, h(2), true, false));
        apply(TestEvents.dispatched(C, h(3), "network-ops"));
        apply(TestEvents.returned(C, 1, h(5), true));

        apply(TestEvents.surveyFailedAtFirstContact(C, h(6), true, false));

        assertThat(firstContactSurvey().stoppedAt()).isEqualTo(h(2));
        assertThat(sla.find(SlaClock.SURVEY, TestEvents.workOrder(C, 1)).orElseThrow().stoppedAt()).isNull();
    }

    @Test
    void aReplayOfAFirstContactCaseAgreesWithTheLiveServiceAndWithTheSharedFold() {
        var registered = TestEvents.registeredAtFirstContact(C, T0);
        var failed = TestEvents.surveyFailedAtFirstContact(C, h(2), true, false);
        var dispatched = TestEvents.dispatched(C, h(3), "network-ops");
        List<ComplaintEvent> log = new ArrayList<>();
        log.add(registered);
        apply(registered);
        sla.clocks().forEach(c -> log.add(SlaEvents.started(C, c)));
        log.add(failed);
        apply(failed);
        log.add(dispatched);
        apply(dispatched);
        log.add(SlaEvents.started(C, sla.find(SlaClock.RETURN, dispatched.dispatchId()).orElseThrow()));

        SlaCase replay = SlaCase.empty(C, 0);
        for (ComplaintEvent e : log) {
            assertThat(replay.apply(e, policies, calendar).rejection()).as("%s", e).isNull();
        }

        assertThat(replay.clocks()).map(CustomerClocksTest::summary)
                .containsExactlyElementsOf(sla.clocks().stream().map(CustomerClocksTest::summary).toList());
        assertThat(replay.answeredAt()).isEqualTo(T0);
        assertThat(replay.lastReachedAt()).isEqualTo(h(2));
        // The shared fold accepts every event (a SURVEY clock without work order included) and derives the
        // same stops.
        CaseFold.Result folded = CaseFold.fold(C, log);
        assertThat(folded.rejected()).isEmpty();
        CaseState state = folded.state();
        for (TrackedClock c : sla.clocks()) {
            ClockState announced = state.clock(c.clock(), c.dispatchId(), c.sequence()).orElseThrow();
            assertThat(state.stoppedAt(announced).orElse(null)).as("%s stopped", c.clock()).isEqualTo(c.stoppedAt());
        }
    }

    @Test
    void announcementsReadBeforeAFirstContactRegistrationAreStillMetByIt() {
        apply(TestEvents.registeredAtFirstContact(C, T0));
        SlaCase early = SlaCase.empty(C, 0);
        for (SlaClock c : List.of(SlaClock.CONTACT, SlaClock.ANSWER, SlaClock.SURVEY)) {
            early.apply(SlaEvents.started(C, clock(c)), policies, calendar);
        }

        SlaCase.Outcome outcome = early.apply(TestEvents.registeredAtFirstContact(C, T0), policies, calendar);

        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.started()).extracting(TrackedClock::clock).containsExactly(SlaClock.CASE);
        assertThat(early.find(SlaClock.CONTACT, null).orElseThrow().stoppedAt()).isEqualTo(T0);
        assertThat(early.find(SlaClock.ANSWER, null).orElseThrow().stoppedAt()).isEqualTo(T0);
        assertThat(early.find(SlaClock.SURVEY, null).orElseThrow().stoppedAt()).isNull();
        assertThat(early.answeredAt()).isEqualTo(T0);
    }
}
