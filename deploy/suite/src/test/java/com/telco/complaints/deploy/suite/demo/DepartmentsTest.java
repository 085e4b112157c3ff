package com.telco.complaints.deploy.suite.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentsTest {

    @Test
    void mostWorkOrdersAreReturnedBeforeTheWarningPointSomeBetweenItAndTheDeadlineAndSomeAfterIt() {
        Random random = new Random(11);
        double[] shares = DoubleStream.generate(() -> Departments.share(random, "network-ops")).limit(10_000).toArray();

        double early = DoubleStream.of(shares).filter(s -> s < 0.8).count() / 10_000.0;
        double warned = DoubleStream.of(shares).filter(s -> s >= 0.8 && s < 1.0).count() / 10_000.0;
        double breached = DoubleStream.of(shares).filter(s -> s >= 1.0).count() / 10_000.0;
        assertThat(early).isBetween(0.6, 0.7);
        assertThat(warned).isBetween(0.15, 0.25);
        assertThat(breached).isBetween(0.1, 0.2);
    }

    @Test
    void supervisorDesksAreSlowerThanTheFirstLine() {
        Random first = new Random(3);
        Random supervisor = new Random(3);
        double firstLine = DoubleStream.generate(() -> Departments.share(first, "network-ops")).limit(1000).sum();
        double desk = DoubleStream.generate(() -> Departments.share(supervisor, "network-ops-supervisor")).limit(1000).sum();

        assertThat(desk).isGreaterThan(firstLine * 1.1);
    }

    @Test
    void aReturnIsPlannedAtItsShareOfTheLimitTheSlaServiceAnnounced() {
        Instant dispatched = Instant.parse("2026-11-25T10:00:00Z");
        Instant deadline = Instant.parse("2026-11-25T10:01:00Z");

        assertThat(Departments.plannedReturn(dispatched, deadline, 0.5)).isEqualTo("2026-11-25T10:00:30Z");
        assertThat(Departments.plannedReturn(dispatched, deadline, 1.25)).isEqualTo("2026-11-25T10:01:15Z");
    }
}
