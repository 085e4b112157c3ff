package com.telco.complaints.contracts.event;

/** What a contact with the customer was for (DB3212/T 1102-2022 处理; the operator procedures' 问题解决/反馈). */
public enum ContactKind {
    /** The first call back after the complaint was accepted: owed within 24 hours. */
    FIRST_CONTACT,
    /** Telling the customer how far handling has come: owed every 48 hours, or at the time agreed with them. */
    PROGRESS,
    /** The answer: the cause, what was done and the solution. Owed within 48 hours. */
    FINAL_ANSWER
}
