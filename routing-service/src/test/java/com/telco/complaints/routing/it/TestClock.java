package com.telco.complaints.routing.it;

import com.telco.complaints.testsupport.ShiftedClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Replaces routing's clock in tests: the wall clock, unless a test moves it ahead (an escalation level due hours
 * after the deadline) — never by sleeping. A test that moves it puts it back when it ends.
 */
@ApplicationScoped
public class TestClock {

    public static final ShiftedClock NOW = new ShiftedClock();

    @Produces
    @Singleton
    Clock clock() {
        return NOW;
    }
}
