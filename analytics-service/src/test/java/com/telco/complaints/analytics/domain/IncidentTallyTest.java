package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.telco.complaints.analytics.domain.Cases.at;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentTallyTest {

    private static final String INCIDENT = "INC-T-1";

    /** Counts the events of one case, each with the case as it stands after it (all must apply). */
    private static void count(IncidentTally tally, String complaintId, ComplaintEvent... events) {
        CaseRecord record = CaseRecord.initial(complaintId);
        for (ComplaintEvent e : events) {
            CaseRecord.Step step = record.apply(e);
            assertThat(step.applied()).as("%s: %s", e, step.rejection()).isTrue();
            record = step.record();
            tally.count(e, record.state());
        }
    }

    private static ComplaintEvent linked(String id, Instant at, Instant estimate, int revision) {
        return TestEvents.incidentLinked(id, INCIDENT, "TZ-HL", at(-60), 1, null, at, estimate, revision);
    }

    @Test
    void theBatchesLinksEstimatesAndReturnsOfHeldWorkOrdersAreCountedPerIncident() {
        IncidentTally tally = new IncidentTally();
        count(tally, "C-1", TestEvents.registered("C-1", at(0)), linked("C-1", at(5), at(300), 1),
                TestEvents.estimatedRepairChanged("C-1", INCIDENT, 1, 2, at(20), at(300), at(400)),
                TestEvents.returned("C-1", 1, at(390), FaultParty.THIRD_PARTY));
        count(tally, "C-2", TestEvents.registered("C-2", at(1)), linked("C-2", at(2), at(400), 2));

        assertThat(tally.links()).singleElement().satisfies(l -> {
            assertThat(l.incidentId()).isEqualTo(INCIDENT);
            assertThat(l.title()).isEqualTo("Outage " + INCIDENT);
            assertThat(l.region()).isEqualTo("TZ-HL");
            assertThat(l.category()).isEqualTo("NETWORK");
            assertThat(l.count()).isEqualTo(2);
            assertThat(l.firstLinkedAt()).isEqualTo(at(2));
            assertThat(l.revision()).isEqualTo(2);
            assertThat(l.estimatedRepairAt()).isEqualTo(at(400));
        });
        assertThat(tally.estimates()).containsExactly(new IncidentTally.Estimate(INCIDENT, at(400), 2));
        assertThat(tally.returns()).containsExactly(new IncidentTally.Returns(INCIDENT, 1, at(390)));
    }

    @Test
    void aReturnOfAWorkOrderNoIncidentHoldsIsNotTheIncidents() {
        IncidentTally tally = new IncidentTally();
        count(tally, "C-3", TestEvents.registered("C-3", at(0)), TestEvents.dispatched("C-3", at(1), "network-ops"),
                TestEvents.returned("C-3", 1, at(60), FaultParty.NONE));

        assertThat(tally.links()).isEmpty();
        assertThat(tally.returns()).isEmpty();
    }
}
