package com.telco.complaints.eventing.rest;

import java.util.UUID;

/**
 * What caused the events a request decides: its {@code Idempotency-Key} when the client gave one (so that
 * the same request again finds what it decided), else a request id of its own.
 */
public final class Causation {

    private Causation() {}

    /** {@code idempotency-key:<key>}, or {@code request:<random id>} without a key. */
    public static String of(String idempotencyKey) {
        return given(idempotencyKey) ? "idempotency-key:" + idempotencyKey : "request:" + UUID.randomUUID();
    }

    /**
     * Like {@link #of(String)}, with the key kept apart per {@code scope} (e.g. a door and its caller): the
     * same key used by another caller or at another door is another request.
     */
    public static String of(String idempotencyKey, String scope) {
        return given(idempotencyKey) ? scope + "-key:" + idempotencyKey : "request:" + UUID.randomUUID();
    }

    /** Whether the client gave a key. */
    public static boolean given(String idempotencyKey) {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }
}
