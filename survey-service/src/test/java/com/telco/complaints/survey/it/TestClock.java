package com.telco.complaints.survey.it;

import com.telco.complaints.testsupport.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Replaces the service's system clock in the tests, so that they set the time of an answer instead of reading it. */
@ApplicationScoped
public class TestClock {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
