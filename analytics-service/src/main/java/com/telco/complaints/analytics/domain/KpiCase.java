package com.telco.complaints.analytics.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the KPIs need of one complaint, as projected.
 *
 * @param department    the department its first work order was dispatched to (not where transfers took it); null
 *                      when not dispatched (yet)
 * @param closedAt      null while open
 * @param attempts      work orders it has had other than the manager hotline's (more than one: it was redispatched)
 * @param warnings      clocks of the case that raised a warning
 * @param breaches      clocks of the case that were breached
 * @param returnsJudged work orders with an announced RETURN deadline that were returned or breached
 * @param returnsOnTime of those, the ones returned at or before the deadline
 * @param recurrence    the same customer phone had a complaint of the same category closed in the
 *                      recurrence window (30 days) before this one was registered
 * @param resolvedAtFirstContact registered as resolved during the first contact (即时处理): not dispatched, the
 *                      customer reached and answered at registration
 * @param owed          what the customer was owed and given (contact, answer, progress)
 * @param orders        what became of its work orders: dispatched, transferred, urged, escalated, faults found
 */
public record KpiCase(String complaintId, String category, String channel, String region, String department,
                      Instant registeredAt, Instant closedAt, int attempts, int warnings, int breaches,
                      int returnsJudged, int returnsOnTime, int surveysPassed, int surveysFailed,
                      boolean recurrence, boolean resolvedAtFirstContact, CustomerObligations owed,
                      WorkOrderCounts orders) {

    /** The group of complaints not dispatched yet when grouping by department. */
    public static final String UNDISPATCHED = "UNDISPATCHED";

    /**
     * The group of complaints resolved at the first contact and never dispatched when grouping by department:
     * they wait for no department, so they are not counted as {@link #UNDISPATCHED}.
     */
    public static final String FIRST_CONTACT = "FIRST_CONTACT";

    public String key(GroupBy groupBy) {
        return switch (groupBy) {
            case CATEGORY -> category;
            case CHANNEL -> channel;
            case REGION -> region;
            case DEPARTMENT -> department != null ? department : resolvedAtFirstContact ? FIRST_CONTACT : UNDISPATCHED;
        };
    }

    /** Registration to close; null while open. */
    public Duration handlingTime() {
        return closedAt == null ? null : Duration.between(registeredAt, closedAt);
    }
}
