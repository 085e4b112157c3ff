package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The departments: they read their open work orders on routing's REST and return each at a
 * planned share of its return limit (as the SLA service announced it on the work order). Most
 * return well before the 80% warning point, some between warning and deadline (routing urges
 * them), some after it (breaches: routing escalates them), a few are left in the queue long past
 * it (the second level of the escalation ladder hears of them). Slow departments (the supervisor
 * and escalation desks, and billing) take longer. About one order in fifteen was sent to the wrong
 * department: early on, its agent passes it to the one that should act (a {@link Misroute}), and an
 * agent of that department finds it in its own queue and works it like any other. Each return says
 * whose fault it was ({@code faultOf}) and, for the operator's own, who is held accountable.
 */
final class Departments {

    private static final List<String> RESOLUTIONS = List.of("RESOLVED", "RESOLVED", "RESOLVED", "EXPLAINED",
            "COMPENSATED", "REFUNDED", "NOT_REPRODUCIBLE");

    /** The share of the orders a department could pass on that it does pass on: about 1 in 15 of all orders. */
    static final double TRANSFER_SHARE = 0.07;

    /** A receiving department that has not seen a transferred order in its queue this long says so (a failed call). */
    private static final Duration UNSEEN_TRANSFER = Duration.ofSeconds(10);

    /**
     * A plausible misrouting: an order of {@code category} (any, when null) dispatched to {@code from} that
     * {@code to} must act on, and why, as the agent passing it on writes it.
     */
    record Misroute(String from, String category, String to, String reason) {}

    static final List<Misroute> MISROUTES = List.of(
            new Misroute("network-ops", "NETWORK", "billing",
                    "Not a network fault: the data package ran out and the speed was throttled; a billing question"),
            new Misroute("network-ops-tz-hl", "NETWORK", "network-ops",
                    "The customer's address is served by a cell outside TZ-HL: the network operations centre's"),
            new Misroute("billing", "BUSINESS", "network-ops",
                    "The double charge comes from data sessions the network dropped and reopened: network to check"),
            new Misroute("branch-tz-hl", "SERVICE", "service-desk",
                    "The customer was served by the hotline, not at the branch: the customer service desk's"),
            new Misroute("service-desk", "SERVICE", "billing",
                    "The slow process is a refund stuck in billing: billing must act"),
            new Misroute("key-customer-desk", "NETWORK", "network-ops",
                    "A fault on the key customer's line: the network operations centre must repair it"),
            new Misroute("key-customer-desk", "BUSINESS", "billing",
                    "A disputed invoice of the key account: billing must correct it"));

    /** Who a return finds at fault (Returned.faultOf), with what the department writes for it. */
    enum Fault {
        DEPARTMENT(true, "A fault on our side", "Fault repaired and checked with the customer"),
        CUSTOMER_SERVICE_CENTRE(true, "The hotline registered the wrong address and promised a visit nobody booked",
                "Visit booked, the customer's record corrected"),
        THIRD_PARTY(false, "A contractor's digging damaged the cable to the site",
                "The contractor repaired it; checked with the customer"),
        CUSTOMER(false, "A setting on the customer's phone", "Walked the customer through the settings"),
        NONE(false, "Nothing wrong on our side", "Explained to the customer");

        final boolean operators;
        final String problemFound;
        final String measures;

        Fault(boolean operators, String problemFound, String measures) {
            this.operators = operators;
            this.problemFound = problemFound;
            this.measures = measures;
        }
    }

    private final URI routing;
    private final Rest rest;
    private final DemoTokens tokens;
    private final Random random;
    private final Clock clock;
    private final DemoCounters counters;
    /** dispatchId → what the department holding that work order does next, and when. */
    private final Map<String, Plan> planned = new HashMap<>();
    /** The configured departments (GET /departments); empty until routing answered. */
    private Set<String> known = Set.of();

    private enum Step {
        /** Return it at {@code at}. */
        RETURN,
        /** Pass it on to {@code misroute.to()} at {@code at}. */
        TRANSFER,
        /** Passed on: wait until the receiving department finds it in its own queue ({@code at}: when it was passed). */
        AWAIT
    }

    private record Plan(Step step, Instant at, String department, Misroute misroute) {}

    Departments(URI routing, Rest rest, DemoTokens tokens, Random random, Clock clock, DemoCounters counters) {
        this.routing = routing;
        this.rest = rest;
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
        this.counters = counters;
    }

    /** One round: plan the new open work orders, then pass on and return those whose time has come. */
    void work() {
        Rest.Answer open = rest.get(routing, "/work-orders?status=OPEN&size=1000", tokens.operator());
        if (!open.ok()) {
            return;
        }
        Map<String, JsonNode> stillOpen = new HashMap<>();
        for (JsonNode workOrder : open.body()) {
            String dispatchId = workOrder.path("dispatchId").asText();
            stillOpen.put(dispatchId, workOrder);
            if (!planned.containsKey(dispatchId) && workOrder.hasNonNull("returnDeadline")) {
                planned.put(dispatchId, plan(workOrder));
            }
        }
        planned.keySet().retainAll(stillOpen.keySet()); // returned, or superseded
        Instant now = clock.instant();
        receiveTransfers(stillOpen, now);
        for (Iterator<Map.Entry<String, Plan>> it = planned.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Plan> entry = it.next();
            Plan plan = entry.getValue();
            if (plan.step() == Step.AWAIT || now.isBefore(plan.at())) {
                continue;
            }
            if (plan.step() == Step.TRANSFER) {
                entry.setValue(transfer(entry.getKey(), plan, stillOpen.get(entry.getKey()), now));
            } else {
                returnWorkOrder(entry.getKey(), plan.department());
                it.remove();
            }
        }
    }

    /** A new open work order: returned at its department's pace, or now and then first passed on. */
    private Plan plan(JsonNode workOrder) {
        Instant dispatchedAt = Instant.parse(workOrder.path("dispatchedAt").asText());
        Instant deadline = Instant.parse(workOrder.path("returnDeadline").asText());
        String department = workOrder.path("department").asText();
        Optional<Misroute> misroute = misroute(department, workOrder.path("complaint").path("category").asText(),
                workOrder.path("transfers").asInt(), knownDepartments(), random);
        if (misroute.isPresent()) {
            // Noticed on the first look at it, at 5-25% of the limit.
            return new Plan(Step.TRANSFER, plannedReturn(dispatchedAt, deadline, 0.05 + random.nextDouble() * 0.2),
                    department, misroute.get());
        }
        return new Plan(Step.RETURN, plannedReturn(dispatchedAt, deadline, share(random, department)), department, null);
    }

    /** An agent of the department holding the order passes it on; what is planned for it next. */
    private Plan transfer(String dispatchId, Plan plan, JsonNode workOrder, Instant now) {
        Misroute m = plan.misroute();
        Rest.Answer answer = rest.post(routing, "/work-orders/" + dispatchId + "/transfer",
                tokens.agent(agent(plan.department()), plan.department()),
                Map.of("department", m.to(), "reason", m.reason()), Map.of());
        if (answer.ok()) {
            counters.transferred.incrementAndGet();
            return new Plan(Step.AWAIT, now, m.to(), m);
        }
        if (answer.status() != 409) { // 409: returned, superseded or closed meanwhile
            counters.callFailed();
        }
        // Not passed on: the department works it itself.
        Instant dispatchedAt = Instant.parse(workOrder.path("dispatchedAt").asText());
        Instant deadline = Instant.parse(workOrder.path("returnDeadline").asText());
        return new Plan(Step.RETURN, plannedReturn(dispatchedAt, deadline, share(random, plan.department())),
                plan.department(), null);
    }

    /**
     * The departments that were passed an order look at their own queue (an agent's token: routing shows it only
     * that department's orders); an order found there is planned like any other, not before the agent has had a
     * few seconds for it.
     */
    private void receiveTransfers(Map<String, JsonNode> stillOpen, Instant now) {
        Set<String> receiving = new HashSet<>();
        planned.values().stream().filter(p -> p.step() == Step.AWAIT).forEach(p -> receiving.add(p.department()));
        for (String department : receiving) {
            Rest.Answer queue = rest.get(routing, "/work-orders?status=OPEN&size=1000",
                    tokens.agent(agent(department), department));
            Set<String> inQueue = new HashSet<>();
            if (queue.ok()) {
                queue.body().forEach(w -> inQueue.add(w.path("dispatchId").asText()));
            } else {
                counters.callFailed();
            }
            for (Map.Entry<String, Plan> entry : planned.entrySet()) {
                Plan plan = entry.getValue();
                if (plan.step() != Step.AWAIT || !plan.department().equals(department)) {
                    continue;
                }
                boolean found = inQueue.contains(entry.getKey());
                if (!found && now.isBefore(plan.at().plus(UNSEEN_TRANSFER))) {
                    continue;
                }
                if (!found) {
                    counters.callFailed(); // passed on, but not in the receiving department's queue
                }
                JsonNode workOrder = stillOpen.get(entry.getKey());
                Instant dispatchedAt = Instant.parse(workOrder.path("dispatchedAt").asText());
                Instant deadline = Instant.parse(workOrder.path("returnDeadline").asText());
                Instant at = plannedReturn(dispatchedAt, deadline, share(random, department));
                Instant earliest = now.plusSeconds(2 + random.nextInt(5));
                entry.setValue(new Plan(Step.RETURN, at.isBefore(earliest) ? earliest : at, department, null));
            }
        }
    }

    /** One of the department's agents returns the work order, with a token of its own. */
    private void returnWorkOrder(String dispatchId, String department) {
        Fault fault = fault(random);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reconstruction", "Called the customer back and reproduced the problem");
        result.put("customerDemand", "A fix and an explanation");
        result.put("problemFound", fault.problemFound);
        result.put("measures", fault.measures);
        result.put("resolution", RESOLUTIONS.get(random.nextInt(RESOLUTIONS.size())));
        // operatorAtFault left out: faultOf says it.
        result.put("faultOf", fault.name());
        accountable(fault, department, random).ifPresent(a -> result.put("accountable", a));
        Rest.Answer answer = rest.post(routing, "/work-orders/" + dispatchId + "/return",
                tokens.agent(agent(department), department), result, Map.of());
        if (answer.ok()) {
            counters.returned.incrementAndGet();
        } else if (answer.status() != 409) { // 409: superseded or returned meanwhile
            counters.callFailed();
        }
    }

    private String agent(String department) {
        return department + "-agent-" + (1 + random.nextInt(5));
    }

    /** The configured departments, read once routing answers; a misroute to another department is never planned. */
    private Set<String> knownDepartments() {
        if (known.isEmpty()) {
            Rest.Answer answer = rest.get(routing, "/departments", tokens.operator());
            if (answer.ok()) {
                Set<String> ids = new HashSet<>();
                answer.body().path("departments").forEach(d -> ids.add(d.path("id").asText()));
                known = Set.copyOf(ids);
            }
        }
        return known;
    }

    /**
     * Whether an order of {@code category} at {@code department} is passed on, and where: only an order not passed
     * on before, to a configured department, one in {@link #TRANSFER_SHARE} of those a misroute fits.
     */
    static Optional<Misroute> misroute(String department, String category, int transfers, Set<String> known,
                                       Random random) {
        if (transfers > 0) {
            return Optional.empty();
        }
        List<Misroute> fitting = MISROUTES.stream().filter(m -> m.from().equals(department)
                && (m.category() == null || m.category().equals(category)) && known.contains(m.to())).toList();
        if (fitting.isEmpty() || random.nextDouble() >= TRANSFER_SHARE) {
            return Optional.empty();
        }
        return Optional.of(fitting.get(random.nextInt(fitting.size())));
    }

    /**
     * Whose fault a return finds: the operator's a little over half the time (mostly the department's own, about
     * one in eight the customer-service centre's), otherwise nobody's, a third party's or the customer's.
     */
    static Fault fault(Random random) {
        if (random.nextDouble() < 0.55) {
            return random.nextDouble() < 0.12 ? Fault.CUSTOMER_SERVICE_CENTRE : Fault.DEPARTMENT;
        }
        double r = random.nextDouble();
        return r < 0.45 ? Fault.NONE : r < 0.75 ? Fault.THIRD_PARTY : Fault.CUSTOMER;
    }

    /** Who is held accountable (追究相关人员责任) when the operator was at fault; nobody otherwise. */
    static Optional<String> accountable(Fault fault, String department, Random random) {
        return switch (fault) {
            case DEPARTMENT -> Optional.of("Duty team of " + department + ", shift " + (1 + random.nextInt(3)));
            case CUSTOMER_SERVICE_CENTRE -> Optional.of("Hotline agent desk-" + (1 + random.nextInt(4))
                    + " who registered the complaint");
            default -> Optional.empty();
        };
    }

    /** When a work order dispatched at {@code dispatchedAt} with this deadline is returned, at {@code share} of its limit. */
    static Instant plannedReturn(Instant dispatchedAt, Instant deadline, double share) {
        long limitMillis = Duration.between(dispatchedAt, deadline).toMillis();
        return dispatchedAt.plusMillis(Math.round(limitMillis * share));
    }

    /**
     * The share of the return limit a department takes for one work order: about two thirds early
     * (before 80%), a fifth late (between warning and deadline: urged), the rest past the deadline
     * (escalated), a few of those long past it (half as long again as the limit or more: the second
     * level of the ladder hears of them).
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
        } else if (r < 0.96) {
            share = 1.05 + random.nextDouble() * 0.35; // 105-140%: breached
        } else {
            share = 1.5 + random.nextDouble() * 0.5; // 150-200%: left in the queue long past the deadline
        }
        return share * slowness;
    }
}
