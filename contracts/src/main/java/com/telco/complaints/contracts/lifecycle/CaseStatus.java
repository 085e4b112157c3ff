package com.telco.complaints.contracts.lifecycle;

/**
 * Where a case stands in its lifecycle (DESIGN.md "The case state machine"):
 * {@code REGISTERED → DISPATCHED → RETURNED → SATISFIED → CLOSED}, or after a failed survey
 * {@code DISSATISFIED → DISPATCHED} (redispatch) or {@code DISSATISFIED → CLOSED}; a complaint no dispatch
 * rule fits goes {@code REGISTERED → TRIAGE → DISPATCHED} (an operator chooses the department). A complaint
 * resolved during the first contact is registered {@code RESOLVED_AT_FIRST_CONTACT}: no work order, its survey
 * pending, then {@code SATISFIED} or {@code DISSATISFIED} as after a return (a dissatisfied customer owed a work
 * order gets the case's first).
 */
public enum CaseStatus { REGISTERED, TRIAGE, DISPATCHED, RETURNED, SATISFIED, DISSATISFIED, CLOSED,
    RESOLVED_AT_FIRST_CONTACT }
