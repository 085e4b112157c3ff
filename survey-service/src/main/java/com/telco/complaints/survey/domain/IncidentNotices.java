package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What the customer desk owes every customer whose complaint joins an outage incident (seed 002, 应急处置: the
 * customers are told the estimated repair time): a notice in writing, by SMS, when the complaint is linked and each
 * time the estimate changes. A written message counts as sent, not as reached (CustomerContacted), so a notice meets
 * none of the customer's clocks. Each is a contact of the case's log, numbered like the others and caused by the
 * routing event it tells of; nothing is sent on a closed case.
 */
public final class IncidentNotices {

    /** Who sends the notices: the desk itself, not a person. */
    public static final String ACTOR = "survey-service";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A notice owed to the customer of {@code complaintId}.
     *
     * @param causedBy         the routing event it tells of (IncidentLinked, EstimatedRepairChanged): its id
     * @param rescheduled      whether it tells of a changed estimate rather than of the link
     * @param title            the incident's title, as the link told it
     * @param faultDescription the fault, as the link told it; null for a changed estimate
     * @param reason           why the estimate changed; null for the link
     */
    public record Owed(String causedBy, String complaintId, String incidentId, int revision, boolean rescheduled,
                       Instant estimatedRepairAt, String title, String faultDescription, String reason) {}

    private IncidentNotices() {}

    /** The notice {@code event} owes the customer, if it is a routing event that tells of an incident. */
    public static Optional<Owed> owedBy(ComplaintEvent event) {
        if (event instanceof IncidentLinked l) {
            return Optional.of(new Owed(l.eventId().toString(), l.complaintId(), l.incidentId(), l.revision(), false,
                    l.estimatedRepairAt(), l.title(), l.faultDescription(), null));
        }
        if (event instanceof EstimatedRepairChanged c) {
            return Optional.of(new Owed(c.eventId().toString(), c.complaintId(), c.incidentId(), c.revision(), true,
                    c.estimatedRepairAt(), null, null, c.reason()));
        }
        return Optional.empty();
    }

    /**
     * The notice as a contact of the case as it stands, sent {@code now}: the next contact number, an id of that
     * number, so the same notice decided again is the same fact. Empty for a closed case.
     *
     * @param zone the business zone, in which the customer is told the time
     */
    public static Optional<CustomerContacted> decide(CaseState state, Owed notice, ZoneId zone, Instant now) {
        if (state.isClosed()) {
            return Optional.empty();
        }
        String contactId = Contacts.nextContactId(state);
        return Optional.of(new CustomerContacted(
                EventIds.of(EventType.CUSTOMER_CONTACTED, state.complaintId(), contactId), state.complaintId(), now,
                EventType.CUSTOMER_CONTACTED.currentVersion(), notice.causedBy(), ACTOR, contactId,
                ContactKind.PROGRESS, ContactChannel.SMS, false, summary(notice, zone), null, null, null));
    }

    /**
     * The text sent: {@code 【故障通知】<title>：<fault>。预计修复时间 <yyyy-MM-dd HH:mm>。}, or for a changed estimate
     * {@code 【故障通知】<title>：预计修复时间调整为 <time>。原因：<reason>。}, the time in the business zone.
     */
    static String summary(Owed notice, ZoneId zone) {
        String at = MINUTES.format(notice.estimatedRepairAt().atZone(zone));
        String title = notice.title() == null ? "故障 " + notice.incidentId() : notice.title();
        if (notice.rescheduled()) {
            String reason = notice.reason() == null || notice.reason().isBlank() ? ""
                    : "原因：" + sentence(notice.reason().strip());
            return "【故障通知】" + title + "：预计修复时间调整为 " + at + "。" + reason;
        }
        String fault = notice.faultDescription() == null || notice.faultDescription().isBlank() ? ""
                : sentence(notice.faultDescription().strip());
        return "【故障通知】" + title + "：" + fault + "预计修复时间 " + at + "。";
    }

    /** The text closed by a full stop, unless it ends with one of its own. */
    private static String sentence(String text) {
        return text.matches(".*[。！？.!?]$") ? text : text + "。";
    }
}
