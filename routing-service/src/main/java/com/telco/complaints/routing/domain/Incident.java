package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.NoticeReason;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An outage incident (seed 002, 应急处置): one fault behind many complaints, worked by one department on one work
 * order, while each complaint it gathers keeps a work order of its own held by it (see {@link Incidents}). Declared
 * by an operator, not folded from the log: the log knows an incident only through the facts of its complaints
 * ({@code IncidentLinked}, {@code EstimatedRepairChanged}, the {@code Returned} of each held order).
 *
 * @param match             which complaints it gathers
 * @param estimatedRepairAt the estimated repair time the customers are owed now
 * @param revision          that estimate's revision: 1 for the declared one, one more at each change
 * @param linked            how many complaints were linked to it
 * @param noticed           the reasons the emergency leadership group has been told of it for (once each)
 */
public record Incident(String incidentId, String region, Category category, String title, String faultDescription,
                       String department, Match match, Instant declaredAt, String declaredBy,
                       Instant estimatedRepairAt, int revision, Status status, Instant resolvedAt, int linked,
                       Set<NoticeReason> noticed) {

    /** OPEN while the department works on it; RESOLVED once it returned it for every linked complaint. */
    public enum Status { OPEN, RESOLVED }

    /**
     * The complaints an incident gathers: those of its region and category registered in a window of time
     * ({@code from} inclusive, {@code to} exclusive; no {@code to}: as long as the incident is open), or the
     * complaints listed by number ({@code complaintIds}, whatever their region and category). Exactly one of the two.
     */
    public record Match(Instant from, Instant to, Set<String> complaintIds) {

        public static Match window(Instant from, Instant to) {
            return new Match(from, to, null);
        }

        public static Match listed(Set<String> complaintIds) {
            return new Match(null, null, Set.copyOf(complaintIds));
        }

        public boolean isListed() {
            return complaintIds != null;
        }
    }

    public Incident {
        noticed = noticed.isEmpty() ? EnumSet.noneOf(NoticeReason.class) : EnumSet.copyOf(noticed);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** The incident after one more link, the emergency group told of it for {@code told} as well. */
    Incident linkedOnce(Set<NoticeReason> told) {
        Set<NoticeReason> all = EnumSet.noneOf(NoticeReason.class);
        all.addAll(noticed);
        all.addAll(told);
        return new Incident(incidentId, region, category, title, faultDescription, department, match, declaredAt,
                declaredBy, estimatedRepairAt, revision, status, resolvedAt, linked + 1, all);
    }

    /** The incident with a new estimate, the next revision. */
    public Incident rescheduled(Instant estimate) {
        return new Incident(incidentId, region, category, title, faultDescription, department, match, declaredAt,
                declaredBy, estimate, revision + 1, status, resolvedAt, linked, noticed);
    }

    /** The incident resolved at {@code at}: it gathers nothing more. */
    public Incident resolved(Instant at) {
        return new Incident(incidentId, region, category, title, faultDescription, department, match, declaredAt,
                declaredBy, estimatedRepairAt, revision, Status.RESOLVED, at, linked, noticed);
    }
}
