package com.telco.complaints.eventing.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild is doing. {@code state}: IDLE, RUNNING (replaying into the shadow tables), WRITING
 * (lanes that folded in memory write their result), INDEXING, CATCHING_UP, SWAPPING, then DONE,
 * CANCELLED or FAILED. {@code percent} of the records on the log when it started.
 *
 * @param units        what the lanes that fold in memory hold (e.g. cases), null otherwise
 * @param readSeconds  replaying the log into the shadow tables (or into memory)
 * @param writeSeconds writing what was folded in memory
 * @param parked       records the rebuild set aside
 * @param findings     what the service found when it compared the rebuilt tables with the live ones
 *                     just before the swap (e.g. archived cases that differ): never replaced silently
 */
public record RebuildProgress(String state, long eventsRead, long eventsTotal, double eventsPerSecond, double percent,
                              Instant startedAt, Instant finishedAt, Long units, Double readSeconds,
                              Double writeSeconds, Double indexSeconds, Double swapSeconds, long parked,
                              String error, List<String> findings) {

    static RebuildProgress idle() {
        return new RebuildProgress("IDLE", 0, 0, 0, 0, null, null, null, null, null, null, null, 0, null,
                List.of());
    }

    public boolean running() {
        return !"IDLE".equals(state) && finishedAt == null;
    }
}
