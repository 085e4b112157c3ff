package com.telco.complaints.contracts.event;

/** The deadlines the SLA service watches (DESIGN.md "SLA model"). */
public enum SlaClock {
    /** Dispatched or Redispatched until Returned of that work order (the seeds' T1). */
    RETURN,
    /** Returned until the survey answer (T2). */
    SURVEY,
    /** Registered until closed: the regulator's 15 days. */
    CASE,
    /** Registered until the first contact that reached the customer (DB3212/T 1102: 24 hours). */
    CONTACT,
    /** Registered until the final answer reached the customer or was sent in writing (48 hours). */
    ANSWER,
    /**
     * Telling the customer the progress: from the ANSWER deadline passed without an answer, or from a
     * contact at which the customer agreed to a later time, until the next reached contact (which
     * starts the next run) or the final answer; due 48 hours after the last reached contact, or at
     * the agreed time.
     */
    PROGRESS,
    /** AwaitingTriage until Dispatched: an operator dispatches what no rule fits (the operator procedures' T3). */
    DISPATCH,
    /**
     * A billing dispute's registration until the service provider's proof (seed 004: 15 days); its breach earns
     * the customer a provisional refund. It does not stop when the case closes: the refund is owed all the same.
     */
    PROOF
}
