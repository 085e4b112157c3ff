package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.eventing.rebuild.RebuildLane;

import java.util.Collection;
import java.util.List;

/**
 * What a service does with the topic it follows; the library does the rest. A service declares
 * one {@code @ApplicationScoped} bean implementing this (for {@code complaint-events}, usually
 * through {@link EventHandler}). The library polls the topic, positions the consumer from the
 * service's own schema, runs each polled batch in one transaction with the new positions, retries
 * transient failures, sets aside (parks, or dead-letters) a record that can never apply and goes
 * on, replays partitions it has no state for, and rebuilds the service's tables from offset 0.
 *
 * @param <T> a record as the service reads it (outside any transaction)
 */
public interface LogHandler<T> {

    /**
     * Reads one record, outside any transaction (a rebuild reads on other threads while it writes).
     *
     * @throws UnusableRecord when the record can never be applied as it is
     */
    T read(LogRecord record);

    /**
     * Applies records, in log order, in the caller's transaction: what was applied before is filtered
     * out already. Anything thrown that is not transient sets the record that causes it aside.
     */
    void apply(List<T> items, Applying applying);

    /**
     * Decides what is owed on partitions that finished replaying from the start ({@code null}: every
     * partition, after a rebuild), in the caller's transaction. Returns how many decisions were made.
     */
    default int reconcile(Collection<Integer> partitions, Applying applying) {
        return 0;
    }

    /**
     * Applies, at the end of a rebuild, the events this service committed that may not be on the log
     * yet (still in its outbox), so that the rebuilt tables know every decision already made.
     */
    default void applyUndelivered(List<ComplaintEvent> events, Applying applying) {}

    /**
     * Compares the rebuilt (shadow) tables with the live ones in the swap's transaction, just before
     * the swap (the live tables locked, the search path on the shadow tables): what it returns is
     * logged and shown in the rebuild's progress ({@code findings}), so that a difference a rebuild
     * would otherwise replace silently (an archive rewritten behind the service's back) is reported.
     */
    default List<String> compareBeforeSwap() {
        return List.of();
    }

    /** What happens to a record that can never apply; parking by default. */
    default FailurePolicy failurePolicy() {
        return FailurePolicy.park();
    }

    /**
     * Whether a partition this service has no position for is replayed from its first offset (a
     * projection of the log) or read from where the consumer group stands (a door such as a topic of
     * submissions, whose effects are the service's own state).
     */
    default boolean replaysFromStart() {
        return true;
    }

    /**
     * A lane of a rebuild that folds its share of the log in memory and writes it at the end, for a
     * service whose state fits in memory and writes faster in bulk; null (the default) applies each
     * batch to the shadow tables as the live consumer does.
     */
    default RebuildLane<T> rebuildLane() {
        return null;
    }
}
