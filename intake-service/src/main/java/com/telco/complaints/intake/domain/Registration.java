package com.telco.complaints.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.contracts.wire.EventType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Classifies a valid draft and turns it into the ComplaintRegistered fact. Pure. */
public final class Registration {

    private Registration() {}

    /** Regulator transfers come back with top priority (DOMAIN.md §5): always urgent. */
    public static Urgency classifyUrgency(ComplaintDraft draft) {
        return draft.channel() == Channel.REGULATOR ? Urgency.URGENT : draft.urgency();
    }

    public static ComplaintRegistered register(ComplaintDraft draft, String complaintId, Instant registeredAt,
                                               ReplyPromise promise, String causationId, String actor) {
        Urgency urgency = classifyUrgency(draft);
        return new ComplaintRegistered(EventIds.of(EventType.COMPLAINT_REGISTERED, complaintId), complaintId,
                registeredAt, EventType.COMPLAINT_REGISTERED.currentVersion(), causationId, actor,
                draft.channel(), draft.category(), draft.subcategory(), urgency, draft.region(), draft.customer(),
                draft.description(), draft.demand(), draft.externalRef(), promise.replyBy(registeredAt, urgency),
                draft.resolvedAtFirstContact(), draft.billingDispute());
    }

    /**
     * A fingerprint of what was asked, to tell a retry (same draft) from a reused idempotency key
     * (different draft). Computed on the normalized draft, so formatting differences do not count; what the
     * draft lacks is left out of it, so a draft without a billing dispute has the fingerprint it had before
     * drafts could carry one.
     */
    public static String fingerprint(ComplaintDraft draft) {
        try {
            byte[] canonical = EventJson.mapper().writeValueAsString(draft).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
