package com.telco.complaints.contracts.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based UUID (version 5, SHA-1) of the parts that identify a fact,
 * so that deciding the same fact twice (after a crash, in a replay, on another instance) yields
 * the same id and consumers see one fact.
 */
public final class EventIds {

    /** The suite's namespace for name-based ids. */
    public static final UUID NAMESPACE = UUID.fromString("8a4f5c2e-6d1b-4f7a-9c3e-2b7d1e9f0a64");

    private EventIds() {}

    /** The id of the fact of {@code type} identified by {@code parts} (e.g. complaint id, dispatch id, clock). */
    public static UUID of(EventType type, Object... parts) {
        MessageDigest sha1 = sha1();
        sha1.update(toBytes(NAMESPACE));
        update(sha1, type.wireName());
        for (Object part : parts) {
            update(sha1, String.valueOf(part));
        }
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** Length-prefixed, so that ("ab","c") and ("a","bc") never collide. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
