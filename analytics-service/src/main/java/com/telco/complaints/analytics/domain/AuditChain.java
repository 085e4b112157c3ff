package com.telco.complaints.analytics.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-case hash chain of the audit archive. Each archived event of a case is linked to the
 * one before it, so altering, removing or reordering any stored event breaks the chain from there
 * on: {@code hash = HMAC-SHA256(key, previousHash ‖ canonicalBytes)}, with a key that is not in the
 * database, so that whoever can write to the database cannot write a chain that holds. Cases
 * archived before the chain was keyed keep {@code SHA-256(previousHash ‖ canonicalBytes)} until a
 * rebuild. See {@link #DEFINITION}.
 */
public final class AuditChain {

    /** The definition an auditor needs to recompute a chain by hand; also published in the OpenAPI document. */
    public static final String DEFINITION = """
            Per-case hash chain: hash = HMAC-SHA256(key, previousHash ‖ canonical bytes of the event), where \
            key is the archive's secret (analytics.audit.chain-key, UTF-8; kept out of the database, so an \
            auditor verifies through this service or with the key from its keeper), ‖ is concatenation of \
            bytes and previousHash is the 32-byte hash of the case's previous archived event \
            (32 zero bytes for its first event). Canonical bytes of an event = UTF-8 of: its CloudEvents \
            ce_type (e.g. complaint.dispatched.v1), one line feed (0x0A), then the event data (the Kafka \
            record value) in canonical JSON: no insignificant whitespace; object keys sorted by UTF-16 code \
            units, recursively; strings with only ", \\ and control characters escaped (\\b \\t \\n \\f \\r, \
            others as \\u00xx in lower-case hex), every other character literal; numbers as their exact \
            decimal value in plain notation without exponent or trailing fraction zeros (1.0 -> 1, 0.80 -> 0.8); \
            true, false, null as is (RFC 8785 except numbers, which keep their exact decimal). Partition, offset \
            and the other headers are archived but not hashed; the chain follows log order. Hashes are shown \
            in lower-case hex. A case archived before the chain was keyed (keyed: false) uses SHA-256(previousHash ‖ \
            canonical bytes) instead, until the next rebuild keys it.""";

    public static final int HASH_LENGTH = 32;

    /** The previous hash of a case's first event. */
    public static final byte[] GENESIS = new byte[HASH_LENGTH];

    private static final HexFormat HEX = HexFormat.of();

    /** The fewest characters a chain key may have. */
    public static final int MIN_KEY_LENGTH = 32;

    private AuditChain() {}

    /** The key's bytes (UTF-8) for the keyed chain; a key shorter than {@link #MIN_KEY_LENGTH} is refused. */
    public static byte[] key(String configured) {
        if (configured == null || configured.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("analytics.audit.chain-key must have at least " + MIN_KEY_LENGTH
                    + " characters (a secret kept out of the database, e.g. ANALYTICS_AUDIT_CHAIN_KEY)");
        }
        return configured.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical bytes of an event of type {@code ceType} whose data is {@code data}. */
    public static byte[] canonicalBytes(String ceType, JsonNode data) {
        StringBuilder text = new StringBuilder(512);
        text.append(ceType).append('\n');
        CanonicalJson.append(data, text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Computes hashes; reuses one digest or MAC, so one per thread. */
    public static final class Hasher {
        private final MessageDigest sha256;
        private final Mac hmac;

        /** The keyed chain: HMAC-SHA256 with {@code key}. */
        public static Hasher keyed(byte[] key) {
            return new Hasher(key);
        }

        /** The chain of cases archived before the chain was keyed: plain SHA-256. */
        public static Hasher unkeyed() {
            return new Hasher(null);
        }

        private Hasher(byte[] key) {
            try {
                if (key == null) {
                    sha256 = MessageDigest.getInstance("SHA-256");
                    hmac = null;
                } else {
                    sha256 = null;
                    hmac = Mac.getInstance("HmacSHA256");
                    hmac.init(new SecretKeySpec(key, "HmacSHA256"));
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 and HmacSHA256 are required of every JVM", e);
            }
        }

        public byte[] hash(byte[] previousHash, byte[] canonicalBytes) {
            if (hmac != null) {
                hmac.reset();
                hmac.update(previousHash);
                hmac.update(canonicalBytes);
                return hmac.doFinal();
            }
            sha256.reset();
            sha256.update(previousHash);
            sha256.update(canonicalBytes);
            return sha256.digest();
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    /** One archived event as stored: its type, its data as stored (text), and the two hashes stored with it. */
    public record Link(String ceType, String data, byte[] previousHash, byte[] hash) {}

    /**
     * The result of recomputing a chain.
     *
     * @param firstBad index (in log order) of the first event where the chain does not hold; -1 when valid
     */
    public record Verification(boolean valid, int firstBad, String reason) {
        static Verification ok() {
            return new Verification(true, -1, null);
        }

        static Verification broken(int index, String reason) {
            return new Verification(false, index, reason);
        }
    }

    /**
     * Recomputes the chain of one case from its stored links, in log order: each link must name the
     * recomputed hash of the link before it, and its own stored hash must equal the hash recomputed
     * from its stored type and data. When {@code recordedHead} (the last hash recorded when the case
     * was last archived) is given, the recomputed last hash must equal it too, which catches a last
     * event rewritten together with its hash.
     */
    public static Verification verify(List<Link> links, byte[] recordedHead, Hasher hasher) {
        byte[] expectedPrevious = GENESIS;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (!Arrays.equals(link.previousHash(), expectedPrevious)) {
                return Verification.broken(i, "previousHash is not the hash of the event before it in the log");
            }
            JsonNode data;
            try {
                data = CanonicalJson.parse(link.data());
            } catch (IOException | RuntimeException e) {
                return Verification.broken(i, "stored data is not valid JSON: " + e.getMessage());
            }
            byte[] recomputed;
            try {
                recomputed = hasher.hash(expectedPrevious, canonicalBytes(link.ceType(), data));
            } catch (RuntimeException e) {
                return Verification.broken(i, "stored data has no canonical form: " + e.getMessage());
            }
            if (!Arrays.equals(recomputed, link.hash())) {
                return Verification.broken(i, "stored type or data does not hash to the stored hash (altered)");
            }
            expectedPrevious = recomputed;
        }
        if (recordedHead != null && !links.isEmpty() && !Arrays.equals(recordedHead, expectedPrevious)) {
            return Verification.broken(links.size() - 1,
                    "the chain does not end at the head recorded when the case was archived");
        }
        if (recordedHead != null && links.isEmpty()) {
            return Verification.broken(-1, "events recorded for the case are missing from the archive");
        }
        return Verification.ok();
    }
}
