package com.telco.complaints.deploy.suite.demo;

import com.telco.complaints.deploy.infra.LocalTokens.Caller;
import com.telco.complaints.deploy.suite.Suite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people and systems of the demo, each calling the doors with a real token of its own role from
 * the suite's local key pair: publishing systems as submitters, departments' agents, survey agents
 * and the operations desk that watches the queues.
 */
final class DemoTokens {

    static final String OPERATIONS_DESK = "demo-operations-desk";

    private final Suite suite;
    private final Map<Caller, String> tokens = new ConcurrentHashMap<>();

    DemoTokens(Suite suite) {
        this.suite = suite;
    }

    String submitter(String system) {
        return of(new Caller(system, system, "submitter", null));
    }

    String agent(String subject, String department) {
        return of(new Caller(subject, subject, "agent", department));
    }

    String surveyor(String subject) {
        return of(new Caller(subject, subject, "surveyor", null));
    }

    String operator() {
        return of(new Caller(OPERATIONS_DESK, "Operations desk", "operator", null));
    }

    private String of(Caller caller) {
        return tokens.computeIfAbsent(caller, suite::token);
    }
}
