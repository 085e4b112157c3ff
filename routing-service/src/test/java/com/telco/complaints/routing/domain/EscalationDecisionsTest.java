package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.routing.domain.RoutingDecisions.Pending;
import com.telco.complaints.testsupport.MutableClock;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The urge at the warning and the escalation ladder at the deadline (seed 000: 预警 → 催单, 告警), with an injected
 * clock: each level once, in order, as its delay passes; a notice to management for key customers and the regulator.
 */
class EscalationDecisionsTest {

    private static final String C = "C-1";
    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");
    private static final Duration LIMIT = Duration.ofHours(48);

    private final DispatchRules rules = DispatchRulesTest.rules();
    private final EscalationLadder ladder = DispatchRulesTest.ladder(rules);
    private final MutableClock clock = new MutableClock(AT);

    /** What routing decides for the case at the clock's time, each decision applied before the next. */
    private List<ComplaintEvent> decideAll(CaseState[] state) {
        List<ComplaintEvent> decided = new ArrayList<>();
        for (var decision = RoutingDecisions.decide(state[0], rules, ladder,
                List.of(), clock.instant()); decision.isPresent();
             decision = RoutingDecisions.decide(state[0], rules, ladder, List.of(), clock.instant())) {
            Transition transition = CaseFold.apply(state[0], decision.get());
            assertThat(transition.applied()).as("%s applies", decision.get()).isTrue();
            state[0] = transition.state();
            decided.add(decision.get());
        }
        return decided;
    }

    private static CaseState apply(CaseState state, ComplaintEvent event) {
        Transition transition = CaseFold.apply(state, event);
        assertThat(transition.applied()).as("%s applies", event).isTrue();
        return transition.state();
    }

    /** A case registered and dispatched by the rules (network-tz, whose supervisor is network-sup), its clock on. */
    private CaseState[] dispatched(ComplaintRegistered registered) {
        CaseState[] state = {apply(CaseState.initial(C), registered)};
        assertThat(decideAll(state)).hasSize(1);
        return state;
    }

    private SlaClockStarted returnClock(CaseState[] state) {
        String dispatchId = state[0].currentWorkOrder().orElseThrow().dispatchId();
        SlaClockStarted started = TestEvents.clockStarted(C, SlaClock.RETURN, dispatchId, AT, LIMIT);
        state[0] = apply(state[0], started);
        return started;
    }

    @Test
    void anOpenOrderIsUrgedOnceAtTheWarningAndEscalatedLevelByLevelAfterTheDeadline() {
        CaseState[] state = dispatched(TestEvents.registered(C, AT));
        SlaClockStarted started = returnClock(state);
        assertThat(decideAll(state)).as("nothing is owed before the warning").isEmpty();

        SlaWarningRaised warning = TestEvents.warning(started);
        clock.set(warning.occurredAt());
        state[0] = apply(state[0], warning);
        List<ComplaintEvent> atWarning = decideAll(state);
        assertThat(atWarning).singleElement().isInstanceOfSatisfying(WorkOrderUrged.class, urged -> {
            assertThat(urged.department()).isEqualTo("network-tz");
            assertThat(urged.deadline()).isEqualTo(started.deadline());
            assertThat(urged.causationId()).isEqualTo(warning.eventId().toString());
            assertThat(urged.eventId()).isEqualTo(EventIds.of(EventType.WORK_ORDER_URGED, urged.dispatchId()));
        });
        clock.advance(Duration.ofHours(1));
        assertThat(decideAll(state)).as("urged once").isEmpty();

        SlaBreached breach = TestEvents.breach(started);
        clock.set(started.deadline());
        state[0] = apply(state[0], breach);
        List<ComplaintEvent> atDeadline = decideAll(state);
        assertThat(atDeadline).singleElement().isInstanceOfSatisfying(WorkOrderEscalated.class, level1 -> {
            assertThat(level1.level()).isEqualTo(1);
            assertThat(level1.escalatedTo()).isEqualTo("network-sup");
            assertThat(level1.causationId()).isEqualTo(breach.eventId().toString());
        });
        assertThat(RoutingDecisions.owed(state[0], ladder, clock.instant()).escalationDue())
                .isEqualTo(started.deadline().plus(Duration.ofHours(4)));

        clock.advance(Duration.ofHours(4).minusMillis(1));
        assertThat(decideAll(state)).as("level 2 waits for its delay").isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(decideAll(state)).singleElement().isInstanceOfSatisfying(WorkOrderEscalated.class, level2 -> {
            assertThat(level2.level()).isEqualTo(2);
            assertThat(level2.escalatedTo()).isEqualTo("escalation");
            assertThat(level2.causationId()).isEqualTo(atDeadline.get(0).eventId().toString());
        });
        clock.advance(Duration.ofDays(30));
        assertThat(decideAll(state)).as("the ladder has two levels").isEmpty();
        assertThat(RoutingDecisions.owed(state[0], ladder, clock.instant())).isEqualTo(new RoutingDecisions.Owed(null, null));
    }

    @Test
    void aBreachFoundLateOwesEverythingMissedInOrderAndAStandardCustomerNoNotice() {
        CaseState[] state = dispatched(TestEvents.registered(C, AT));
        SlaClockStarted started = returnClock(state);
        state[0] = apply(apply(state[0], TestEvents.warning(started)), TestEvents.breach(started));
        clock.set(started.deadline().plus(Duration.ofHours(5)));

        assertThat(decideAll(state)).extracting(e -> EventType.of(e).eventName())
                .containsExactly("WorkOrderUrged", "WorkOrderEscalated", "WorkOrderEscalated");
        assertThat(state[0].currentWorkOrder().orElseThrow().escalationLevel()).isEqualTo(2);
    }

    @Test
    void aKeyCustomersAndTheRegulatorsOverdueOrdersAreReportedToManagementOnce() {
        for (var given : Map.of(
                TestEvents.registered(C, AT, Channel.HOTLINE, Category.NETWORK, "TZ-HL", CustomerTier.KEY,
                        Urgency.NORMAL), NoticeReason.KEY_CUSTOMER_OVERDUE,
                TestEvents.registered(C, AT, Channel.REGULATOR, Category.NETWORK, "TZ-HL", CustomerTier.STANDARD,
                        Urgency.NORMAL), NoticeReason.REGULATOR_OVERDUE).entrySet()) {
            CaseState[] state = dispatched(given.getKey());
            SlaClockStarted started = returnClock(state);
            clock.set(started.deadline());
            state[0] = apply(apply(state[0], TestEvents.warning(started)), TestEvents.breach(started));

            List<ComplaintEvent> decided = decideAll(state);

            assertThat(decided).extracting(e -> EventType.of(e).eventName())
                    .containsExactly("WorkOrderUrged", "WorkOrderEscalated", "EscalationNotice");
            assertThat((EscalationNotice) decided.get(2)).satisfies(notice -> {
                assertThat(notice.reason()).isEqualTo(given.getValue());
                assertThat(notice.addressedTo()).isEqualTo("management");
            });
            clock.advance(Duration.ofHours(5));
            assertThat(decideAll(state)).extracting(e -> EventType.of(e).eventName())
                    .containsExactly("WorkOrderEscalated");
        }
    }

    @Test
    void aReturnedOrAClosedCaseOwesNoUrgeNorEscalation() {
        CaseState[] state = dispatched(TestEvents.registered(C, AT));
        SlaClockStarted started = returnClock(state);
        state[0] = apply(state[0], TestEvents.returned(C, 1, AT.plus(Duration.ofHours(1)), false));
        // A warning and breach raised late for an order returned after its deadline: the order is no longer open.
        CaseState late = CaseFold.apply(CaseFold.apply(state[0], TestEvents.warning(started)).state(),
                TestEvents.breach(started)).state();
        clock.set(started.deadline().plus(Duration.ofDays(1)));

        assertThat(RoutingDecisions.pending(late, ladder, clock.instant())).isEmpty();
        assertThat(RoutingDecisions.owed(late, ladder, clock.instant()).escalationDue()).isNull();
    }

    @Test
    void aTransferredOrderClimbsItsNewDepartmentsLadderFromTheLevelItReached() {
        CaseState[] state = dispatched(TestEvents.registered(C, AT));
        SlaClockStarted started = returnClock(state);
        clock.set(started.deadline());
        state[0] = apply(apply(state[0], TestEvents.warning(started)), TestEvents.breach(started));
        assertThat(decideAll(state)).hasSize(2);
        String dispatchId = state[0].currentWorkOrder().orElseThrow().dispatchId();
        state[0] = apply(state[0], Transfers.decide(state[0], dispatchId, "service-desk", "not a network fault", null,
                "op-1", clock.instant(), null));

        clock.advance(Duration.ofHours(4));
        assertThat(decideAll(state)).singleElement().isInstanceOfSatisfying(WorkOrderEscalated.class, level2 -> {
            assertThat(level2.department()).isEqualTo("service-desk");
            assertThat(level2.level()).isEqualTo(2);
        });
    }

    @Test
    void theLadderResolvesEachDepartmentsSupervisorAndOwnLaddersAndRefusesABadOne() {
        EscalationLadder own = new EscalationLadder(EscalationLadder.parse("s", "supervisor@PT0S, escalation@PT2H"),
                Map.of("billing", EscalationLadder.parse("b", "key-desk@PT1H, management@PT3H")), "management", rules);

        assertThat(own.levels("network-ops")).extracting(EscalationLadder.Level::desk)
                .containsExactly("network-sup", "escalation");
        assertThat(own.levels("escalation")).as("no supervisor: the escalation desk")
                .extracting(EscalationLadder.Level::desk).containsExactly("escalation", "escalation");
        assertThat(own.levels("billing")).containsExactly(new EscalationLadder.Level(1, "key-desk", Duration.ofHours(1)),
                new EscalationLadder.Level(2, "management", Duration.ofHours(3)));
        assertThat(own.level("billing", 3)).isEmpty();

        assertThatThrownBy(() -> new EscalationLadder(EscalationLadder.parse("s", "nowhere, escalation@PT1H, "
                + "supervisor@PT30M"), Map.of("atlantis", List.of()), "head-office", rules))
                .isInstanceOf(InvalidDispatchConfiguration.class)
                .hasMessageContaining("unknown desk 'nowhere'")
                .hasMessageContaining("must not be negative nor shorter")
                .hasMessageContaining("unknown department 'atlantis'")
                .hasMessageContaining("atlantis.escalation-ladder has no level")
                .hasMessageContaining("'head-office'");
        assertThatThrownBy(() -> EscalationLadder.parse("routing.escalation.ladder", "escalation@4h"))
                .isInstanceOf(InvalidDispatchConfiguration.class).hasMessageContaining("routing.escalation.ladder");
    }

    @Test
    void pendingNamesWhatIsOwed() {
        CaseState[] state = dispatched(TestEvents.registered(C, AT));
        SlaClockStarted started = returnClock(state);
        state[0] = apply(state[0], TestEvents.warning(started));
        assertThat(RoutingDecisions.pending(state[0], ladder, clock.instant())).contains(Pending.URGE);
        decideAll(state);
        state[0] = apply(state[0], TestEvents.breach(started));
        assertThat(RoutingDecisions.pending(state[0], ladder, AT)).as("the breach read is proof of the deadline")
                .contains(Pending.ESCALATE);
    }
}
