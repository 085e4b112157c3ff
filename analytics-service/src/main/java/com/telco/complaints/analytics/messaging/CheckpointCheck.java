package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.config.ChainKey;
import com.telco.complaints.analytics.domain.ArchiveDigest;
import com.telco.complaints.analytics.domain.AuditChain;
import com.telco.complaints.analytics.domain.AuditCheckpoint;
import com.telco.complaints.analytics.store.ArchiveState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The archive checked against the latest checkpoint on the topic: its mac must hold (else it is
 * forged), and for each partition it names, the events the archive holds that were archived by then
 * (ordinals up to the checkpoint's count) must still add up to its cases, events and digest, and the
 * archive must have applied the log at least as far. A database restored to an older state, even a
 * self-consistent one with its digests moved to match, disagrees here.
 */
@ApplicationScoped
public class CheckpointCheck {

    /** Where a partition disagrees with the checkpoint: what it stated, and what the archive gives now. */
    public record PartitionDisagreement(int partition, long positionStated, long positionNow, long casesStated,
                                        long casesFound, long eventsStated, long eventsFound, boolean digestAgrees) {}

    /**
     * @param published         whether any checkpoint was published yet (none is no failure)
     * @param offset            its offset on the topic
     * @param macValid          false: forged, or not signed with this archive's key
     * @param partitionsChecked partitions compared with the archive
     * @param agrees            the mac holds and every partition agrees (true when none was published)
     * @param problem           why it could not be read or does not hold, in words; null when it agrees
     */
    public record Result(boolean published, Long sequence, Instant publishedAt, Long offset, Boolean macValid,
                         int partitionsChecked, boolean agrees, List<PartitionDisagreement> disagreements,
                         String problem) {
        static Result none() {
            return new Result(false, null, null, null, null, 0, true, List.of(),
                    "no checkpoint published yet");
        }
    }

    @Inject
    CheckpointTopic topic;
    @Inject
    ArchiveState state;
    @Inject
    ChainKey key;

    public Result check() {
        CheckpointTopic.Entry latest = topic.latest();
        if (latest == null) {
            return Result.none();
        }
        AuditCheckpoint checkpoint = latest.checkpoint();
        if (checkpoint == null) {
            return new Result(true, null, null, latest.offset(), false, 0, false, List.of(),
                    "the latest record of " + topic.name() + " is " + latest.unreadable());
        }
        if (!checkpoint.macValid(key.bytes())) {
            return new Result(true, checkpoint.sequence(), checkpoint.publishedAt(), latest.offset(), false, 0, false,
                    List.of(), "the latest checkpoint's mac does not hold: forged, or not signed with this archive's key");
        }
        List<PartitionDisagreement> disagreements = disagreements(checkpoint);
        return new Result(true, checkpoint.sequence(), checkpoint.publishedAt(), latest.offset(), true,
                checkpoint.partitions().size(), disagreements.isEmpty(), disagreements, disagreements.isEmpty() ? null
                : "the archive no longer holds what checkpoint " + checkpoint.sequence() + " stated of partitions "
                + disagreements.stream().map(d -> String.valueOf(d.partition())).toList());
    }

    /**
     * The partitions where the archive as it is now no longer holds what {@code checkpoint} stated: the
     * events archived by then give other cases, events or digest, or the log was applied less far.
     */
    public List<PartitionDisagreement> disagreements(AuditCheckpoint checkpoint) {
        ArchiveDigest digest = new ArchiveDigest(key.bytes());
        Map<Integer, Long> positions = state.positions();
        List<PartitionDisagreement> disagreements = new ArrayList<>();
        for (AuditCheckpoint.Partition stated : checkpoint.partitions()) {
            ArchiveState.Recomputed now = state.recompute(stated.partition(), stated.events(), digest);
            long positionNow = positions.getOrDefault(stated.partition(), 0L);
            boolean digestAgrees = AuditChain.hex(now.digest()).equals(stated.digest());
            if (!digestAgrees || now.cases() != stated.cases() || now.events() != stated.events()
                    || positionNow < stated.position()) {
                disagreements.add(new PartitionDisagreement(stated.partition(), stated.position(), positionNow,
                        stated.cases(), now.cases(), stated.events(), now.events(), digestAgrees));
            }
        }
        return disagreements;
    }
}
