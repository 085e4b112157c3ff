package com.telco.complaints.sla.messaging;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayLaneTest {

    @Test
    void theSetOfWrittenCasesHoldsWhatWasAddedThroughItsGrowthAndNothingElse() {
        ReplayLane.LongSet set = new ReplayLane.LongSet();
        Set<Long> added = new HashSet<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            long v = random.nextLong();
            set.add(v);
            added.add(v);
        }
        set.add(0);
        added.add(0L);
        for (long v : added) {
            assertThat(set.contains(v)).as("added %d", v).isTrue();
        }
        SplittableRandom other = new SplittableRandom(8);
        for (int i = 0; i < 50_000; i++) {
            long v = other.nextLong();
            assertThat(set.contains(v)).isEqualTo(added.contains(v));
        }
        set.clear();
        assertThat(set.contains(added.iterator().next())).isFalse();
    }

    @Test
    void complaintIdsThatDifferInOneCharacterHashApart() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            hashes.add(ReplayLane.hash("T" + String.format("%08d", i) + "-c71156b4"));
        }
        assertThat(hashes).hasSize(100_000);
        assertThat(ReplayLane.hash("C-1")).isEqualTo(ReplayLane.hash("C-1"));
    }
}
