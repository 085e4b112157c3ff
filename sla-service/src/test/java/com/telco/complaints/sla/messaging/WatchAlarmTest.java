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
        alarm.looking();
        CompletableFuture<Void> woke = CompletableFuture.runAsync(() -> {
            try {
                alarm.awaitUntil(IN_TEN_MINUTES, NOW);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // Asleep once it has planned its look.
        await().atMost(Duration.ofSeconds(10)).until(() -> IN_TEN_MINUTES.equals(alarm.plannedLook()));
        return woke;
    }

    @Test
    void aClockDueBeforeThePlannedLookWakesTheWatch() {
        WatchAlarm alarm = new WatchAlarm();
        CompletableFuture<Void> woke = sleeping(alarm);
        alarm.ring(NOW.plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(10)).until(woke::isDone);
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
    void aClockAnnouncedWhileTheWatchLooksEndsItsNextWait() {
        WatchAlarm alarm = new WatchAlarm();
        alarm.looking();
        alarm.ring(IN_TEN_MINUTES.plusSeconds(60)); // announced after the watch's query, before it sleeps
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            alarm.awaitUntil(IN_TEN_MINUTES, NOW);
            return true;
        });
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
