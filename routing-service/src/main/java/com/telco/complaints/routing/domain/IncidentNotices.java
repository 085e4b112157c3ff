package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When the emergency leadership group (应急领导小组, seed 002) hears of an incident: once it gathers more complaints
 * than {@code notifyAbove} ({@link NoticeReason#INCIDENT_SIZE}), and once it touches a key customer
 * ({@link NoticeReason#INCIDENT_KEY_CUSTOMER}). One {@link EscalationNotice} per incident and reason, on the
 * complaint whose link tipped it (its held work order), decided with that link; the incident remembers which it
 * raised, and the notice's id is the incident's and the reason's, so no redelivery or restart raises one twice.
 * When one link tips both reasons, both notices go on it at once: the contracts' fold takes
 * an incident's notices without marking the order noticed, so one complaint may carry both, and none waits for a link
 * that may never come.
 *
 * @param notifyAbove    how many linked complaints the group need not hear of
 * @param emergencyGroup to whom the notices are addressed
 */
public record IncidentNotices(int notifyAbove, String emergencyGroup) {

    /** The incident after a link, and the notices that link owes. */
    public record AfterLink(Incident incident, List<EscalationNotice> notices) {}

    /**
     * @param before the incident before {@code link}
     * @param linked the case {@code link} joined, after it
     */
    public AfterLink after(Incident before, CaseState linked, IncidentLinked link, Instant now) {
        int count = before.linked() + 1;
        Set<NoticeReason> owed = EnumSet.noneOf(NoticeReason.class);
        if (keyCustomer(linked) && !before.noticed().contains(NoticeReason.INCIDENT_KEY_CUSTOMER)) {
            owed.add(NoticeReason.INCIDENT_KEY_CUSTOMER);
        }
        if (count > notifyAbove && !before.noticed().contains(NoticeReason.INCIDENT_SIZE)) {
            owed.add(NoticeReason.INCIDENT_SIZE);
        }
        return new AfterLink(before.linkedOnce(owed),
                owed.stream().map(reason -> notice(before, link, reason, now)).toList());
    }

    private static boolean keyCustomer(CaseState state) {
        return state.registration().customer() != null
                && state.registration().customer().tier() == CustomerTier.KEY;
    }

    private EscalationNotice notice(Incident incident, IncidentLinked link, NoticeReason reason, Instant now) {
        return new EscalationNotice(EventIds.of(EventType.ESCALATION_NOTICE, incident.incidentId(), reason),
                link.complaintId(), now, EventType.ESCALATION_NOTICE.currentVersion(), link.eventId().toString(),
                RoutingDecisions.ACTOR, link.dispatchId(), emergencyGroup, reason, incident.department(), null,
                incident.incidentId());
    }
}
