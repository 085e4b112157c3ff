package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.store.IncidentStore.Counts;
import com.telco.complaints.routing.store.IncidentStore.IncidentRow;
import com.telco.complaints.routing.store.WorkOrderStore.HeldOrder;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An outage incident as operators and its department see it: what and where, the department working it, which
 * complaints it gathers ({@code match}: a window of registration time, or the complaint numbers listed), the
 * estimated repair time the customers are owed and its revision, the counts of the complaints it holds (linked, their
 * held work orders still open, returned), the notices the emergency group was sent, and once resolved, when, by whom
 * and with which return. The detail lists the linked complaints ({@code complaints}: the held work order and its
 * status, the case's status); the list does not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(String incidentId, String status, String region, String category, String title,
                           String faultDescription, String department, MatchView match, Instant declaredAt,
                           String declaredBy, Instant estimatedRepairAt, int revision, String estimateReason,
                           Counts counts, Set<NoticeReason> noticed, Instant resolvedAt, String resolvedBy,
                           JsonNode resolution, List<HeldOrder> complaints) {

    /** Which complaints it gathers: registered from {@code from} (inclusive) to {@code to} (exclusive), or listed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchView(Instant from, Instant to, Set<String> complaintIds) {}

    static IncidentView of(Incident i, Counts counts) {
        Incident.Match m = i.match();
        return new IncidentView(i.incidentId(), i.status().name(), i.region(), i.category().name(), i.title(),
                i.faultDescription(), i.department(), new MatchView(m.from(), m.to(),
                        m.isListed() ? new TreeSet<>(m.complaintIds()) : null), i.declaredAt(), i.declaredBy(), i.estimatedRepairAt(),
                i.revision(), null, counts, i.noticed(), i.resolvedAt(), null, null, null);
    }

    static IncidentView of(IncidentRow row, Counts counts, List<HeldOrder> complaints) {
        IncidentView v = of(row.incident(), counts);
        return new IncidentView(v.incidentId(), v.status(), v.region(), v.category(), v.title(), v.faultDescription(),
                v.department(), v.match(), v.declaredAt(), v.declaredBy(), v.estimatedRepairAt(), v.revision(),
                row.estimateReason(), counts, v.noticed(), v.resolvedAt(), row.resolvedBy(), row.resolution(),
                complaints);
    }
}
