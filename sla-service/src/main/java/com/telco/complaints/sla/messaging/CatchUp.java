package com.telco.complaints.sla.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which partitions this instance owns, and which of them are being replayed from the start because
 * sla had no state for them. A replaying partition's clocks are neither announced nor watched: its
 * announcements, warnings and breaches may already be further on in the log. Once the replay
 * reaches the end seen at assignment, the partition is live.
 */
@ApplicationScoped
public class CatchUp {

    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> replayUntil = new ConcurrentHashMap<>();

    void assigned(int partition, long replayUntilOffset) {
        assigned.add(partition);
        if (replayUntilOffset > 0) {
            replayUntil.put(partition, replayUntilOffset);
        } else {
            replayUntil.remove(partition);
        }
    }

    void revoked(int partition) {
        assigned.remove(partition);
        replayUntil.remove(partition);
    }

    void caughtUp(int partition) {
        replayUntil.remove(partition);
    }

    public boolean deciding(int partition) {
        return !replayUntil.containsKey(partition);
    }

    /** Owned partitions that are not replaying: the ones whose clocks this instance watches. */
    public Set<Integer> livePartitions() {
        return assigned.stream().filter(this::deciding).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<Integer> reachedEnd(Map<Integer, Long> nextOffsets) {
        return nextOffsets.entrySet().stream()
                .filter(e -> replayUntil.containsKey(e.getKey()) && e.getValue() >= replayUntil.get(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
