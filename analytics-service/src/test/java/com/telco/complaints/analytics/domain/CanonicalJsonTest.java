package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    private static String canonical(String json) throws IOException {
        return CanonicalJson.write(CanonicalJson.parse(json));
    }

    @Test
    void keysAreSortedRecursivelyAndWhitespaceDropped() throws IOException {
        assertThat(canonical("""
                { "b": 1,
                  "a": { "z": [ {"y": true, "x": null} ], "c": "d" } }"""))
                .isEqualTo("{\"a\":{\"c\":\"d\",\"z\":[{\"x\":null,\"y\":true}]},\"b\":1}");
    }

    @Test
    void theSameValueFormattedDifferentlyHasTheSameCanonicalText() throws IOException {
        assertThat(canonical("{\"warningRatio\":0.80,\"attempt\":1.0,\"n\":1e2}"))
                .isEqualTo(canonical("{ \"n\" : 100, \"attempt\" : 1, \"warningRatio\" : 0.8 }"))
                .isEqualTo("{\"attempt\":1,\"n\":100,\"warningRatio\":0.8}");
    }

    @Test
    void numbersKeepTheirExactDecimalValue() throws IOException {
        assertThat(canonical("[0.1, -0, -0.0, 1.5e-3, 123456789012345678901234567890, 2.50]"))
                .isEqualTo("[0.1,0,0,0.0015,123456789012345678901234567890,2.5]");
    }

    @Test
    void arrayOrderIsKept() throws IOException {
        assertThat(canonical("[3,1,2]")).isEqualTo("[3,1,2]");
    }

    @Test
    void keysSortByUtf16CodeUnits() throws IOException {
        // "B" (U+0042) < "a" (U+0061) < "é" (U+00E9) < "家" (U+5BB6)
        assertThat(canonical("{\"家\":1,\"é\":2,\"a\":3,\"B\":4}")).isEqualTo("{\"B\":4,\"a\":3,\"é\":2,\"家\":1}");
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControls() throws IOException {
        assertThat(canonical("\"say \\\"hi\\\"\\\\ \\/ \\u0001\\n\\t 家里 \\u5bb6\""))
                .isEqualTo("\"say \\\"hi\\\"\\\\ / \\u0001\\n\\t 家里 家\"");
    }

    @Test
    void nonAsciiBecomesUtf8Bytes() throws IOException {
        byte[] bytes = AuditChain.canonicalBytes("complaint.registered.v1", CanonicalJson.parse("{\"d\":\"信号\"}"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("complaint.registered.v1\n{\"d\":\"信号\"}");
        assertThat(bytes).hasSize("complaint.registered.v1\n{\"d\":\"\"}".length() + 6);
    }

    @Test
    void duplicateKeysAreNotAccepted() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(IOException.class);
    }

    @Test
    void hugeExponentsAreRefusedRatherThanExpanded() {
        assertThatThrownBy(() -> canonical("[1e999999]")).isInstanceOf(IllegalArgumentException.class);
    }
}
