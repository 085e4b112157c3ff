package com.telco.complaints.eventing.rebuild;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapGuardTest {

    @Test
    void theOldGenerationAboveTheShareAfterACollectionCountsAsExhausted() {
        HeapGuard none = new HeapGuard(1.0);
        Object[] live = new Object[1 << 16]; // something that survives into the old generation
        for (int i = 0; i < live.length; i++) {
            live[i] = new byte[64];
        }
        System.gc();
        assertThat(none.exhausted()).as("nothing is above 100% of the heap").isFalse();

        HeapGuard any = new HeapGuard(0.0001);
        System.gc();
        assertThat(any.exhausted()).as("%d objects kept are above 0.01%% of the heap", live.length).isTrue();
    }
}
