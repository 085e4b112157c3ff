package com.telco.complaints.deploy.suite.demo;

import java.util.concurrent.atomic.AtomicLong;

/** What the demo's simulated people did, as they count it themselves (the services' figures come from analytics). */
final class DemoCounters {
    final AtomicLong registered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong returned = new AtomicLong();
    /** Work orders a department passed to another (misrouted). */
    final AtomicLong transferred = new AtomicLong();
    /** Survey answers, by what survey-service says they led to (the answer's outcome). */
    final AtomicLong satisfied = new AtomicLong();
    final AtomicLong redispatched = new AtomicLong();
    /** Dissatisfied at the customer-service centre's own fault: recorded and closed, not redispatched. */
    final AtomicLong recorded = new AtomicLong();
    final AtomicLong explained = new AtomicLong();
    /** Handed to the manager hotline: the explanation not accepted, or at fault at the attempt limit. */
    final AtomicLong handedOver = new AtomicLong();
    /** Dissatisfied again after the manager hotline's work order: closed as ESCALATED. */
    final AtomicLong closedAfterHotline = new AtomicLong();
    /** Survey calls that missed the customer. */
    final AtomicLong unreachable = new AtomicLong();
    /** Contacts the customer desk recorded. */
    final AtomicLong contacts = new AtomicLong();
    /** Complaints operators dispatched from the triage queue. */
    final AtomicLong triaged = new AtomicLong();
    /** Calls that failed (no answer, or a status the simulation does not expect). */
    final AtomicLong failed = new AtomicLong();

    /**
     * Counts a call that failed, unless the demo's end interrupted it (the calling thread is interrupted: {@link Rest}
     * keeps the interrupt): a call cut short by the end is not a service's failure.
     */
    void callFailed() {
        if (!Thread.currentThread().isInterrupted()) {
            failed.incrementAndGet();
        }
    }
}
