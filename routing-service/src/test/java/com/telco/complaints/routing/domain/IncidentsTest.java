package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.contracts.lifecycle.WorkOrderStatus;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which complaints join an outage incident, with which work order, and what the incident owes them after. */
class IncidentsTest {

    private static final String C = "C-1";
    private static final Instant FROM = Instant.parse("2026-12-01T01:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T03:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    private final DispatchRules rules = DispatchRulesTest.rules();
    private final EscalationLadder ladder = DispatchRulesTest.ladder(rules);

    static Incident incident(Incident.Match match) {
        return new Incident("INC-20261201-0001", "TZ-HL", Category.NETWORK, "Power cut at TZ-0412",
                "基站 TZ-0412 停电 the base station lost power", "network-tz", match, FROM, "op-1",
                Instant.parse("2026-12-01T10:00:00Z"), 1, Incident.Status.OPEN, null, 0, Set.of());
    }

    private static final Incident WINDOW = incident(Incident.Match.window(FROM, TO));

    private static ComplaintRegistered registered(Instant at, Category category, String region) {
        return TestEvents.registered(C, at, Channel.HOTLINE, category, region, CustomerTier.STANDARD, Urgency.NORMAL);
    }

    private static ComplaintRegistered registeredAt(Instant at) {
        return registered(at, Category.NETWORK, "TZ-HL");
    }

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    @Test
    void theWindowTakesItsStartAndLeavesItsEnd() {
        assertThat(Incidents.matches(WINDOW, registeredAt(FROM))).as("registered at from").isTrue();
        assertThat(Incidents.matches(WINDOW, registeredAt(TO.minusMillis(1)))).as("just before to").isTrue();
        assertThat(Incidents.matches(WINDOW, registeredAt(TO))).as("registered at to").isFalse();
        assertThat(Incidents.matches(WINDOW, registeredAt(FROM.minusMillis(1)))).as("before from").isFalse();

        Incident open = incident(Incident.Match.window(FROM, null));
        assertThat(Incidents.matches(open, registeredAt(FROM.plus(Duration.ofDays(30))))).as("no end").isTrue();
        assertThat(Incidents.matches(open, registeredAt(FROM.minusSeconds(1)))).isFalse();
    }

    @Test
    void theWindowGathersItsRegionWhateverTheCaseAndItsCategoryOnly() {
        assertThat(Incidents.matches(WINDOW, registered(FROM, Category.NETWORK, "tz-hl"))).isTrue();
        assertThat(Incidents.matches(WINDOW, registered(FROM, Category.NETWORK, "SH-PD"))).isFalse();
        assertThat(Incidents.matches(WINDOW, registered(FROM, Category.BUSINESS, "TZ-HL"))).isFalse();
    }

    @Test
    void aListGathersTheComplaintsListedWhateverTheirRegionCategoryAndTime() {
        Incident listed = incident(Incident.Match.listed(Set.of(C, "C-2")));

        assertThat(Incidents.matches(listed, registered(TO.plus(Duration.ofDays(2)), Category.SERVICE, "SH-PD")))
                .isTrue();
        assertThat(Incidents.matches(listed, TestEvents.registered("C-3", FROM))).isFalse();
    }

    @Test
    void aResolvedIncidentOrABillingDisputeGathersNothing() {
        assertThat(Incidents.matches(WINDOW.resolved(NOW), registeredAt(FROM))).isFalse();
        assertThat(Incidents.matches(WINDOW, TestEvents.disputing(registeredAt(FROM), TestEvents.BILLING_DISPUTE)))
                .isFalse();
    }

    @Test
    void aRegisteredComplaintJoinsWithItsFirstWorkOrderHeldByTheIncident() {
        ComplaintRegistered registered = registeredAt(FROM);
        CaseState state = given(registered);

        IncidentLinked link = Incidents.link(state, WINDOW, NOW, "op-1", "request:1");

        assertThat(link.eventId()).isEqualTo(EventIds.of(EventType.INCIDENT_LINKED, C, WINDOW.incidentId()));
        assertThat(link.dispatchId()).isEqualTo(WorkOrderIds.of(C, 1));
        assertThat(link.attempt()).isEqualTo(1);
        assertThat(link.previousDispatchId()).isNull();
        assertThat(link.department()).isEqualTo("network-tz");
        assertThat(link.estimatedRepairAt()).isEqualTo(WINDOW.estimatedRepairAt());
        assertThat(link.revision()).isEqualTo(1);
        CaseState linked = CaseFold.apply(state, link).state();
        assertThat(linked.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(Incidents.linkable(linked)).as("not twice").isFalse();
    }

    @Test
    void aDispatchedComplaintJoinsWithTheNextAttemptSupersedingItsOpenOrder() {
        CaseState state = given(registeredAt(FROM), TestEvents.dispatched(C, FROM.plusSeconds(1), "network-tz"));

        IncidentLinked link = Incidents.link(state, WINDOW, NOW, "op-1", "request:1");

        assertThat(link.attempt()).isEqualTo(2);
        assertThat(link.dispatchId()).isEqualTo(WorkOrderIds.of(C, 2));
        assertThat(link.previousDispatchId()).isEqualTo(WorkOrderIds.of(C, 1));
        CaseState linked = CaseFold.apply(state, link).state();
        assertThat(linked.workOrder(WorkOrderIds.of(C, 1)).orElseThrow().status()).isEqualTo(WorkOrderStatus.SUPERSEDED);
    }

    @Test
    void aComplaintAnsweredByItsDepartmentOrClosedDoesNotJoin() {
        CaseState returned = given(registeredAt(FROM), TestEvents.dispatched(C, FROM.plusSeconds(1), "network-tz"),
                TestEvents.returned(C, 1, FROM.plusSeconds(60), true));
        CaseState closed = given(registeredAt(FROM), TestEvents.dispatched(C, FROM.plusSeconds(1), "network-tz"),
                TestEvents.returned(C, 1, FROM.plusSeconds(60), true), TestEvents.surveyPassed(C, 1, FROM.plusSeconds(90)),
                TestEvents.closed(C, 1, FROM.plusSeconds(91), CloseOutcome.SATISFIED));

        assertThat(Incidents.linkable(returned)).isFalse();
        assertThat(Incidents.linkable(closed)).isFalse();
        assertThat(Incidents.linkable(given(TestEvents.registeredAtFirstContact(C, FROM)))).isFalse();
        assertThat(Incidents.linkable(given(registeredAt(FROM), TestEvents.awaitingTriage(C, FROM)))).isTrue();
    }

    @Test
    void aRegistrationAnOpenIncidentGathersIsLinkedInsteadOfDispatched() {
        CaseState state = given(registeredAt(FROM.plusSeconds(5)));

        ComplaintEvent decided = RoutingDecisions.decide(state, rules, ladder, List.of(WINDOW), NOW).orElseThrow();
        ComplaintEvent again = RoutingDecisions.decide(state, rules, ladder, List.of(WINDOW), NOW.plusSeconds(9))
                .orElseThrow();

        assertThat(decided).isInstanceOf(IncidentLinked.class);
        assertThat(decided.causationId()).isEqualTo(state.registration().eventId().toString());
        assertThat(again.eventId()).isEqualTo(decided.eventId());
        CaseState linked = CaseFold.apply(state, decided).state();
        assertThat(RoutingDecisions.decide(linked, rules, ladder, List.of(WINDOW), NOW)).isEmpty();
    }

    @Test
    void aRegistrationIsDispatchedWhenNoOpenIncidentGathersIt() {
        CaseState state = given(registeredAt(TO));

        assertThat(RoutingDecisions.decide(state, rules, ladder, List.of(WINDOW), NOW).orElseThrow())
                .isInstanceOf(Dispatched.class);
        assertThat(RoutingDecisions.decide(given(registeredAt(FROM)), rules, ladder, List.of(WINDOW.resolved(NOW)), NOW)
                .orElseThrow()).as("after the resolution").isInstanceOf(Dispatched.class);
    }

    @Test
    void aNewEstimateIsOwedToEveryLinkedComplaintNotClosed() {
        CaseState state = given(registeredAt(FROM));
        CaseState linked = CaseFold.apply(state, Incidents.link(state, WINDOW, NOW, "op-1", "r")).state();
        Incident rescheduled = WINDOW.rescheduled(Instant.parse("2026-12-01T14:00:00Z"));

        EstimatedRepairChanged changed = Incidents.estimateChanged(linked, rescheduled, " crew delayed ", NOW, "op-1",
                "r2").orElseThrow();

        assertThat(changed.revision()).isEqualTo(2);
        assertThat(changed.eventId()).isEqualTo(EventIds.of(EventType.ESTIMATED_REPAIR_CHANGED, C,
                WINDOW.incidentId(), 2));
        assertThat(changed.previousEstimatedRepairAt()).isEqualTo(WINDOW.estimatedRepairAt());
        assertThat(changed.dispatchId()).isEqualTo(WorkOrderIds.of(C, 1));
        assertThat(changed.reason()).isEqualTo("crew delayed");
        assertThat(CaseFold.apply(linked, changed).applied()).isTrue();
        assertThat(Incidents.estimateChanged(state, rescheduled, "x", NOW, "op-1", "r2")).as("not linked").isEmpty();
    }

    @Test
    void aNewEstimateIsNotOwedOnceTheHeldOrderWasReturned() {
        CaseState state = given(registeredAt(FROM));
        CaseState linked = CaseFold.apply(state, Incidents.link(state, WINDOW, NOW, "op-1", "r")).state();
        ReturnRequest request = new ReturnRequest("Power cut", "Signal back", "Battery failed", "Battery replaced",
                Resolution.RESOLVED, true, null, null, "agent-1");
        CaseState returned = CaseFold.apply(linked, Returns.decide(linked, WorkOrderIds.of(C, 1), request,
                "network-tz", NOW, "r3")).state();
        assertThat(returned.isClosed()).isFalse();

        assertThat(Incidents.estimateChanged(returned, WINDOW.rescheduled(Instant.parse("2026-12-01T14:00:00Z")),
                "crew delayed", NOW, "op-1", "r2")).as("repaired for this customer, who was told the result").isEmpty();
    }

    @Test
    void ofTwoOpenIncidentsGatheringOneComplaintTheFirstDeclaredTakesItWhateverTheirOrder() {
        Incident first = WINDOW;
        Incident second = new Incident("INC-20261201-0002", "TZ-HL", Category.NETWORK, "Fibre cut", "光缆中断 fibre cut",
                "network-tz", Incident.Match.listed(Set.of(C)), FROM.plusSeconds(60), "op-2",
                Instant.parse("2026-12-01T12:00:00Z"), 1, Incident.Status.OPEN, null, 0, Set.of());
        // declared the same instant: the incident number decides
        Incident sameInstant = new Incident("INC-20261201-0000", "TZ-HL", Category.NETWORK, "Power cut", "停电",
                "network-tz", Incident.Match.listed(Set.of(C)), FROM, "op-3", Instant.parse("2026-12-01T12:00:00Z"), 1,
                Incident.Status.OPEN, null, 0, Set.of());
        ComplaintRegistered complaint = registeredAt(FROM.plusSeconds(30));

        assertThat(Incidents.matching(List.of(second, first), complaint)).contains(first);
        assertThat(Incidents.matching(List.of(first, second), complaint)).contains(first);
        assertThat(Incidents.matching(List.of(first, second, sameInstant), complaint)).contains(sameInstant);
        assertThat(Incidents.matching(List.of(second, first.resolved(NOW)), complaint)).as("the first resolved")
                .contains(second);

        CaseState state = given(complaint);
        IncidentLinked link = (IncidentLinked) RoutingDecisions.decide(state, rules, ladder, List.of(second, first),
                NOW).orElseThrow();
        assertThat(link.incidentId()).isEqualTo(first.incidentId());
    }

    @Test
    void theResolutionReturnsEachHeldOrderStillOpenWithItsOwnId() {
        CaseState state = given(registeredAt(FROM));
        CaseState linked = CaseFold.apply(state, Incidents.link(state, WINDOW, NOW, "op-1", "r")).state();
        ReturnRequest request = new ReturnRequest("Power cut", "Signal back", "Battery failed", "Battery replaced",
                Resolution.RESOLVED, true, null, null, "agent-1");

        Returned returned = Incidents.resolution(linked, WINDOW, request, NOW, "r3").orElseThrow();

        assertThat(returned.dispatchId()).isEqualTo(WorkOrderIds.of(C, 1));
        assertThat(returned.eventId()).isEqualTo(EventIds.of(EventType.RETURNED, WorkOrderIds.of(C, 1)));
        assertThat(returned.department()).isEqualTo("network-tz");
        CaseState after = CaseFold.apply(linked, returned).state();
        assertThat(Incidents.resolution(after, WINDOW, request, NOW, "r3")).as("returned already").isEmpty();
    }
}
