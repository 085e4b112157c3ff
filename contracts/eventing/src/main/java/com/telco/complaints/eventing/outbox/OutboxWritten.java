package com.telco.complaints.eventing.outbox;

/** Fired inside a transaction that appended to the outbox; the relay wakes after the commit. */
public record OutboxWritten() {}
