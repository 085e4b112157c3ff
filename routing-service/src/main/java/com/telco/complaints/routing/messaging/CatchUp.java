package com.telco.complaints.routing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Partitions being replayed from the start because routing's state for them was empty (first
 * start, dropped schema). While a partition replays, its events are only projected: a
 * registration seen now may already have its Dispatched further on in the log. When the replay
 * reaches the end offset seen at assignment, what is still owed is decided.
 */
@ApplicationScoped
public class CatchUp {

    private final Map<Integer, Long> replayUntil = new ConcurrentHashMap<>();

    void replay(int partition, long endOffset) {
        if (endOffset > 0) {
            replayUntil.put(partition, endOffset);
        }
    }

    void forget(int partition) {
        replayUntil.remove(partition);
    }

    /** Whether decisions are due on {@code partition} (it is not replaying). */
    public boolean deciding(int partition) {
        return !replayUntil.containsKey(partition);
    }

    /** The replaying partitions that reach their end with these next offsets. */
    Set<Integer> reachedEnd(Map<Integer, Long> nextOffsets) {
        return nextOffsets.entrySet().stream()
                .filter(e -> replayUntil.containsKey(e.getKey()) && e.getValue() >= replayUntil.get(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
