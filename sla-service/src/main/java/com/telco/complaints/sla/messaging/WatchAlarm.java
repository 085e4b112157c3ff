package com.telco.complaints.sla.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the deadline watch when a clock is announced whose first point (its warning, or its
 * deadline) comes before the watch's next planned look, so that the watch can sleep until the next
 * point it knows of instead of looking every fraction of a second. A clock due later than the
 * planned look wakes nobody: the watch finds it then.
 */
@ApplicationScoped
public class WatchAlarm {

    private final Semaphore rings = new Semaphore(0);
    /**
     * When the watch means to look next; {@link Instant#MAX} while it is looking, so that a clock
     * announced meanwhile (after the watch's query) still rings and ends the next wait at once.
     */
    private volatile Instant plannedLook = Instant.MAX;

    /** A clock whose next point is {@code due} was announced (after its transaction committed). */
    public void ring(Instant due) {
        if (due.isBefore(plannedLook)) {
            rings.release();
        }
    }

    /** When the watch means to look next; {@link Instant#MAX} while it looks. */
    Instant plannedLook() {
        return plannedLook;
    }

    /** The watch starts a look: rings from before it are answered by this look. */
    void looking() {
        plannedLook = Instant.MAX;
        rings.drainPermits();
    }

    /**
     * Waits until {@code look} (by the watch's clock, {@code now} now) or until a clock due sooner
     * is announced, or was announced since {@link #looking}.
     */
    void awaitUntil(Instant look, Instant now) throws InterruptedException {
        plannedLook = look;
        try {
            long millis = look.toEpochMilli() - now.toEpochMilli();
            if (millis > 0) {
                rings.tryAcquire(millis, TimeUnit.MILLISECONDS);
            }
        } finally {
            plannedLook = Instant.MAX;
        }
    }
}
