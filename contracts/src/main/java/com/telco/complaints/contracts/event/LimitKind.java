package com.telco.complaints.contracts.event;

/** How an SLA limit is measured. */
public enum LimitKind {
    /** Wall-clock time, whatever the day. */
    CALENDAR,
    /** Only working time of the business calendar counts. */
    WORKING,
    /** The end of the working day the clock started on (the next working day's end if started after hours). */
    END_OF_WORKING_DAY
}
