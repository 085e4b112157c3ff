package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Resolution;

/**
 * A department's return of a work order: the structured result of seed 001 (回单).
 *
 * @param returnedBy who returned it: as the body declares it (optional), until {@link #by} sets the
 *                   token's subject, the only identity recorded
 */
public record ReturnRequest(String reconstruction, String customerDemand, String problemFound, String measures,
                            Resolution resolution, Boolean operatorAtFault, String returnedBy) {

    /** The same return, made by {@code actor}. */
    public ReturnRequest by(String actor) {
        return new ReturnRequest(reconstruction, customerDemand, problemFound, measures, resolution, operatorAtFault,
                actor);
    }
}
