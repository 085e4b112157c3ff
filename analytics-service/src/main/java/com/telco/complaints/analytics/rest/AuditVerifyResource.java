package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.ChainKey;
import com.telco.complaints.analytics.domain.ArchiveDigest;
import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.store.AuditArchive;
import com.telco.complaints.analytics.store.AuditArchive.ArchivedEvent;
import com.telco.complaints.analytics.store.AuditArchive.Digest;
import com.telco.complaints.analytics.store.AuditArchive.Head;
import com.telco.complaints.analytics.store.AuditReads;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole archive checked at once: every partition's digest against the heads it has (a case
 * deleted whole, or one slipped in, shows there), and every case's chain (an event altered,
 * removed or reordered shows there), naming the first case and event that disagree.
 */
@Path("/audit/verify")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditVerifyResource {

    static final String DOOR = "GET /audit/verify";

    /** One partition's digest: as stored, and whether the heads it has now add up to it. */
    public record PartitionCheck(int partition, long casesRecorded, long casesFound, boolean digestHolds) {}

    /** The first case whose chain does not hold, and where. */
    public record BadCase(String complaintId, Integer seq, String eventId, String reason) {}

    /**
     * @param valid      every digest holds, every chain holds, no event lacks its head
     * @param unkeyed    cases archived before the chain was keyed (verified by SHA-256 alone)
     */
    public record Verification(Instant verifiedAt, boolean valid, long cases, long events, long unkeyed,
                               List<PartitionCheck> partitions, BadCase firstBadCase, List<String> casesWithoutHead,
                               long casesWithoutPartition) {}

    @Inject
    AuditArchive archive;
    @Inject
    AuditReads reads;
    @Inject
    Caller caller;
    @Inject
    ChainKey key;


    @GET
    @Operation(summary = "Checks the whole audit archive",
            description = "For every partition, the digest recorded with the archive (the sum of each case's keyed "
                    + "contribution over its chain head, moved with every append) against the heads the partition "
                    + "has now: a case deleted whole, or one added behind the archive's back, breaks it. Then every "
                    + "case's chain, keyed, as GET /audit/complaints/{complaintId}/events checks it: firstBadCase "
                    + "names the first case (by complaint number) and event that disagree. Events whose case has "
                    + "no head are listed. It reads the whole archive: a long call on a large one. Auditors only; "
                    + "recorded in GET /audit/reads (complaintId *).")
    public Verification verify() {
        ArchiveDigest digest = new ArchiveDigest(key.bytes());
        AuditChain.Hasher keyed = AuditChain.Hasher.keyed(key.bytes());
        AuditChain.Hasher unkeyed = AuditChain.Hasher.unkeyed();
        List<PartitionCheck> partitions = new ArrayList<>();
        boolean valid = true;
        for (Digest recorded : archive.digests()) {
            byte[] sum = ArchiveDigest.EMPTY;
            long found = 0;
            for (Head head : archive.headsOf(recorded.partition())) {
                sum = ArchiveDigest.plus(sum, digest.contribution(head.complaintId(), head.length(), head.hash()));
                found++;
            }
            boolean holds = ArchiveDigest.same(sum, recorded.digest()) && found == recorded.cases();
            valid &= holds;
            partitions.add(new PartitionCheck(recorded.partition(), recorded.cases(), found, holds));
        }
        long cases = 0;
        long events = 0;
        long unkeyedCases = 0;
        BadCase firstBad = null;
        for (Head head : archive.headsOf(null)) {
            AuditArchive.Trail trail = archive.trail(head.complaintId());
            Head current = trail.head() != null ? trail.head() : head;
            List<ArchivedEvent> archived = trail.events();
            AuditChain.Verification v = AuditChain.verify(archived.stream()
                    .map(e -> new AuditChain.Link(e.eventType(), new String(e.data(), StandardCharsets.UTF_8),
                            e.previousHash(), e.hash())).toList(), current.hash(), current.keyed() ? keyed : unkeyed);
            cases++;
            events += archived.size();
            unkeyedCases += current.keyed() ? 0 : 1;
            if (!v.valid() && firstBad == null) {
                ArchivedEvent at = v.firstBad() >= 0 ? archived.get(v.firstBad()) : null;
                firstBad = new BadCase(head.complaintId(), at == null ? null : at.seq(),
                        at == null ? null : at.eventId().toString(), v.reason());
            }
        }
        List<String> withoutHead = archive.casesWithoutHead();
        long withoutPartition = archive.headsWithoutPartition();
        valid &= firstBad == null && withoutHead.isEmpty();
        reads.record(caller.subject(), caller.name(), DOOR, "*", null, Instant.now());
        return new Verification(Instant.now(), valid, cases, events, unkeyedCases, partitions, firstBad, withoutHead,
                withoutPartition);
    }
}
