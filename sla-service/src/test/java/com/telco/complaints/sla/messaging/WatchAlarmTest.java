package com.telco.complaints.sla.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/** The watch sleeps until its planned look; only a clock due sooner than that wakes it. */
class WatchAlarmTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant IN_TEN_MINUTES = NOW.plus(Duration.ofMinutes(10));

    private static CompletableFuture<Void> sleeping(WatchAlarm alarm) {
        CompletableFuture<Void> woke = CompletableFuture.runAsync(() -> {
            try {
                alarm.awaitUntil(IN_TEN_MINUTES, NOW);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return woke;
    }

    @Test
    void aClockDueBeforeThePlannedLookWakesTheWatch() {
        WatchAlarm alarm = new WatchAlarm();
        CompletableFuture<Void> woke = sleeping(alarm);
        // Rung until the sleeper has planned its look (a ring before that is forgotten by design).
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            alarm.ring(NOW.plus(Duration.ofMinutes(1)));
            return woke.isDone();
        });
    }

    @Test
    void aClockDueAfterThePlannedLookLetsItSleep() {
        WatchAlarm alarm = new WatchAlarm();
        CompletableFuture<Void> woke = sleeping(alarm);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> {
            alarm.ring(IN_TEN_MINUTES.plusSeconds(1));
            return !woke.isDone();
        });
        alarm.ring(NOW); // a clock due now still wakes it
        await().atMost(Duration.ofSeconds(10)).until(woke::isDone);
    }

    @Test
    void aLookAlreadyDueDoesNotWait() {
        WatchAlarm alarm = new WatchAlarm();
        await().atMost(Duration.ofSeconds(2)).until(() -> {
            alarm.awaitUntil(NOW.minusSeconds(1), NOW);
            return true;
        });
    }
}
