package com.telco.complaints.contracts.event;

/** Why an {@link EscalationNotice} was raised. */
public enum NoticeReason {
    /** A key customer's work order passed its return deadline (000 ZLAL009 (4)). */
    KEY_CUSTOMER_OVERDUE,
    /** A complaint transferred by the regulator (12300) passed its return deadline. */
    REGULATOR_OVERDUE,
    /** An outage incident gathered more complaints than the emergency plan allows before the leadership hears (002). */
    INCIDENT_SIZE,
    /** An outage incident touches a key customer (002). */
    INCIDENT_KEY_CUSTOMER
}
