package com.telco.complaints.analytics.domain;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical text of a JSON value: the same value always gives the same characters, however
 * the producer formatted it, so a hash over it proves the value and nothing else.
 *
 * <ul>
 *   <li>no insignificant whitespace;</li>
 *   <li>object members sorted by key, compared as UTF-16 code units ({@link String#compareTo}),
 *       recursively; array order kept; duplicate keys are not JSON we accept;</li>
 *   <li>strings: {@code "} and {@code \} escaped with a backslash, U+0008/09/0A/0C/0D as
 *       {@code \b \t \n \f \r}, other controls below U+0020 as {@code \}{@code u00xx} (lower-case
 *       hex), every other character as itself (UTF-8 once turned into bytes);</li>
 *   <li>numbers: the exact decimal value in plain notation, no exponent, no trailing fraction
 *       zeros, no {@code +}, {@code -0} as {@code 0} (so {@code 1.0}, {@code 1} and {@code 1e0}
 *       are all {@code 1}, {@code 0.80} is {@code 0.8});</li>
 *   <li>{@code true}, {@code false}, {@code null} as themselves.</li>
 * </ul>
 * This is RFC 8785 (JCS) except for numbers, which JCS writes as IEEE doubles; ours keep the
 * exact decimal, so no value is rounded before it is hashed.
 */
public final class CanonicalJson {

    /** Numbers beyond this many digits (in value or in scale) are refused, not expanded. */
    private static final int MAX_DIGITS = 1000;

    private static final ObjectMapper READER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CanonicalJson() {}

    /**
     * Parses JSON keeping every number exact.
     *
     * @throws IOException when the bytes are not one well-formed JSON value
     */
    public static JsonNode parse(byte[] json) throws IOException {
        JsonNode node = READER.readTree(json);
        if (node == null || node.isMissingNode()) {
            throw new IOException("no JSON value");
        }
        return node;
    }

    public static JsonNode parse(String json) throws IOException {
        JsonNode node = READER.readTree(json);
        if (node == null || node.isMissingNode()) {
            throw new IOException("no JSON value");
        }
        return node;
    }

    /** The canonical text of {@code node}. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        append(node, out);
        return out.toString();
    }

    /** Appends the canonical text of {@code node} to {@code out}. */
    public static void append(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>(node.size());
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                keys.add(names.next());
            }
            keys.sort(null);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(keys.get(i), out);
                out.append(':');
                append(node.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            appendString(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** The plain, exact, shortest decimal form of a number. */
    static String number(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_DIGITS || Math.abs((long) stripped.scale()) > MAX_DIGITS) {
            throw new IllegalArgumentException("number too large for the canonical form: " + value);
        }
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
    }

    /** Appends {@code s} as a JSON string literal, escaped as described above. */
    public static void appendString(String s, StringBuilder out) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue; // the common case: copied below as a run, not char by char
            }
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        out.append(s, from, s.length()).append('"');
    }
}
