package com.telco.complaints.contracts.wire;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class RelayedIdsTest {

    @Test
    void runsOfConsecutiveIdsAreWrittenAsRangesAndReadBack() {
        long[] ids = {7, 8, 9, 10, 12, 20, 21};

        String text = RelayedIds.format(ids, ids.length);

        assertThat(text).isEqualTo("7-10,12,20-21");
        assertThat(RelayedIds.parse(text)).containsExactly(7L, 8L, 9L, 10L, 12L, 20L, 21L);
    }

    @Test
    void nothingRelayedYetReadsAsNoIds() {
        assertThat(RelayedIds.parse(null)).isEmpty();
        assertThat(RelayedIds.parse("")).isEmpty();
    }

    @Test
    void aContiguousBatchFitsWhole() {
        long[] ids = LongStream.rangeClosed(1_000_000, 1_000_499).toArray();

        assertThat(RelayedIds.fitting(ids)).isEqualTo(500);
        assertThat(RelayedIds.format(ids, 500)).isEqualTo("1000000-1000499");
    }

    @Test
    void aScatteredBatchIsCutBeforeItsRangesOutgrowTheOffsetMetadata() {
        // Every other id: 500 separate 10-digit ids would take 5,499 characters.
        long[] ids = LongStream.range(0, 500).map(i -> 9_000_000_000L + 2 * i).toArray();

        int fitting = RelayedIds.fitting(ids);

        assertThat(fitting).isPositive().isLessThan(500);
        assertThat(RelayedIds.format(ids, fitting).length()).isLessThanOrEqualTo(RelayedIds.MAX_LENGTH);
        assertThat(RelayedIds.format(ids, fitting + 1).length()).as("one id more would not fit")
                .isGreaterThan(RelayedIds.MAX_LENGTH);
        assertThat(RelayedIds.parse(RelayedIds.format(ids, fitting))).hasSize(fitting);
    }

    @Test
    void aPrefixOfTheIdsIsWrittenWhenTheBatchIsCut() {
        assertThat(RelayedIds.format(new long[] {1, 2, 3, 9}, 2)).isEqualTo("1-2");
    }
}
