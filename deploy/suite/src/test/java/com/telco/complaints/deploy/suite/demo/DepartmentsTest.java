package com.telco.complaints.deploy.suite.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentsTest {

    @Test
    void mostWorkOrdersAreReturnedBeforeTheWarningPointSomeBetweenItAndTheDeadlineSomeAfterItAFewLongAfter() {
        Random random = new Random(11);
        double[] shares = DoubleStream.generate(() -> Departments.share(random, "network-ops")).limit(10_000).toArray();

        double early = DoubleStream.of(shares).filter(s -> s < 0.8).count() / 10_000.0;
        double warned = DoubleStream.of(shares).filter(s -> s >= 0.8 && s < 1.0).count() / 10_000.0;
        double breached = DoubleStream.of(shares).filter(s -> s >= 1.0).count() / 10_000.0;
        double longPast = DoubleStream.of(shares).filter(s -> s >= 1.5).count() / 10_000.0;
        assertThat(early).isBetween(0.6, 0.7);
        assertThat(warned).isBetween(0.15, 0.25);
        assertThat(breached).isBetween(0.1, 0.2);
        assertThat(longPast).isBetween(0.02, 0.06);
    }

    @Test
    void aboutOneOrderInFifteenIsPassedOnAndOnlyOnceToAConfiguredDepartmentThatShouldAct() {
        Random random = new Random(5);
        Set<String> known = Set.of("network-ops", "billing", "service-desk", "branch-tz-hl", "key-customer-desk");

        long passed = IntStream.range(0, 10_000)
                .filter(i -> Departments.misroute("network-ops", "NETWORK", 0, known, random).isPresent()).count();
        Departments.Misroute toBilling = Departments.MISROUTES.stream()
                .filter(m -> m.from().equals("network-ops")).findFirst().orElseThrow();

        assertThat(passed / 10_000.0).isBetween(0.05, 0.09);
        assertThat(toBilling.to()).isEqualTo("billing");
        assertThat(toBilling.reason()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> Departments.misroute("network-ops", "NETWORK", 1, known,
                random))).allMatch(Optional::isEmpty);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> Departments.misroute("network-ops-tz-hl", "NETWORK", 0,
                known, random))).as("network-ops-tz-hl passes on to network-ops, which is known")
                .anyMatch(Optional::isPresent);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> Departments.misroute("escalation-desk", "NETWORK", 0,
                known, random))).as("no misroute fits").allMatch(Optional::isEmpty);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> Departments.misroute("billing", "BUSINESS", 0,
                Set.of("billing"), random))).as("network-ops not configured").allMatch(Optional::isEmpty);
        assertThat(Departments.MISROUTES).allSatisfy(m -> assertThat(m.to()).isNotEqualTo(m.from()));
    }

    @Test
    void returnsMostlyFindADepartmentNobodyAThirdPartyOrTheCustomerAtFaultAFewTheCentreAndNameWhoIsAccountable() {
        Random random = new Random(17);
        Map<Departments.Fault, Long> faults = IntStream.range(0, 10_000).mapToObj(i -> Departments.fault(random))
                .collect(Collectors.groupingBy(f -> f, () -> new EnumMap<>(Departments.Fault.class), Collectors.counting()));

        assertThat(faults.get(Departments.Fault.DEPARTMENT)).isBetween(4500L, 5200L);
        assertThat(faults.get(Departments.Fault.CUSTOMER_SERVICE_CENTRE)).isBetween(450L, 900L);
        assertThat(faults.get(Departments.Fault.NONE) + faults.get(Departments.Fault.THIRD_PARTY)
                + faults.get(Departments.Fault.CUSTOMER)).isBetween(4200L, 4800L);
        assertThat(faults.get(Departments.Fault.CUSTOMER)).isPositive();
        assertThat(Departments.accountable(Departments.Fault.DEPARTMENT, "billing", random))
                .hasValueSatisfying(a -> assertThat(a).contains("billing").hasSizeLessThanOrEqualTo(200));
        assertThat(Departments.accountable(Departments.Fault.CUSTOMER_SERVICE_CENTRE, "billing", random))
                .hasValueSatisfying(a -> assertThat(a).contains("Hotline agent").hasSizeLessThanOrEqualTo(200));
        assertThat(Departments.accountable(Departments.Fault.THIRD_PARTY, "billing", random)).isEmpty();
        assertThat(Departments.accountable(Departments.Fault.NONE, "billing", random)).isEmpty();
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
