package com.telco.complaints.survey.messaging;

import com.telco.complaints.survey.store.Outbox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class RelayedBatchTest {

    @Test
    void runsOfConsecutiveIdsAreWrittenAsRangesAndReadBack() {
        List<Outbox.Row> rows = rows(7, 8, 9, 10, 12, 20, 21);

        String text = RelayedBatch.format(rows);

        assertThat(text).isEqualTo("7-10,12,20-21");
        assertThat(RelayedBatch.parse(text)).containsExactly(7L, 8L, 9L, 10L, 12L, 20L, 21L);
    }

    @Test
    void nothingRelayedYetReadsAsNoIds() {
        assertThat(RelayedBatch.parse(null)).isEmpty();
        assertThat(RelayedBatch.parse("")).isEmpty();
    }

    @Test
    void aContiguousBatchFitsWhole() {
        List<Outbox.Row> rows = rows(LongStream.rangeClosed(1_000_000, 1_000_499).toArray());

        assertThat(RelayedBatch.fitting(rows)).hasSize(500);
        assertThat(RelayedBatch.format(rows)).isEqualTo("1000000-1000499");
    }

    @Test
    void aScatteredBatchIsCutBeforeItsRangesOutgrowTheOffsetMetadata() {
        // Every other id: 500 separate ranges of 10-digit ids would take ~5,500 characters.
        List<Outbox.Row> rows = rows(LongStream.range(0, 500).map(i -> 9_000_000_000L + 2 * i).toArray());

        List<Outbox.Row> fitting = RelayedBatch.fitting(rows);

        assertThat(fitting).isNotEmpty().hasSizeLessThan(500);
        assertThat(RelayedBatch.format(fitting).length()).isLessThanOrEqualTo(RelayedBatch.MAX_LENGTH);
        assertThat(RelayedBatch.format(rows.subList(0, fitting.size() + 1)).length())
                .as("one row more would not have fitted by much").isGreaterThan(RelayedBatch.MAX_LENGTH);
        assertThat(RelayedBatch.parse(RelayedBatch.format(fitting))).hasSize(fitting.size());
    }

    private static List<Outbox.Row> rows(long... ids) {
        return LongStream.of(ids).mapToObj(id -> new Outbox.Row(id, "C" + id, Map.of(), new byte[0])).toList();
    }
}
