package com.telco.complaints.sla.it;

import com.telco.complaints.testsupport.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Replaces the service's clock in tests: time moves when a test moves it, never by sleeping. */
@ApplicationScoped
public class TestClock {

    /** Starts on a Wednesday morning in Shanghai (01:00Z is 09:00 local). Only ever moved forward. */
    public static final MutableClock NOW = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));

    @Produces
    @Singleton
    Clock clock() {
        return NOW;
    }
}
