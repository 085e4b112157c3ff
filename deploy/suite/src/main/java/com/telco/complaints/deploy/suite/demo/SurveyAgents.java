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
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The survey agents: they read the pending surveys on survey-service's REST and call each customer
 * some seconds after the return (now and then only near or after the survey deadline). Most
 * customers are satisfied; some are dissatisfied through the operator's fault (mostly where the
 * return found the operator at fault: routing redispatches, unless the return named the
 * customer-service centre, whose own fault is recorded and closed), some are not and get an
 * explanation, some cannot be reached (called again; closed as unreachable at the survey limit).
 * What an answer led to is counted as survey-service says it in the answer's {@code outcome}, not
 * as the agent meant it.
 */
final class SurveyAgents {

    enum Outcome { SATISFIED, DISSATISFIED_AT_FAULT, EXPLAINED, UNREACHABLE }

    /** One planned call: a task is known by its work order and how often the customer was missed already. */
    private record Call(Instant at, Outcome outcome) {}

    private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(40);

    private final URI survey;
    private final Rest rest;
    private final DemoTokens tokens;
    private final Random random;
    private final Clock clock;
    private final DemoCounters counters;
    private final Map<String, Call> planned = new HashMap<>();

    SurveyAgents(URI survey, Rest rest, DemoTokens tokens, Random random, Clock clock, DemoCounters counters) {
        this.survey = survey;
        this.rest = rest;
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
        this.counters = counters;
    }

    /** One round: plan calls for new pending surveys, make the calls whose time has come. */
    void work() {
        Rest.Answer pending = rest.get(survey, "/surveys?status=PENDING&size=1000", tokens.surveyor("sv-1"));
        if (!pending.ok()) {
            return;
        }
        Instant now = clock.instant();
        Set<String> current = new HashSet<>();
        Map<String, String> complaintOf = new HashMap<>();
        for (JsonNode task : pending.body()) {
            int missed = task.path("unreachableCount").asInt();
            // A survey of the answer given at the first contact has no work order: the complaint names it.
            String key = (task.hasNonNull("dispatchId") ? task.path("dispatchId").asText()
                    : task.path("complaintId").asText()) + "#" + missed;
            current.add(key);
            complaintOf.put(key, task.path("complaintId").asText());
            if (!planned.containsKey(key)) {
                planned.put(key, plan(task, missed, now));
            }
        }
        for (Iterator<Map.Entry<String, Call>> it = planned.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Call> entry = it.next();
            if (!current.contains(entry.getKey())) {
                it.remove(); // answered, or closed
            } else if (!now.isBefore(entry.getValue().at())) {
                call(complaintOf.get(entry.getKey()), entry.getValue().outcome());
                it.remove();
            }
        }
    }

    private Call plan(JsonNode task, int missed, Instant now) {
        if (missed > 0) {
            // Called again a little later; a customer missed once is often missed again.
            Outcome outcome = random.nextDouble() < 0.5 ? Outcome.UNREACHABLE : answered(task);
            return new Call(now.plusSeconds(5 + random.nextInt(8)), outcome);
        }
        Instant returnedAt = task.hasNonNull("returnedAt") ? Instant.parse(task.path("returnedAt").asText()) : now;
        Duration limit = task.hasNonNull("surveyDeadline")
                ? Duration.between(returnedAt, Instant.parse(task.path("surveyDeadline").asText())) : DEFAULT_LIMIT;
        double r = random.nextDouble();
        Instant at;
        if (r < 0.82) {
            at = returnedAt.plusSeconds(3 + random.nextInt(13));
        } else if (r < 0.94) {
            at = returnedAt.plusMillis(Math.round(limit.toMillis() * (0.83 + random.nextDouble() * 0.12)));
        } else {
            at = returnedAt.plusMillis(Math.round(limit.toMillis() * (1.05 + random.nextDouble() * 0.25)));
        }
        Outcome outcome = random.nextDouble() < 0.14 ? Outcome.UNREACHABLE : answered(task);
        return new Call(at, outcome);
    }

    private Outcome answered(JsonNode task) {
        return answered(random, task.path("attempt").asInt(), task.path("faultOf").asText(null));
    }

    /**
     * What a reached customer says; after a redispatch the second work order usually satisfies, and a customer the
     * customer-service centre itself let down less often. A dissatisfied customer is mostly found wronged by the
     * operator when the return said the operator was at fault (a department or the centre), and mostly given an
     * explanation when it did not.
     *
     * @param faultOf who the return found at fault; null when it named nobody
     */
    static Outcome answered(Random random, int attempt, String faultOf) {
        double satisfied = "CUSTOMER_SERVICE_CENTRE".equals(faultOf) ? 0.5 : attempt >= 2 ? 0.8 : 0.68;
        if (random.nextDouble() < satisfied) {
            return Outcome.SATISFIED;
        }
        boolean operatorsFault = "DEPARTMENT".equals(faultOf) || "CUSTOMER_SERVICE_CENTRE".equals(faultOf);
        double atFault = faultOf == null ? 0.6 : operatorsFault ? 0.85 : 0.3;
        return random.nextDouble() < atFault ? Outcome.DISSATISFIED_AT_FAULT : Outcome.EXPLAINED;
    }

    private void call(String complaintId, Outcome outcome) {
        String surveyor = "sv-" + (1 + random.nextInt(6));
        Rest.Answer answer = rest.post(survey, "/surveys/" + complaintId + "/answers", tokens.surveyor(surveyor),
                answer(outcome), Map.of());
        if (answer.ok()) {
            counted(counters, outcome, answer.body().path("outcome").asText(null)).incrementAndGet();
        } else if (answer.status() != 409) { // 409: no survey pending any more
            counters.callFailed();
        }
    }

    /**
     * The counter of an answer: by what it led to ({@code outcome} of the survey task survey-service answered
     * with: a dissatisfied customer at the operator's fault is redispatched, recorded, or handed to the manager
     * hotline at the attempt limit; one not accepting the explanation is handed over too); by what was said when
     * the task has no outcome (a missed call leaves the survey pending).
     */
    static AtomicLong counted(DemoCounters counters, Outcome said, String outcome) {
        AtomicLong byOutcome = outcome == null ? null : switch (outcome) {
            case "SATISFIED" -> counters.satisfied;
            case "REDISPATCHED" -> counters.redispatched;
            case "RECORDED" -> counters.recorded;
            case "EXPLAINED" -> counters.explained;
            case "HANDED_OVER" -> counters.handedOver;
            case "ESCALATED" -> counters.closedAfterHotline;
            case "UNREACHABLE" -> counters.unreachable;
            default -> null;
        };
        if (byOutcome != null) {
            return byOutcome;
        }
        return switch (said) {
            case SATISFIED -> counters.satisfied;
            case DISSATISFIED_AT_FAULT -> counters.redispatched;
            case EXPLAINED -> counters.explained;
            case UNREACHABLE -> counters.unreachable;
        };
    }

    Map<String, Object> answer(Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reachable", outcome != Outcome.UNREACHABLE);
        if (outcome != Outcome.UNREACHABLE) {
            body.put("satisfied", outcome == Outcome.SATISFIED);
        }
        if (outcome == Outcome.DISSATISFIED_AT_FAULT) {
            body.put("reason", "The problem came back the next day");
            body.put("operatorAtFault", true);
        } else if (outcome == Outcome.EXPLAINED) {
            body.put("reason", "Wanted a refund of the whole month");
            body.put("operatorAtFault", false);
            body.put("explanation", "The charge is correct; offered a cheaper package instead");
            // Some do not accept it: they are handed to the manager hotline, which gets a work order.
            body.put("accepted", random.nextDouble() < 0.75);
        }
        return body;
    }
}
