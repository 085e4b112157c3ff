package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.routing.store.WorkOrderStore.WorkOrderRow;

import java.time.Instant;

/** A work order as a department sees it; warnAt and returnDeadline once the SLA service announced them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrderView(String dispatchId, String complaintId, String department, int attempt, String status,
                            Instant dispatchedAt, Instant warnAt, Instant returnDeadline, String rule,
                            String previousDispatchId, Instant returnedAt, String returnedBy, String resolution,
                            Boolean operatorAtFault, JsonNode result) {

    static WorkOrderView of(WorkOrderRow r) {
        return new WorkOrderView(r.dispatchId(), r.complaintId(), r.department(), r.attempt(), r.status(),
                r.dispatchedAt(), r.warnAt(), r.returnDeadline(), r.rule(), r.previousDispatchId(), r.returnedAt(),
                r.returnedBy(), r.resolution(), r.operatorAtFault(), r.result());
    }
}
