package com.telco.complaints.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The department returned its work order with the structured result of seed 001.
 *
 * @param faultOf     who was at fault, as the department found it (v2; absent on earlier returns): the
 *                    customer-service centre's own fault is recorded and not redispatched
 * @param accountable who is held accountable (追究相关人员责任), free text; optional (v2)
 */
public record Returned(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String dispatchId, int attempt, String department,
        String reconstruction, String customerDemand, String problemFound, String measures,
        Resolution resolution, Boolean operatorAtFault, FaultParty faultOf, String accountable) implements ComplaintEvent {

    /** The department's report in the four parts of seed 001, in that order, as every service keeps it. */
    @JsonIgnore
    public Map<String, String> report() {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("reconstruction", reconstruction);
        report.put("customerDemand", customerDemand);
        report.put("problemFound", problemFound);
        report.put("measures", measures);
        return report;
    }
}
