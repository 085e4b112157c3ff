package com.telco.complaints.contracts.event;

/** Why a case was closed (DOMAIN.md §5). */
public enum CloseOutcome {
    /** The customer said they are satisfied. */
    SATISFIED,
    /** Dissatisfied, but the operator was not at fault: explained, or an alternative offered. */
    EXPLAINED,
    /** Dissatisfied at the redispatch limit: handed to the manager hotline. */
    ESCALATED,
    /** The customer could not be reached after the allowed number of attempts. */
    UNREACHABLE
}
