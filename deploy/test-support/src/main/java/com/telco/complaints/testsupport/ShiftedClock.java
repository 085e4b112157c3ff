package com.telco.complaints.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wall clock, moved forward by what a test adds: for a service whose other tests expect time to pass as usual,
 * while one test makes hours pass at once (a deadline's later escalation) without sleeping. Thread-safe.
 */
public final class ShiftedClock extends Clock {

    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock {@code duration} further ahead of the wall clock; returns the time now. */
    public Instant advance(Duration duration) {
        shift.updateAndGet(s -> s.plus(duration));
        return instant();
    }

    /** Moves the clock to {@code at} if that is ahead of it. */
    public Instant advanceTo(Instant at) {
        Duration ahead = Duration.between(instant(), at);
        return ahead.isNegative() ? instant() : advance(ahead);
    }

    /** Back to the wall clock (between tests). */
    public void reset() {
        shift.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock keeps UTC");
    }
}
