package com.telco.complaints.contracts.lifecycle;

/**
 * Where a case stands in its lifecycle (DESIGN.md "The case state machine"):
 * {@code REGISTERED → DISPATCHED → RETURNED → SATISFIED → CLOSED}, or after a failed survey
 * {@code DISSATISFIED → DISPATCHED} (redispatch) or {@code DISSATISFIED → CLOSED}; a complaint no dispatch
 * rule fits goes {@code REGISTERED → TRIAGE → DISPATCHED} (an operator chooses the department).
 */
public enum CaseStatus { REGISTERED, TRIAGE, DISPATCHED, RETURNED, SATISFIED, DISSATISFIED, CLOSED }
