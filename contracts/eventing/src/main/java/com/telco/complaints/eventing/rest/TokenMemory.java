package com.telco.complaints.eventing.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Bearer tokens that passed verification, remembered for a short while: a client sends the same
 * token with every request until it expires, and checking its signature again each time is much of
 * what a small request costs. A token is answered from memory only while it is unexpired and at
 * most {@code reuse} after it was verified (which bounds how long a token keeps passing after its
 * signing key left the provider's key set); only tokens that passed are kept, up to {@code capacity}
 * of them (a full memory drops what has lapsed, then everything), none longer than {@code maxLength}.
 *
 * @param <T> what verification made of a token
 */
public final class TokenMemory<T> {

    /** What verifying a token gives; it throws when the token does not verify. */
    public interface Verifier<T, E extends Exception> {
        T verify(String token) throws E;
    }

    private record Remembered<T>(T verified, long untilMillis) {}

    private final Clock clock;
    private final Duration reuse;
    private final int capacity;
    private final int maxLength;
    private final Map<String, Remembered<T>> tokens = new ConcurrentHashMap<>();
    private final AtomicLong remembered = new AtomicLong();
    private final AtomicLong verifiedInFull = new AtomicLong();

    public TokenMemory(Clock clock, Duration reuse, int capacity, int maxLength) {
        this.clock = clock;
        this.reuse = reuse;
        this.capacity = capacity;
        this.maxLength = maxLength;
    }

    /**
     * The verified form of {@code token}: remembered, or from {@code verifier} (whose failure passes
     * through and is not remembered). {@code expiresAt} reads the expiry (epoch seconds) of a verified token.
     */
    public <E extends Exception> T verified(String token, Verifier<T, E> verifier,
                                            ToLongFunction<T> expiresAt) throws E {
        long now = clock.millis();
        Remembered<T> known = tokens.get(token);
        if (known != null && now < known.untilMillis()) {
            remembered.incrementAndGet();
            return known.verified();
        }
        verifiedInFull.incrementAndGet();
        T verified = verifier.verify(token);
        if (token.length() <= maxLength) {
            long until = now + reuse.toMillis();
            long exp = expiresAt.applyAsLong(verified);
            if (exp > 0) {
                until = Math.min(until, exp * 1000);
            }
            if (until > now) {
                if (tokens.size() >= capacity) {
                    tokens.values().removeIf(r -> r.untilMillis() <= now);
                    if (tokens.size() >= capacity) {
                        tokens.clear();
                    }
                }
                tokens.put(token, new Remembered<>(verified, until));
            }
        }
        return verified;
    }

    /** How many answers came from memory. */
    public long remembered() {
        return remembered.get();
    }

    /** How many tokens were verified in full (whether they passed or not). */
    public long verifiedInFull() {
        return verifiedInFull.get();
    }

    /** How many tokens are remembered now. */
    public int size() {
        return tokens.size();
    }
}
