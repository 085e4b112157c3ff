package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When the emergency leadership group hears of an incident: once past its size, once for a key customer. */
class IncidentNoticesTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private final IncidentNotices notices = new IncidentNotices(2, "emergency-leadership");
    private Incident incident = IncidentsTest.incident(Incident.Match.window(AT.minusSeconds(3600), null));

    /** Links a new complaint of {@code tier}; returns the notices the link owes. */
    private List<EscalationNotice> link(String complaintId, CustomerTier tier) {
        CaseState state = CaseFold.fold(complaintId, List.of(TestEvents.registered(complaintId, AT, Channel.HOTLINE,
                Category.NETWORK, "TZ-HL", tier, Urgency.NORMAL))).state();
        IncidentLinked link = Incidents.link(state, incident, AT, "op-1", "r");
        CaseState linked = CaseFold.apply(state, link).state();
        IncidentNotices.AfterLink after = notices.after(incident, linked, link, AT);
        incident = after.incident();
        CaseState noticed = linked;
        for (EscalationNotice notice : after.notices()) {
            var transition = CaseFold.apply(noticed, notice);
            assertThat(transition.applied()).as("the fold takes " + notice).isTrue();
            noticed = transition.state();
        }
        return after.notices();
    }

    private static List<NoticeReason> reasons(List<EscalationNotice> notices) {
        return notices.stream().map(EscalationNotice::reason).toList();
    }

    @Test
    void theGroupHearsOnceTheIncidentGathersMoreThanTheLimitOnTheComplaintThatTippedIt() {
        List<List<EscalationNotice>> owed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            owed.add(link("C-" + i, CustomerTier.STANDARD));
        }

        assertThat(owed.get(0)).isEmpty();
        assertThat(owed.get(1)).as("at the limit").isEmpty();
        assertThat(reasons(owed.get(2))).containsExactly(NoticeReason.INCIDENT_SIZE);
        assertThat(owed.get(3)).isEmpty();
        assertThat(owed.get(4)).isEmpty();
        EscalationNotice notice = owed.get(2).get(0);
        assertThat(notice.complaintId()).isEqualTo("C-3");
        assertThat(notice.dispatchId()).isEqualTo("C-3-W1");
        assertThat(notice.eventId()).isEqualTo(EventIds.of(EventType.ESCALATION_NOTICE, incident.incidentId(),
                NoticeReason.INCIDENT_SIZE));
        assertThat(notice.addressedTo()).isEqualTo("emergency-leadership");
        assertThat(notice.incidentId()).isEqualTo(incident.incidentId());
        assertThat(notice.deadline()).isNull();
        assertThat(incident.linked()).isEqualTo(5);
        assertThat(incident.noticed()).containsExactly(NoticeReason.INCIDENT_SIZE);
    }

    @Test
    void theGroupHearsOfTheFirstKeyCustomerOnly() {
        assertThat(link("C-1", CustomerTier.STANDARD)).isEmpty();
        List<EscalationNotice> first = link("C-2", CustomerTier.KEY);
        assertThat(reasons(first)).containsExactly(NoticeReason.INCIDENT_KEY_CUSTOMER);
        assertThat(first.get(0).complaintId()).isEqualTo("C-2");
        assertThat(first.get(0).eventId()).isEqualTo(EventIds.of(EventType.ESCALATION_NOTICE, incident.incidentId(),
                NoticeReason.INCIDENT_KEY_CUSTOMER));
        assertThat(reasons(link("C-3", CustomerTier.KEY))).as("the size tips, not the key customer again")
                .containsExactly(NoticeReason.INCIDENT_SIZE);
        assertThat(link("C-4", CustomerTier.KEY)).isEmpty();
    }

    @Test
    void whenOneLinkTipsBothReasonsBothNoticesGoOnItAndNoneIsLeftForALinkThatMayNeverCome() {
        link("C-1", CustomerTier.STANDARD);
        link("C-2", CustomerTier.STANDARD);

        List<EscalationNotice> both = link("C-3", CustomerTier.KEY);
        assertThat(reasons(both)).containsExactlyInAnyOrder(NoticeReason.INCIDENT_SIZE,
                NoticeReason.INCIDENT_KEY_CUSTOMER);
        assertThat(both).allSatisfy(n -> {
            assertThat(n.complaintId()).isEqualTo("C-3");
            assertThat(n.dispatchId()).isEqualTo("C-3-W1");
            assertThat(n.eventId()).isEqualTo(EventIds.of(EventType.ESCALATION_NOTICE, incident.incidentId(),
                    n.reason()));
        });
        assertThat(incident.noticed()).containsExactlyInAnyOrder(NoticeReason.INCIDENT_SIZE,
                NoticeReason.INCIDENT_KEY_CUSTOMER);
        assertThat(link("C-4", CustomerTier.STANDARD)).isEmpty();
        assertThat(link("C-5", CustomerTier.KEY)).isEmpty();
    }
}
