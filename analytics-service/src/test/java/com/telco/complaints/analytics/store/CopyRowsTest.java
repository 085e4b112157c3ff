package com.telco.complaints.analytics.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTest {

    private static String text(CopyRows rows) {
        return new String(rows.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void columnsAreTabSeparatedAndRowsEndWithALineFeed() {
        CopyRows rows = new CopyRows(0).text("a").number(42).instant(Instant.parse("2026-05-06T01:00:00Z")).endRow()
                .text("b").number(-1).text(null).endRow();
        assertThat(text(rows)).isEqualTo("a\t42\t2026-05-06T01:00:00Z\nb\t-1\t\\N\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void backslashTabLineFeedAndCarriageReturnAreEscapedInTextAndInRawUtf8() {
        String value = "{\"d\":\"a\\\\b\"}\tx\ny\rz";
        String expected = "{\"d\":\"a\\\\\\\\b\"}\\tx\\ny\\rz";
        assertThat(text(new CopyRows(0).text(value).endRow())).isEqualTo(expected + "\n");
        assertThat(text(new CopyRows(0).utf8(value.getBytes(StandardCharsets.UTF_8)).endRow())).isEqualTo(expected + "\n");
    }

    @Test
    void textIsWrittenAsUtf8IncludingCharactersOutsideTheBasicPlane() {
        String value = "家里没有信号 é 😀";
        assertThat(new CopyRows(0).text(value).endRow().toBytes())
                .isEqualTo((value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rawUtf8IsCopiedAsItIs() {
        byte[] value = "{\"description\":\"家里没有信号\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(new CopyRows(0).utf8(value).toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"description\":\"家里没有信号\"}");
    }

    @Test
    void byteaIsHexWithAnEscapedBackslash() {
        assertThat(text(new CopyRows(0).bytes(new byte[] {0, (byte) 0xab, 0x7f}).endRow())).isEqualTo("\\\\x00ab7f\n");
    }

    @Test
    void theBufferGrowsAsNeeded() {
        CopyRows rows = new CopyRows(0);
        String big = "x".repeat(10_000);
        for (int i = 0; i < 10; i++) {
            rows.text(big).endRow();
        }
        assertThat(rows.toBytes()).hasSize(10 * 10_001);
    }
}
