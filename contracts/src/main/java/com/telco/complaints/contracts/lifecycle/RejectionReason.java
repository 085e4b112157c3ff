package com.telco.complaints.contracts.lifecycle;

/** Why the fold did not apply an event to a case. */
public enum RejectionReason {
    /** The event belongs to another complaint than the one being folded. */
    OTHER_CASE,
    /** An event for a complaint that was never registered. */
    NOT_REGISTERED,
    ALREADY_REGISTERED,
    /** A lifecycle event for a case that is already closed. */
    CASE_CLOSED,
    /** A Dispatched for a case that already has a work order. */
    ALREADY_DISPATCHED,
    /** An attempt number that does not follow the case's last work order. */
    WRONG_ATTEMPT,
    UNKNOWN_WORK_ORDER,
    /** A second work order with the id of an existing one. */
    DUPLICATE_WORK_ORDER,
    DUPLICATE_CONTACT,
    ALREADY_RETURNED,
    /** A return, survey or redispatch that names a work order which has been replaced. */
    SUPERSEDED,
    /** A survey answer for a case that is not waiting for one. */
    NO_SURVEY_PENDING,
    /** A Redispatched without a SurveyFailed that decided a redispatch. */
    NO_REDISPATCH_DECIDED,
    /** A ComplaintClosed from a state, or with an outcome, that does not allow closing. */
    CANNOT_CLOSE,
    CLOCK_ALREADY_STARTED,
    UNKNOWN_CLOCK,
    ALREADY_WARNED,
    ALREADY_BREACHED,
    /** A warning or breach for a clock that had stopped before its warning point or deadline. */
    CLOCK_STOPPED_BEFORE,
    /** A second urge of the same work order. */
    ALREADY_URGED,
    /** An escalation that is not the next level of its work order's ladder (a repeat, or a skipped level). */
    WRONG_ESCALATION_LEVEL,
    /** A second notice to management of the same overdue work order. */
    ALREADY_NOTIFIED,
    /** A transfer to the department that holds the work order already. */
    SAME_DEPARTMENT,
    /** A transfer count that does not follow the work order's last transfer. */
    WRONG_TRANSFER,
    /** A second link of a case to an incident. */
    ALREADY_LINKED,
    /** A link of a case that is past the point an incident can take it over (returned, surveyed, first-contact). */
    NOT_LINKABLE,
    /** A change of an incident's estimate for a case not linked to that incident. */
    UNKNOWN_INCIDENT,
    /** An estimate's revision that does not follow the one the case knows. */
    WRONG_REVISION,
    /** A proof or a refund for a case whose registration disputes no charge. */
    NOT_A_DISPUTE,
    /** A proof or a refund for a dispute that the service provider's proof already ended. */
    PROOF_ALREADY_RECEIVED,
    /** A proof or a refund for a dispute a provisional refund already ended. */
    REFUND_ALREADY_GRANTED
}
