package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.ChainKey;
import com.telco.complaints.analytics.domain.ArchiveDigest;
import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.AuditCheckpoint;
import com.telco.complaints.analytics.messaging.CheckpointCheck;
import com.telco.complaints.analytics.messaging.LogComparison;
import com.telco.complaints.analytics.store.ArchiveState;
import com.telco.complaints.analytics.store.AuditArchive;
import com.telco.complaints.analytics.store.AuditArchive.ArchivedEvent;
import com.telco.complaints.analytics.store.AuditArchive.Digest;
import com.telco.complaints.analytics.store.AuditArchive.Head;
import com.telco.complaints.analytics.store.AuditReads;
import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole archive checked at once: every partition's digest against the heads it has (a case
 * deleted whole, or one slipped in, shows there), every case's chain (an event altered, removed or
 * reordered shows there), the latest signed checkpoint (a database restored to an older state shows
 * there) and the log itself (naming the first record the archive lacks or holds otherwise).
 */
@Path("/audit/verify")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditVerifyResource {

    static final String DOOR = "GET /audit/verify";

    /** One partition's digest: as stored, and whether the heads it has now add up to it (digest, cases, events). */
    public record PartitionCheck(int partition, long casesRecorded, long casesFound, boolean digestHolds,
                                 long eventsRecorded, long eventsFound) {}

    /**
     * The archive against the log: records compared, of them records set aside (parked, rightly not
     * archived), and the first record that disagrees; error when the log could not be read.
     */
    public record LogCheck(long recordsRead, long setAside, boolean agrees, LogComparison.Disagreement firstDisagreement,
                           String error) {}

    /** The first case whose chain does not hold, and where. */
    public record BadCase(String complaintId, Integer seq, String eventId, String reason) {}

    /**
     * @param valid      every digest holds, every chain holds, no event lacks its head
     * @param unkeyed    cases archived before the chain was keyed (verified by SHA-256 alone)
     * @param checkpoint the archive against the latest signed checkpoint
     * @param log        the archive against complaint-events
     */
    public record Verification(Instant verifiedAt, boolean valid, long cases, long events, long unkeyed,
                               List<PartitionCheck> partitions, BadCase firstBadCase, List<String> casesWithoutHead,
                               long casesWithoutPartition, CheckpointCheck.Result checkpoint, LogCheck log) {}

    @Inject
    AuditArchive archive;
    @Inject
    AuditReads reads;
    @Inject
    Caller caller;
    @Inject
    ChainKey key;
    @Inject
    Clock clock;
    @Inject
    CheckpointCheck checkpoints;
    @Inject
    LogComparison logComparison;
    @Inject
    ArchiveState state;


    @GET
    @Operation(summary = "Checks the whole audit archive",
            description = "For every partition, the digest recorded with the archive (the sum of each case's keyed "
                    + "contribution over its chain head, moved with every append) against the heads the partition "
                    + "has now: a case deleted whole, or one added behind the archive's back, breaks it. Then every "
                    + "case's chain, keyed, as GET /audit/complaints/{complaintId}/events checks it: firstBadCase "
                    + "names the first case (by complaint number) and event that disagree. Events whose case has "
                    + "no head are listed. Then the latest signed checkpoint of the topic audit-checkpoints "
                    + "(published every analytics.audit.checkpoint-interval when the archive moved): its mac must "
                    + "hold (else it is forged), and for every partition it names, the events archived by then (their "
                    + "ordinal in the partition up to the checkpoint's events) must give its cases, events and digest "
                    + "again, and the archive must have applied the log at least to its position: a database restored "
                    + "to an older, self-consistent state fails here (checkpoint.disagreements names the partitions). "
                    + "No checkpoint yet is no failure. Then the log: every record of complaint-events below the "
                    + "positions the archive has applied, read committed, must be archived under its ce_id with the "
                    + "same ce_type and data, or be parked; log.firstDisagreement names the first that is not (case, "
                    + "event, partition, offset, reason). valid is false when any check fails. " + AuditCheckpoint.DEFINITION
                    + " It reads the whole archive and the whole log: a long call on a large one. Auditors only; "
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
            long eventsFound = 0;
            for (Head head : archive.headsOf(recorded.partition())) {
                sum = ArchiveDigest.plus(sum, digest.contribution(head.complaintId(), head.length(), head.hash()));
                found++;
                eventsFound += head.length();
            }
            boolean holds = ArchiveDigest.same(sum, recorded.digest()) && found == recorded.cases()
                    && eventsFound == recorded.events();
            valid &= holds;
            partitions.add(new PartitionCheck(recorded.partition(), recorded.cases(), found, holds, recorded.events(),
                    eventsFound));
        }
        long cases = 0;
        long events = 0;
        long unkeyedCases = 0;
        BadCase firstBad = null;
        for (Head head : archive.headsOf(null)) {
            AuditArchive.Trail trail = archive.trail(head.complaintId());
            Head current = trail.head() != null ? trail.head() : head;
            List<ArchivedEvent> archived = trail.events();
            AuditChain.Verification v = new AuditArchive.Trail(current, archived).verify(keyed, unkeyed);
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
        CheckpointCheck.Result checkpoint = checkpoint();
        LogCheck log = againstTheLog();
        valid &= checkpoint.agrees() && log.agrees();
        Instant now = clock.instant();
        reads.record(caller.subject(), caller.name(), DOOR, "*", null, now);
        return new Verification(now, valid, cases, events, unkeyedCases, partitions, firstBad, withoutHead,
                withoutPartition, checkpoint, log);
    }

    /** A checkpoint that cannot be read is no proof: reported, and the archive not valid. */
    private CheckpointCheck.Result checkpoint() {
        try {
            return checkpoints.check();
        } catch (RuntimeException e) {
            return new CheckpointCheck.Result(false, null, null, null, null, 0, false, List.of(),
                    "the checkpoints could not be read: " + Failures.describe(e));
        }
    }

    private LogCheck againstTheLog() {
        try {
            LogComparison.Result result = logComparison.compare(state.positions());
            return new LogCheck(result.recordsRead(), result.setAside(), result.agrees(), result.first(), null);
        } catch (RuntimeException e) {
            return new LogCheck(0, 0, false, null, "the log could not be read: " + Failures.describe(e));
        }
    }
}
