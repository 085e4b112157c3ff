package com.telco.complaints.analytics.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A digest of every case of a partition of the archive, so that a case deleted whole (its events and
 * its head) is noticed, which no per-case chain can show. Each case contributes
 * {@code HMAC-SHA256(key, "case" LF complaintId LF length LF head)}, and the digest is the sum of
 * the contributions modulo 2^256: order-free, and moved along with each appended event (the case's
 * old contribution out, its new one in) without reading the other cases. The contributions are
 * never stored and need the chain key, so a database writer can neither take a case's out nor put a
 * forged one in.
 */
public final class ArchiveDigest {

    /** The digest of no case. */
    public static final byte[] EMPTY = new byte[32];

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final Mac hmac;

    public ArchiveDigest(byte[] key) {
        try {
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** What a case with this chain head contributes. */
    public byte[] contribution(String complaintId, int length, byte[] head) {
        hmac.reset();
        hmac.update(("case\n" + complaintId + "\n" + length + "\n").getBytes(StandardCharsets.UTF_8));
        hmac.update(head);
        return hmac.doFinal();
    }

    /** {@code digest} with {@code contribution} added. */
    public static byte[] plus(byte[] digest, byte[] contribution) {
        return bytes(number(digest).add(number(contribution)).mod(MODULUS));
    }

    /** {@code digest} with {@code contribution} taken out. */
    public static byte[] minus(byte[] digest, byte[] contribution) {
        return bytes(number(digest).subtract(number(contribution)).mod(MODULUS));
    }

    public static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    private static BigInteger number(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    private static byte[] bytes(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
