package com.telco.complaints.contracts.event;

/** The deadlines the SLA service watches (DESIGN.md "SLA model"). */
public enum SlaClock {
    /** Dispatched or Redispatched until Returned of that work order (the seeds' T1). */
    RETURN,
    /** Returned until the survey answer (T2). */
    SURVEY,
    /** Registered until closed: the regulator's 15 days. */
    CASE
}
