package com.telco.complaints.intake.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for what a publisher may send as an idempotency key (the REST Idempotency-Key header,
 * the submissions topic's idempotency-key header) or as its id (the submissions topic's record
 * key): 1 to 200 visible ASCII characters, so that it can be stored, logged and sent on as it is.
 */
public final class IdempotencyKeys {

    public static final int MAX = 200;
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1," + MAX + "}");

    private IdempotencyKeys() {}

    /** What is wrong with {@code key}, or empty when it is absent or valid. */
    public static Optional<String> problem(String key) {
        if (key == null || VALID.matcher(key).matches()) {
            return Optional.empty();
        }
        if (key.isEmpty()) {
            return Optional.of("is empty; it must be 1 to " + MAX + " visible ASCII characters");
        }
        if (key.length() > MAX) {
            return Optional.of("has " + key.length() + " characters; at most " + MAX + " visible ASCII characters");
        }
        int bad = key.codePoints().filter(c -> c < 0x21 || c > 0x7E).findFirst().orElse('?');
        return Optional.of("contains U+" + String.format("%04X", bad) + "; it must be 1 to " + MAX
                + " visible ASCII characters");
    }
}
