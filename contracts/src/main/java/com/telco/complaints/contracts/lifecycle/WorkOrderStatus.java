package com.telco.complaints.contracts.lifecycle;

public enum WorkOrderStatus {
    /** Sent to the department, not yet returned. */
    OPEN,
    RETURNED,
    /** Replaced by a newer work order after a failed survey. */
    SUPERSEDED
}
