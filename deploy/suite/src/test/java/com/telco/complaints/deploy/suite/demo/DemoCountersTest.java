package com.telco.complaints.deploy.suite.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCountersTest {

    @Test
    void aCallTheDemosEndInterruptedIsNotCountedAsFailed() {
        DemoCounters counters = new DemoCounters();

        counters.callFailed();
        Thread.currentThread().interrupt();
        try {
            counters.callFailed();
        } finally {
            Thread.interrupted(); // clears the flag for the next test
        }

        assertThat(counters.failed).hasValue(1);
    }
}
