package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCheckpointTest {

    private static final byte[] KEY = "test-only-audit-chain-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.parse("2026-07-01T08:05:00Z");
    private static final String DIGEST_1 = "01".repeat(32);
    private static final String DIGEST_0 = "ab".repeat(32);

    private static AuditCheckpoint checkpoint() {
        // Given out of order: a checkpoint lists its partitions by number.
        return AuditCheckpoint.of(AT, 7, List.of(new AuditCheckpoint.Partition(1, 40, 3, 9, DIGEST_1),
                new AuditCheckpoint.Partition(0, 12, 2, 5, DIGEST_0)));
    }

    @Test
    void theSignedTextIsTheDomainThenTheCanonicalJsonWithoutTheMac() {
        assertThat(checkpoint().signed(KEY).signedText()).isEqualTo("audit-checkpoint\n"
                + "{\"cases\":5,\"events\":14,\"format\":1,\"partitions\":["
                + "{\"cases\":2,\"digest\":\"" + DIGEST_0 + "\",\"events\":5,\"partition\":0,\"position\":12},"
                + "{\"cases\":3,\"digest\":\"" + DIGEST_1 + "\",\"events\":9,\"partition\":1,\"position\":40}],"
                + "\"publishedAt\":\"2026-07-01T08:05:00Z\",\"sequence\":7}");
    }

    @Test
    void theMacIsHmacSha256OfTheSignedTextWithTheChainKey() throws Exception {
        AuditCheckpoint signed = checkpoint().signed(KEY);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(hmac.doFinal(signed.signedText().getBytes(StandardCharsets.UTF_8)));
        assertThat(signed.mac()).isEqualTo(expected);
        assertThat(signed.macValid(KEY)).isTrue();
    }

    @Test
    void aCheckpointSurvivesTheTopicAndItsMacStillHolds() throws IOException {
        AuditCheckpoint signed = checkpoint().signed(KEY);
        AuditCheckpoint read = AuditCheckpoint.parse(signed.toJson());
        assertThat(read).isEqualTo(signed);
        assertThat(read.macValid(KEY)).isTrue();
        assertThat(new String(signed.toJson(), StandardCharsets.UTF_8)).contains("\"mac\":\"" + signed.mac() + "\"")
                .doesNotContain(" ");
    }

    @Test
    void changingAnyStatedValueBreaksTheMac() throws IOException {
        String json = new String(checkpoint().signed(KEY).toJson(), StandardCharsets.UTF_8);
        for (String[] change : new String[][] {{"\"events\":9", "\"events\":8"}, {"\"cases\":3", "\"cases\":2"},
                {"\"position\":40", "\"position\":41"}, {DIGEST_1, "02".repeat(32)}, {"\"sequence\":7", "\"sequence\":8"},
                {"08:05:00Z", "08:06:00Z"}}) {
            AuditCheckpoint forged = AuditCheckpoint.parse(json.replace(change[0], change[1])
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(forged.macValid(KEY)).as("changed %s", change[0]).isFalse();
        }
    }

    @Test
    void anotherKeyOrNoMacDoesNotVerify() {
        AuditCheckpoint signed = checkpoint().signed(KEY);
        assertThat(signed.macValid("another-key-of-at-least-32-characters!!".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(checkpoint().macValid(KEY)).isFalse();
        assertThat(new AuditCheckpoint(1, AT, 7, signed.partitions(), "not hex").macValid(KEY)).isFalse();
    }

    @Test
    void theSameArchiveIsTheSamePartitionsWhateverTheSequenceAndTime() {
        AuditCheckpoint a = checkpoint().signed(KEY);
        AuditCheckpoint later = AuditCheckpoint.of(AT.plusSeconds(300), 8, a.partitions()).signed(KEY);
        assertThat(later.sameArchiveAs(a)).isTrue();
        AuditCheckpoint moved = AuditCheckpoint.of(AT, 8, List.of(a.partitions().get(0),
                new AuditCheckpoint.Partition(1, 41, 3, 10, DIGEST_1)));
        assertThat(moved.sameArchiveAs(a)).isFalse();
    }

    @Test
    void aRecordOfAnotherFormatIsNoCheckpoint() {
        assertThatThrownBy(() -> AuditCheckpoint.parse("{\"format\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> AuditCheckpoint.parse("{\"format\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> AuditCheckpoint.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
