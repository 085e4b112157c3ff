package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The departments: they read their open work orders on routing's REST and return each at a
 * planned share of its return limit (as the SLA service announced it on the work order). Most
 * return well before the 80% warning point, some between warning and deadline, some after it
 * (breaches). Slow departments (the supervisor and escalation desks, and billing) take longer.
 */
final class Departments {

    private static final List<String> RESOLUTIONS = List.of("RESOLVED", "RESOLVED", "RESOLVED", "EXPLAINED",
            "COMPENSATED", "REFUNDED", "NOT_REPRODUCIBLE");

    private final URI routing;
    private final Rest rest;
    private final DemoTokens tokens;
    private final Random random;
    private final Clock clock;
    private final DemoCounters counters;
    /** dispatchId → when that work order will be returned, and by which department. */
    private final Map<String, Plan> planned = new HashMap<>();

    private record Plan(Instant at, String department) {}

    Departments(URI routing, Rest rest, DemoTokens tokens, Random random, Clock clock, DemoCounters counters) {
        this.routing = routing;
        this.rest = rest;
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
        this.counters = counters;
    }

    /** One round: plan the new open work orders, return those whose time has come. */
    void work() {
        Rest.Answer open = rest.get(routing, "/work-orders?status=OPEN&size=1000", tokens.operator());
        if (!open.ok()) {
            return;
        }
        Map<String, Boolean> stillOpen = new HashMap<>();
        for (JsonNode workOrder : open.body()) {
            String dispatchId = workOrder.path("dispatchId").asText();
            stillOpen.put(dispatchId, true);
            if (!planned.containsKey(dispatchId) && workOrder.hasNonNull("returnDeadline")) {
                Instant dispatchedAt = Instant.parse(workOrder.path("dispatchedAt").asText());
                Instant deadline = Instant.parse(workOrder.path("returnDeadline").asText());
                String department = workOrder.path("department").asText();
                planned.put(dispatchId, new Plan(plannedReturn(dispatchedAt, deadline, share(random, department)),
                        department));
            }
        }
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Plan>> it = planned.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Plan> entry = it.next();
            if (!stillOpen.containsKey(entry.getKey())) {
                it.remove(); // returned, or superseded
            } else if (!now.isBefore(entry.getValue().at())) {
                returnWorkOrder(entry.getKey(), entry.getValue().department());
                it.remove();
            }
        }
    }

    /** One of the department's agents returns the work order, with a token of its own. */
    private void returnWorkOrder(String dispatchId, String department) {
        boolean atFault = random.nextDouble() < 0.55;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reconstruction", "Called the customer back and reproduced the problem");
        result.put("customerDemand", "A fix and an explanation");
        result.put("problemFound", atFault ? "A fault on our side" : "Nothing wrong on our side");
        result.put("measures", atFault ? "Fault repaired and checked with the customer" : "Explained to the customer");
        result.put("resolution", RESOLUTIONS.get(random.nextInt(RESOLUTIONS.size())));
        result.put("operatorAtFault", atFault);
        String agent = department + "-agent-" + (1 + random.nextInt(5));
        Rest.Answer answer = rest.post(routing, "/work-orders/" + dispatchId + "/return",
                tokens.agent(agent, department), result, Map.of());
        if (answer.ok()) {
            counters.returned.incrementAndGet();
        } else if (answer.status() != 409) { // 409: superseded or returned meanwhile
            counters.failed.incrementAndGet();
        }
    }

    /** When a work order dispatched at {@code dispatchedAt} with this deadline is returned, at {@code share} of its limit. */
    static Instant plannedReturn(Instant dispatchedAt, Instant deadline, double share) {
        long limitMillis = Duration.between(dispatchedAt, deadline).toMillis();
        return dispatchedAt.plusMillis(Math.round(limitMillis * share));
    }

    /**
     * The share of the return limit a department takes for one work order: about two thirds early
     * (before 80%), a fifth late (between warning and deadline), the rest past the deadline.
     */
    static double share(Random random, String department) {
        double slowness = department.contains("supervisor") || department.startsWith("escalation")
                || department.startsWith("billing") ? 1.15 : 1.0;
        double r = random.nextDouble();
        double share;
        if (r < 0.65) {
            share = 0.15 + random.nextDouble() * 0.55; // 15-70%: on time, no warning
        } else if (r < 0.85) {
            share = 0.83 + random.nextDouble() * 0.14; // 83-97%: warned, returned before the deadline
        } else {
            share = 1.05 + random.nextDouble() * 0.35; // 105-140%: breached
        }
        return share * slowness;
    }
}
