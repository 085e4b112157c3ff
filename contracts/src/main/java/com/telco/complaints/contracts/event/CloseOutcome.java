package com.telco.complaints.contracts.event;

/** Why a case was closed (DOMAIN.md §5). */
public enum CloseOutcome {
    /** The customer said they are satisfied. */
    SATISFIED,
    /** Dissatisfied, but the operator was not at fault: explained, or an alternative offered. */
    EXPLAINED,
    /**
     * Dissatisfied after the manager hotline's work order, not at fault and not accepting the explanation, or
     * at fault: every level has answered. (Before the hotline took work orders: dissatisfied at the redispatch
     * limit.)
     */
    ESCALATED,
    /** The customer could not be reached after the allowed number of attempts. */
    UNREACHABLE,
    /**
     * Dissatisfied at the customer-service centre's own fault (the return named it): recorded, with who is
     * accountable, and not redispatched (seed 000: 调查是否为客服中心责任? Y → 记录). Written from v2 of
     * ComplaintClosed.
     */
    RECORDED
}
