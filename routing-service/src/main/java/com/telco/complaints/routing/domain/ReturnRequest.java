package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.Resolution;

/**
 * A department's return of a work order: the structured result of seed 001 (回单).
 *
 * @param operatorAtFault whether the operator was at fault; may be left out when {@code faultOf} says it
 * @param faultOf         who was at fault (optional); the customer-service centre's own fault is recorded and not
 *                        redispatched
 * @param accountable     who is held accountable (追究相关人员责任), optional free text
 * @param returnedBy      who returned it: as the body declares it (optional), until {@link #by} sets the
 *                        token's subject, the only identity recorded
 */
public record ReturnRequest(String reconstruction, String customerDemand, String problemFound, String measures,
                            Resolution resolution, Boolean operatorAtFault, FaultParty faultOf, String accountable,
                            String returnedBy) {

    /** The same return, made by {@code actor}. */
    public ReturnRequest by(String actor) {
        return new ReturnRequest(reconstruction, customerDemand, problemFound, measures, resolution, operatorAtFault,
                faultOf, accountable, actor);
    }

    /** Whether the operator was at fault: as stated, or as {@code faultOf} says. */
    public boolean atFault() {
        return operatorAtFault != null ? operatorAtFault : faultOf.operators();
    }
}
