package com.telco.complaints.contracts.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    @Test
    void readsEveryInstantAsTheStandardParserDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2000-02-29T00:00:00.1Z", "1970-01-01T00:00:00Z",
            "2026-11-25T09:30:00.123456789Z", "2026-11-25T09:30:00+08:00", "2026-12-31T23:59:59.5Z"})
    void readsLeapDaysFractionsAndOffsets(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z",
            "2026-11-25T25:00:00Z", "2026-11-25T09:60:00Z", "2026-11-25T09:30:00.1234567890Z", "2026-11-25 09:30:00Z",
            "2026-1a-25T09:30:00Z", "yesterday"})
    void refusesWhatIsNotAnInstant(String text) {
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
