package com.telco.complaints.analytics.it;

import com.telco.complaints.testsupport.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Replaces the service's system clock in every integration test: tests move "now" by hand. */
@ApplicationScoped
public class TestClock {

    static final MutableClock CLOCK = new MutableClock(Instant.now());

    @Produces
    @Singleton
    MutableClock clock() {
        return CLOCK;
    }
}
