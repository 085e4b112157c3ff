package com.telco.complaints.eventing.log;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which partitions this instance owns, and which of them replay from the start because the service
 * had no state for them (first start, dropped schema). While a partition replays, its events are
 * only projected: a registration seen now may already have its Dispatched further on in the log.
 * When the replay reaches the end offset seen at assignment, the partition is live and what is
 * still owed is decided ({@link LogHandler#reconcile}).
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

    /** Whether decisions are due on {@code partition} now (it is not replaying). */
    public boolean deciding(int partition) {
        return !replayUntil.containsKey(partition);
    }

    /** Owned partitions that are not replaying: e.g. those whose clocks this instance watches. */
    public Set<Integer> livePartitions() {
        return assigned.stream().filter(this::deciding).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Owned partitions still replaying from the start. */
    public Set<Integer> replaying() {
        return new TreeSet<>(replayUntil.keySet());
    }

    public boolean owns(int partition) {
        return assigned.contains(partition);
    }

    public Set<Integer> assigned() {
        return new TreeSet<>(assigned);
    }

    /** The replaying partitions that reach their end with these next offsets. */
    Set<Integer> reachedEnd(Map<Integer, Long> nextOffsets) {
        return nextOffsets.entrySet().stream()
                .filter(e -> {
                    Long until = replayUntil.get(e.getKey());
                    return until != null && e.getValue() >= until;
                })
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
