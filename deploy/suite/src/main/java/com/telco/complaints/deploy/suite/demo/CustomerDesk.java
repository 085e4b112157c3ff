package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The customer desk and the operators: they dispatch what no rule fitted from the triage queue some
 * seconds after it arrived, call each new customer back (most within the CONTACT limit, some late, a few
 * missed and called again), tell customers still waiting near their ANSWER deadline the progress
 * (sometimes agreeing a time), and send half the final answers by SMS once the department returned;
 * the others are given at the survey call.
 */
final class CustomerDesk {

    /** What the desk does next for one complaint. */
    private enum Step { FIRST_CONTACT, PROGRESS, DONE }

    private record Plan(Step step, Instant at) {}

    private final URI routing;
    private final URI survey;
    private final URI analytics;
    private final Rest rest;
    private final DemoTokens tokens;
    private final Random random;
    private final Clock clock;
    private final DemoCounters counters;
    private final Duration answerLimit;
    private final Map<String, Plan> planned = new HashMap<>();
    private final Map<String, Instant> triage = new HashMap<>();
    private final Set<String> answered = new HashSet<>();

    CustomerDesk(URI routing, URI survey, URI analytics, Rest rest, DemoTokens tokens, Random random, Clock clock,
                 DemoCounters counters, Duration answerLimit) {
        this.routing = routing;
        this.survey = survey;
        this.analytics = analytics;
        this.rest = rest;
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
        this.counters = counters;
        this.answerLimit = answerLimit;
    }

    /** One round: triage, then the calls whose time has come. */
    void work() {
        Instant now = clock.instant();
        dispatchFromTriage(now);
        for (JsonNode c : cases("DISPATCHED")) {
            String id = c.path("complaintId").asText();
            Instant registeredAt = Instant.parse(c.path("registeredAt").asText());
            planned.computeIfAbsent(id, k -> new Plan(Step.FIRST_CONTACT,
                    registeredAt.plusSeconds(3 + random.nextInt(34))));
        }
        for (JsonNode c : cases("RETURNED")) {
            String id = c.path("complaintId").asText();
            if (answered.add(id) && random.nextDouble() < 0.5) {
                contact(id, "FINAL_ANSWER", "SMS", false, null);
            }
        }
        for (Map.Entry<String, Plan> entry : Map.copyOf(planned).entrySet()) {
            Plan plan = entry.getValue();
            if (plan.step() == Step.DONE || now.isBefore(plan.at())) {
                continue;
            }
            String id = entry.getKey();
            if (plan.step() == Step.FIRST_CONTACT) {
                boolean reached = random.nextDouble() < 0.9;
                int status = contact(id, "FIRST_CONTACT", "PHONE", reached, null);
                if (status == 409 || status == 404) {
                    planned.put(id, new Plan(Step.DONE, now));
                } else if (!reached || status < 0) {
                    planned.put(id, new Plan(Step.FIRST_CONTACT, now.plusSeconds(5)));
                } else {
                    // Still open near the answer deadline: tell the customer how far it has come.
                    planned.put(id, new Plan(Step.PROGRESS, plan.at().plus(answerLimit.multipliedBy(3).dividedBy(4))));
                }
            } else {
                Instant agreed = random.nextDouble() < 0.3 ? now.plusSeconds(30) : null;
                contact(id, "PROGRESS", "PHONE", true, agreed);
                planned.put(id, new Plan(Step.DONE, now));
            }
        }
        if (planned.size() > 20_000) {
            planned.values().removeIf(p -> p.step() == Step.DONE);
        }
    }

    /** The cases of one status, as analytics lists them (oldest first), a few pages at most. */
    private List<JsonNode> cases(String status) {
        List<JsonNode> cases = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Rest.Answer answer = rest.get(analytics, "/cases?status=" + status + "&size=500&page=" + page,
                    tokens.operator());
            if (!answer.ok()) {
                counters.callFailed();
                break;
            }
            answer.body().path("items").forEach(cases::add);
            if (answer.body().path("items").size() < 500) {
                break;
            }
        }
        return cases;
    }

    private void dispatchFromTriage(Instant now) {
        Rest.Answer waiting = rest.get(routing, "/work-orders/triage?size=1000", tokens.operator());
        if (!waiting.ok()) {
            return;
        }
        for (JsonNode t : waiting.body()) {
            String id = t.path("complaintId").asText();
            Instant at = triage.computeIfAbsent(id, k -> now.plusSeconds(3 + random.nextInt(12)));
            if (!now.isBefore(at)) {
                Rest.Answer answer = rest.post(routing, "/work-orders/triage/" + id + "/dispatch", tokens.operator(),
                        Map.of("department", "service-desk"), Map.of());
                if (answer.ok()) {
                    counters.triaged.incrementAndGet();
                }
                if (answer.ok() || answer.status() == 409) {
                    triage.remove(id);
                }
            }
        }
    }

    /** Records a contact; the status of the answer (-1 when survey did not answer). */
    private int contact(String complaintId, String kind, String channel, boolean reached, Instant agreed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("channel", channel);
        body.put("reached", reached);
        body.put("summary", switch (kind) {
            case "FIRST_CONTACT" -> reached ? "已联系客户，核实问题 Called back, checked the problem" : "无人接听 No answer";
            case "PROGRESS" -> "告知处理进度 Told the customer how far handling has come";
            default -> "处理结果短信 Result sent by SMS";
        });
        if (agreed != null) {
            body.put("agreedNextContactBy", agreed.toString());
        }
        if (kind.equals("FINAL_ANSWER")) {
            body.put("answer", Map.of("cause", "见部门回单 As found by the department",
                    "process", "部门已处理 Handled by the department", "solution", "问题已解决 Resolved as returned"));
        }
        String desk = "desk-" + (1 + random.nextInt(4));
        Rest.Answer answer = rest.post(survey, "/complaints/" + complaintId + "/contacts", tokens.surveyor(desk), body,
                Map.of());
        if (answer.ok()) {
            counters.contacts.incrementAndGet();
        } else if (answer.status() != 409 && answer.status() != 404) {
            counters.callFailed();
        }
        return answer.status();
    }
}
