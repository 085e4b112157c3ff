package com.telco.complaints.analytics.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.telco.complaints.analytics.config.ChainKey;
import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.CaseRecord;
import com.telco.complaints.analytics.store.AuditArchive.ArchivedEvent;
import com.telco.complaints.analytics.store.AuditArchive;
import com.telco.complaints.analytics.store.AuditReads;
import com.telco.complaints.analytics.store.IncidentStore;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Auditors replay any case's full history and prove it unaltered. Auditors only, and every read
 * that succeeds is itself recorded (who, which door, case and query, when) before it is answered:
 * listed at {@code GET /audit/reads}. A read that fails (unknown case, bad parameter) showed
 * nothing and is not recorded.
 */
@Path("/audit/complaints/{complaintId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private static final String EVENTS_DOOR = "GET /audit/complaints/{complaintId}/events";
    private static final String STATE_DOOR = "GET /audit/complaints/{complaintId}/state";
    private static final String RECORDED = " Auditors only; the read is recorded with the auditor's token subject "
            + "(GET /audit/reads).";

    /**
     * One archived event.
     *
     * @param type       the ce_type it travelled with (hashed)
     * @param name       the event's name in the catalogue, when this code knows the type
     * @param data       the event data as it was on the log
     * @param notApplied why the case fold did not apply it (it is archived all the same)
     */
    public record EventView(int seq, int partition, long offset, String eventId, String type, String name,
                            Instant occurredAt, JsonNode data, JsonNode headers, String previousHash, String hash,
                            String notApplied) {}

    /** Where the chain first fails to hold. */
    public record BadEvent(int seq, String eventId, int partition, long offset, String reason) {}

    /**
     * A case's archive in log order.
     *
     * @param head  the last hash recorded when the case was last archived
     * @param keyed whether the chain is keyed (HMAC); false for a case archived before it was, until a rebuild
     */
    public record AuditTrail(String complaintId, int length, String head, boolean keyed, boolean chainValid,
                             BadEvent firstBadEvent, String chainProblem, List<EventView> events) {}

    @Inject
    AuditArchive archive;
    @Inject
    AuditReads reads;
    @Inject
    IncidentStore incidents;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    ChainKey key;
    @Context
    UriInfo uri;

    private final EventCodec codec = EventCodec.standard();

    @GET
    @Path("/events")
    @Operation(summary = "Every event of the case in log order, with its hash chain and whether the chain holds",
            description = "chainValid is recomputed from the stored rows on every call; when false, firstBadEvent "
                    + "names the first event where the chain fails. 404 when nothing of the complaint is archived."
                    + RECORDED + " " + AuditChain.DEFINITION)
    public AuditTrail events(@PathParam("complaintId") String complaintId) {
        AuditArchive.Trail trail = archive.trail(complaintId);
        List<ArchivedEvent> events = trail.events();
        AuditArchive.Head head = trail.head();
        if (events.isEmpty() && head == null) {
            throw new RequestProblems.NotFound("No event of complaint " + complaintId + " is archived");
        }
        boolean keyed = head == null || head.keyed();
        AuditChain.Verification verification = trail.verify(AuditChain.Hasher.keyed(key.bytes()),
                AuditChain.Hasher.unkeyed());
        BadEvent bad = null;
        if (!verification.valid() && verification.firstBad() >= 0) {
            ArchivedEvent e = events.get(verification.firstBad());
            bad = new BadEvent(e.seq(), e.eventId().toString(), e.partition(), e.offset(), verification.reason());
        }
        return recorded(EVENTS_DOOR, complaintId, new AuditTrail(complaintId, events.size(),
                head == null ? null : AuditChain.hex(head.hash()), keyed, verification.valid(), bad,
                verification.reason(), events.stream().map(AuditResource::view).toList()));
    }

    @GET
    @Path("/state")
    @Operation(summary = "The case as it stood at asOf (default now), folded from its archived events",
            description = "Folds, in log order and with the contracts' case state machine, the case's archived events "
                    + "whose occurredAt is at or before asOf: status, department, attempts, the deadlines known then, "
                    + "the warnings and breaches raised by then. Before its registration the status is null. 404 when "
                    + "nothing of the complaint is archived." + RECORDED)
    public CaseView state(@PathParam("complaintId") String complaintId, @QueryParam("asOf") String asOf) {
        QueryParams params = new QueryParams();
        Instant at = params.instant("asOf", asOf, null);
        params.validate();
        Instant until = at == null ? clock.instant() : at;
        List<ArchivedEvent> events = archive.events(complaintId, until);
        if (events.isEmpty() && archive.head(complaintId).isEmpty()) {
            throw new RequestProblems.NotFound("No event of complaint " + complaintId + " is archived");
        }
        CaseRecord record = CaseRecord.initial(complaintId);
        for (ArchivedEvent e : events) {
            ComplaintEvent event;
            try {
                event = codec.fromJson(e.eventType(), e.data());
            } catch (EventDecodingException undecodable) {
                continue; // archived, never folded: the live projection skipped it too
            }
            record = record.apply(event).record();
        }
        return recorded(STATE_DOOR, complaintId, CaseView.of(record, incidents.titleOf(record.state().incident()),
                until));
    }

    /**
     * Records the caller's read of {@code door} and returns what was read. The record is written
     * before the answer: a read that could not be recorded fails (5xx) and shows nothing. The time is
     * the wall clock's, not the service clock's: it describes this request, not a complaint.
     */
    private <T> T recorded(String door, String complaintId, T read) {
        reads.record(caller.subject(), caller.name(), door, complaintId, uri.getRequestUri().getQuery(),
                Instant.now());
        return read;
    }

    private static EventView view(ArchivedEvent e) {
        String name = null;
        try {
            name = EventType.parseCeType(e.eventType()).type().eventName();
        } catch (EventDecodingException unknown) {
            // a type this code does not know: shown by its ce_type only
        }
        return new EventView(e.seq(), e.partition(), e.offset(), e.eventId().toString(), e.eventType(), name,
                e.occurredAt(), json(new String(e.data(), StandardCharsets.UTF_8)), json(e.headers()),
                AuditChain.hex(e.previousHash()),
                AuditChain.hex(e.hash()), e.rejection());
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException notJson) {
            return TextNode.valueOf(text); // shown as stored, e.g. after tampering
        }
    }
}
