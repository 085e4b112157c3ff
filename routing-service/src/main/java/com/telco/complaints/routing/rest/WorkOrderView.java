package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.eventing.rest.PersonalData;
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.Incidents;
import com.telco.complaints.routing.store.IncidentStore;
import com.telco.complaints.routing.store.IncidentStore.IncidentOrder;
import com.telco.complaints.routing.store.OrderBrief;
import com.telco.complaints.routing.store.OrderDispute;
import com.telco.complaints.routing.store.WorkOrderStore.PreviousReturn;
import com.telco.complaints.routing.store.WorkOrderStore.QueueItem;
import com.telco.complaints.routing.store.WorkOrderStore.WorkOrderRow;

import java.time.Instant;

/**
 * A work order as a department sees it: warnAt and returnDeadline (also as {@code deadline}) once the SLA service
 * announced them; {@code warned} and {@code breached} once it raised them; what routing did about them (urgedAt,
 * escalationLevel and escalatedTo, noticedAt); its transfers and that history; the complaint on it ({@code
 * complaint}, with the customer masked for a caller who may see the case but not the person); and for a redispatch
 * the return of the order it replaced ({@code previousReturn}); the complaint's billing dispute and its outcome
 * ({@code dispute}).
 *
 * <p>{@code kind} COMPLAINT is a complaint's work order; one held by an outage incident names it ({@code incidentId}).
 * {@code kind} INCIDENT is an incident's one work order in its department's queue: its id is the incident's, its
 * {@code dispatchedAt} the declaration, its {@code deadline} the estimated repair time, its status OPEN until the
 * incident is resolved (then RETURNED), and {@code incident} says what it is and how many complaints it holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrderView(String dispatchId, String complaintId, String department, int attempt, String status,
                            Instant dispatchedAt, Instant warnAt, Instant returnDeadline, Instant deadline,
                            boolean warned, Instant warnedAt, boolean breached, Instant breachedAt, Instant urgedAt,
                            int escalationLevel, String escalatedTo, Instant noticedAt, int transfers, String rule,
                            String previousDispatchId, Instant returnedAt, String returnedBy, String resolution,
                            Boolean operatorAtFault, String faultOf, String accountable, JsonNode result,
                            OrderBrief complaint, PreviousReturn previousReturn, JsonNode history, String kind,
                            String incidentId, IncidentOnOrder incident, OrderDispute dispute) {

    public static final String COMPLAINT = "COMPLAINT";
    public static final String INCIDENT = "INCIDENT";

    /**
     * The incident an incident's work order is: its title and fault, where, the complaints it holds (linked, their
     * orders still open, returned) and the estimated repair time the customers are owed (its revision).
     */
    public record IncidentOnOrder(String title, String faultDescription, String region, String category, int linked,
                                  int open, int returned, Instant estimatedRepairAt, int revision) {}

    /** An incident's one work order, as its department's queue shows it. */
    static WorkOrderView of(IncidentOrder order) {
        Incident i = order.incident();
        IncidentStore.Counts n = order.counts();
        return new WorkOrderView(i.incidentId(), null, i.department(), 1, i.isOpen() ? "OPEN" : "RETURNED",
                i.declaredAt(), null, null, i.estimatedRepairAt(), false, null, false, null, null, 0, null, null, 0,
                Incidents.RULE_PREFIX + i.incidentId(), null, i.resolvedAt(), null, null, null, null, null, null, null,
                null, null, INCIDENT, i.incidentId(), new IncidentOnOrder(i.title(), i.faultDescription(), i.region(),
                i.category().name(), n.linked(), n.open(), n.returned(), i.estimatedRepairAt(), i.revision()), null);
    }

    /** A queue's item: a complaint's work order or an incident's. */
    static WorkOrderView of(QueueItem item, boolean customerMasked) {
        return item.order() != null ? of(item.order(), customerMasked) : of(item.incident());
    }

    /** @param customerMasked whether the customer's name, phone and contact are masked ({@link PersonalData}) */
    static WorkOrderView of(WorkOrderRow r, boolean customerMasked) {
        return new WorkOrderView(r.dispatchId(), r.complaintId(), r.department(), r.attempt(), r.status(),
                r.dispatchedAt(), r.warnAt(), r.returnDeadline(), r.returnDeadline(), r.warnedAt() != null,
                r.warnedAt(), r.breachedAt() != null, r.breachedAt(), r.urgedAt(), r.escalationLevel(),
                r.escalatedTo(), r.noticedAt(), r.transfers(), r.rule(), r.previousDispatchId(), r.returnedAt(),
                r.returnedBy(), r.resolution(), r.operatorAtFault(), r.faultOf(), r.accountable(), r.result(),
                complaint(r, customerMasked), r.previous(), r.history(), COMPLAINT, r.incidentId(), null, r.dispute());
    }

    /**
     * The complaint on the order; on a redispatch, the problem found and the measures so far are the previous
     * return's.
     */
    private static OrderBrief complaint(WorkOrderRow r, boolean customerMasked) {
        OrderBrief b = r.brief();
        if (b == null) {
            return null;
        }
        JsonNode before = r.previous() == null ? null : r.previous().result();
        Customer c = b.customer();
        Customer shown = c == null || !customerMasked ? c : new Customer(PersonalData.maskName(c.name()),
                PersonalData.maskPhone(c.phone()), c.tier(), PersonalData.maskContact(c.contact()));
        return new OrderBrief(b.reconstruction(), b.customerDemand(),
                before != null && before.hasNonNull("problemFound") ? before.get("problemFound").asText() : b.problemFound(),
                before != null && before.hasNonNull("measures") ? before.get("measures").asText() : b.measures(),
                shown, b.category(), b.subcategory(), b.urgency(), b.channel(), b.region(), b.registeredAt(),
                b.promisedReplyBy(), b.dissatisfaction());
    }
}
