package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.SlaClock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The policies in force. Every clock must have a policy that matches any complaint (one without
 * criteria), so that no clock can start without a limit; start-up fails otherwise.
 */
public final class SlaPolicies {

    /**
     * The most specific policy first; among equally specific ones the strictest (the shortest limit: a
     * regulator transfer of a normal complaint gets the regulator's 24 hours, not the normal 48), then by id.
     */
    private static final Comparator<SlaPolicy> PRECEDENCE = Comparator
            .comparingInt(SlaPolicy::specificity).reversed()
            .thenComparing(SlaPolicy::limit, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SlaPolicy::id);

    private final Map<SlaClock, List<SlaPolicy>> byClock = new EnumMap<>(SlaClock.class);

    public SlaPolicies(List<SlaPolicy> policies) {
        for (SlaClock clock : SlaClock.values()) {
            List<SlaPolicy> forClock = new ArrayList<>(policies.stream().filter(p -> p.clock() == clock).toList());
            forClock.sort(PRECEDENCE);
            if (forClock.stream().noneMatch(p -> p.specificity() == 0)) {
                throw new IllegalArgumentException("no default policy for the " + clock
                        + " clock: add one without criteria (e.g. sla.policies." + clock.name().toLowerCase()
                        + "-default.clock=" + clock + ")");
            }
            byClock.put(clock, List.copyOf(forClock));
        }
    }

    /** The most specific policy of {@code clock} that matches the complaint. */
    public SlaPolicy policyFor(SlaClock clock, CaseProfile profile) {
        return byClock.get(clock).stream().filter(p -> p.matches(profile)).findFirst().orElseThrow();
    }

    public List<SlaPolicy> all() {
        return byClock.values().stream().flatMap(List::stream).toList();
    }
}
