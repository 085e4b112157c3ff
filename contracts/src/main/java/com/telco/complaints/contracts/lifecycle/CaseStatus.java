package com.telco.complaints.contracts.lifecycle;

/**
 * Where a case stands in its lifecycle (DESIGN.md "The case state machine"):
 * {@code REGISTERED → DISPATCHED → RETURNED → SATISFIED → CLOSED}, or after a failed survey
 * {@code DISSATISFIED → DISPATCHED} (redispatch) or {@code DISSATISFIED → CLOSED}.
 */
public enum CaseStatus { REGISTERED, DISPATCHED, RETURNED, SATISFIED, DISSATISFIED, CLOSED }
