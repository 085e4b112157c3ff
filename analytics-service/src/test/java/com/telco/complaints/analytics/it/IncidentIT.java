package com.telco.complaints.analytics.it;

import com.telco.complaints.analytics.store.IncidentStore;
import com.telco.complaints.analytics.store.IncidentStore.IncidentOfMonth;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outage incidents (seed 002) as analytics learns them from the linked complaints' events: the case view shows its
 * incident and the estimate the customer was last told; the incidents table counts the complaints linked and the
 * held work orders returned, once each however often an event is delivered, and keeps the estimate of the highest
 * revision.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class IncidentIT {

    private static final Instant T = Instant.parse("2034-04-10T08:00:00Z");

    private static Publisher publisher;

    @Inject
    IncidentStore incidents;

    @BeforeAll
    static void open() {
        publisher = new Publisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    private static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    /**
     * Three complaints linked to one incident declared at T - 1 h: C1 registered and linked at T + 5 min, C2 first
     * dispatched to its own work order, which the link (attempt 2) supersedes at T + 10 min, C3 linked at T + 20 min
     * when the estimate had already moved to revision 2. The estimate moves to revision 2 for C1 and C2 at T + 15 min;
     * C1's and C2's held work orders are returned at T + 240 and T + 250 min (C2's twice, and C1's link is delivered
     * twice); C3's is not yet.
     */
    @Test
    void theIncidentCountsItsLinkedComplaintsAndReturnedWorkOrdersOnceAndTheCaseShowsItsEstimate() {
        String incident = "INC-IT-" + UUID.randomUUID().toString().substring(0, 8);
        String c1 = TestEvents.newComplaintId();
        String c2 = TestEvents.newComplaintId();
        String c3 = TestEvents.newComplaintId();
        IncidentLinked c1Link = TestEvents.incidentLinked(c1, incident, "IN-HL", at(-60), 1, null, at(5), at(180), 1);
        Returned c2Return = TestEvents.returned(c2, 2, at(250), FaultParty.THIRD_PARTY);
        publisher.publish(TestEvents.registered(c1, at(0)), c1Link,
                TestEvents.estimatedRepairChanged(c1, incident, 1, 2, at(15), at(180), at(240)));
        publisher.publish(TestEvents.registered(c2, at(1)), TestEvents.dispatched(c2, at(2), "network-ops"),
                TestEvents.incidentLinked(c2, incident, "IN-HL", at(-60), 2, TestEvents.workOrder(c2, 1), at(10),
                        at(180), 1),
                TestEvents.estimatedRepairChanged(c2, incident, 2, 2, at(15), at(180), at(240)));
        publisher.publish(TestEvents.registered(c3, at(3)),
                TestEvents.incidentLinked(c3, incident, "IN-HL", at(-60), 1, null, at(20), at(240), 2));
        Api.awaitApplied(c1, 3);
        Api.awaitApplied(c2, 4);
        Api.awaitApplied(c3, 2);

        JsonPath view = Api.caseView(c2);
        assertThat(view.getMap("incident")).containsEntry("incidentId", incident)
                .containsEntry("title", "Outage " + incident).containsEntry("dispatchId", TestEvents.workOrder(c2, 2))
                .containsEntry("linkedAt", at(10).toString()).containsEntry("estimatedRepairAt", at(240).toString())
                .containsEntry("revision", 2);
        assertThat(view.getList("workOrders.status")).containsExactly("SUPERSEDED", "OPEN");
        assertThat(view.getString("billingDispute")).isNull();
        // As of before the estimate moved, the auditor sees the declared one.
        assertThat(Api.stateAsOf(c2, at(12).toString()).getMap("incident"))
                .containsEntry("title", "Outage " + incident).containsEntry("estimatedRepairAt", at(180).toString())
                .containsEntry("revision", 1);

        publisher.publish(c1Link, TestEvents.returned(c1, 1, at(240), FaultParty.THIRD_PARTY), c2Return, c2Return);
        Api.awaitApplied(c1, 4);
        Api.awaitApplied(c2, 5);
        Api.awaitArchived(c1, 4);

        assertThat(incidents.incidentsDeclaredBetween(at(-60), at(-59))).filteredOn(i -> i.incidentId().equals(incident))
                .singleElement().isEqualTo(new IncidentOfMonth(incident, "Outage " + incident, "IN-HL", "NETWORK",
                        "network-ops", at(-60), at(240), 2, 3, 2, at(5), at(250)));
        assertThat(incidents.incidentsDeclaredBetween(at(-59), at(600)))
                .noneMatch(i -> i.incidentId().equals(incident));
    }
}
