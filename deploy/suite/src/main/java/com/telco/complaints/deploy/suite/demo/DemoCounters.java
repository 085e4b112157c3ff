package com.telco.complaints.deploy.suite.demo;

import java.util.concurrent.atomic.AtomicLong;

/** What the demo's simulated people did, as they count it themselves (the services' figures come from analytics). */
final class DemoCounters {
    final AtomicLong registered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong returned = new AtomicLong();
    final AtomicLong satisfied = new AtomicLong();
    final AtomicLong dissatisfiedAtFault = new AtomicLong();
    final AtomicLong explained = new AtomicLong();
    final AtomicLong unreachable = new AtomicLong();
    /** Contacts the customer desk recorded. */
    final AtomicLong contacts = new AtomicLong();
    /** Complaints operators dispatched from the triage queue. */
    final AtomicLong triaged = new AtomicLong();
    /** Calls that failed (no answer, or a status the simulation does not expect). */
    final AtomicLong failed = new AtomicLong();
}
