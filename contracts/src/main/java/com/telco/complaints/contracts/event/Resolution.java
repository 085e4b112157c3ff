package com.telco.complaints.contracts.event;

/** How a department resolved a work order when it returned it. */
public enum Resolution { RESOLVED, EXPLAINED, COMPENSATED, REFUNDED, NOT_REPRODUCIBLE }
