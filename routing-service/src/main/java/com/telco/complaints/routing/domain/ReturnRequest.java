package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Resolution;

/** A department's return of a work order: the structured result of seed 001 (回单). */
public record ReturnRequest(String reconstruction, String customerDemand, String problemFound, String measures,
                            Resolution resolution, Boolean operatorAtFault, String returnedBy) {}
