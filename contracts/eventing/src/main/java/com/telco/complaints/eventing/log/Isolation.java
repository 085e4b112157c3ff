package com.telco.complaints.eventing.log;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Applies a list of items as one unit of work and, when that fails for a reason that is not
 * transient, splits it in halves until each failing item stands alone, so that one bad item is set
 * aside while every other is applied, in order. Transient failures propagate to be retried whole
 * (what was committed meanwhile is skipped then by whoever retries).
 */
public final class Isolation {

    private Isolation() {}

    /**
     * @param work  applies a run of items in a transaction of its own
     * @param alone handles one item that failed alone (in a transaction of its own)
     */
    public static <E> void apply(List<E> items, Consumer<List<E>> work, BiConsumer<E, RuntimeException> alone) {
        if (items.isEmpty()) {
            return;
        }
        try {
            work.accept(items);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            if (items.size() == 1) {
                alone.accept(items.get(0), e);
                return;
            }
            int half = items.size() / 2;
            apply(items.subList(0, half), work, alone);
            apply(items.subList(half, items.size()), work, alone);
        }
    }
}
