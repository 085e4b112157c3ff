package com.telco.complaints.analytics.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signed statement of what the audit archive held at one moment, published to a topic the
 * database cannot rewrite: per partition of the log, how far the archive had applied it, how many
 * cases and events it held and their {@link ArchiveDigest}. A database restored to an older, self-
 * consistent state (a case deleted whole with the digest moved to match) still disagrees with the
 * last checkpoint. See {@link #DEFINITION}.
 *
 * @param sequence   one more than the checkpoint published before it (from 1)
 * @param partitions ordered by partition
 * @param mac        lower-case hex; null before {@link #signed}
 */
public record AuditCheckpoint(int format, Instant publishedAt, long sequence, List<Partition> partitions,
                              String mac) {

    public static final int FORMAT = 1;

    /** The definition an auditor needs to check a checkpoint by hand; also in the OpenAPI document. */
    public static final String DEFINITION = """
            A checkpoint is a JSON object {format, publishedAt, sequence, partitions: [{partition, position, cases, \
            events, digest}], cases, events, mac}: position is the next offset of the partition of complaint-events \
            the archive had not applied, cases and events what the archive held of that partition, digest its \
            ArchiveDigest (the sum modulo 2^256 of HMAC-SHA256(key, "case" LF complaintId LF length LF head) over \
            its cases, hex); cases and events at the top are the totals. mac = HMAC-SHA256(key, UTF-8 of \
            "audit-checkpoint" LF followed by the canonical JSON of the object without mac), hex, with the archive's \
            chain key.""";

    private static final String DOMAIN = "audit-checkpoint\n";
    private static final HexFormat HEX = HexFormat.of();

    /**
     * What the archive held of one partition.
     *
     * @param position the log offset the archive has applied up to, exclusive
     * @param digest   the partition's {@link ArchiveDigest}, lower-case hex
     */
    public record Partition(int partition, long position, long cases, long events, String digest) {}

    public AuditCheckpoint {
        partitions = partitions.stream().sorted(Comparator.comparingInt(Partition::partition)).toList();
    }

    /** An unsigned checkpoint of {@code partitions}. */
    public static AuditCheckpoint of(Instant publishedAt, long sequence, List<Partition> partitions) {
        return new AuditCheckpoint(FORMAT, publishedAt, sequence, partitions, null);
    }

    public long cases() {
        return partitions.stream().mapToLong(Partition::cases).sum();
    }

    public long events() {
        return partitions.stream().mapToLong(Partition::events).sum();
    }

    /** This checkpoint with its mac. */
    public AuditCheckpoint signed(byte[] key) {
        return new AuditCheckpoint(format, publishedAt, sequence, partitions, HEX.formatHex(mac(key)));
    }

    /** Whether the mac is the one the key gives (compared in constant time). */
    public boolean macValid(byte[] key) {
        if (mac == null || mac.length() != 64 || !mac.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return false;
        }
        return MessageDigest.isEqual(mac(key), HEX.parseHex(mac.toLowerCase()));
    }

    /** Whether it states the same archive as {@code other} (when, which one and the mac aside). */
    public boolean sameArchiveAs(AuditCheckpoint other) {
        return other != null && partitions.equals(other.partitions);
    }

    /** The text the mac is computed over: the domain, then the canonical JSON of everything but the mac. */
    public String signedText() {
        return DOMAIN + CanonicalJson.write(json(false));
    }

    /** The checkpoint as published (canonical JSON with its mac). */
    public byte[] toJson() {
        return CanonicalJson.write(json(true)).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IOException when the bytes are not a checkpoint of a known format */
    public static AuditCheckpoint parse(byte[] json) throws IOException {
        JsonNode node = CanonicalJson.parse(json);
        try {
            int format = node.required("format").intValue();
            if (format != FORMAT) {
                throw new IOException("unknown checkpoint format " + format);
            }
            List<Partition> partitions = new ArrayList<>();
            for (JsonNode p : node.required("partitions")) {
                partitions.add(new Partition(p.required("partition").intValue(), p.required("position").longValue(),
                        p.required("cases").longValue(), p.required("events").longValue(),
                        p.required("digest").textValue()));
            }
            JsonNode mac = node.get("mac");
            return new AuditCheckpoint(format, Instant.parse(node.required("publishedAt").textValue()),
                    node.required("sequence").longValue(), partitions, mac == null ? null : mac.textValue());
        } catch (IllegalArgumentException | NullPointerException | java.time.format.DateTimeParseException e) {
            throw new IOException("not a checkpoint: " + e.getMessage(), e);
        }
    }

    private ObjectNode json(boolean withMac) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", format);
        root.put("publishedAt", publishedAt.toString());
        root.put("sequence", sequence);
        var list = root.putArray("partitions");
        for (Partition p : partitions) {
            list.addObject().put("partition", p.partition()).put("position", p.position()).put("cases", p.cases())
                    .put("events", p.events()).put("digest", p.digest());
        }
        root.put("cases", cases());
        root.put("events", events());
        if (withMac && mac != null) {
            root.put("mac", mac);
        }
        return root;
    }

    private byte[] mac(byte[] key) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(signedText().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
