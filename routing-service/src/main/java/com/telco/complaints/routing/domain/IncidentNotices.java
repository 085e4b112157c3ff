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
import java.util.Optional;
import java.util.Set;

/**
 * When the emergency leadership group (应急领导小组, seed 002) hears of an incident: once it gathers more complaints
 * than {@code notifyAbove} ({@link NoticeReason#INCIDENT_SIZE}), and once it touches a key customer
 * ({@link NoticeReason#INCIDENT_KEY_CUSTOMER}). One {@link EscalationNotice} per incident and reason, on the
 * complaint whose link tipped it (its held work order), decided with that link; the incident remembers which it
 * raised, and the notice's id is the incident's and the reason's, so no redelivery or restart raises one twice.
 *
 * <p>A work order carries one notice (the contracts' fold refuses a second): when one link tips both reasons, the key
 * customer's notice goes on it and the size notice stays owed, raised on the next link (the group has heard of the
 * incident by then, from the key customer's notice).
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
        // One notice per work order: the key customer's first, on the key customer's own complaint.
        Optional<NoticeReason> raised = owed.contains(NoticeReason.INCIDENT_KEY_CUSTOMER)
                ? Optional.of(NoticeReason.INCIDENT_KEY_CUSTOMER) : owed.stream().findFirst();
        return new AfterLink(before.linkedOnce(raised.map(Set::of).orElse(Set.of())),
                raised.map(reason -> List.of(notice(before, link, reason, now))).orElse(List.of()));
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
