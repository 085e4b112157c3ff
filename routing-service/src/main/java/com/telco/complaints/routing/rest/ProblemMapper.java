package com.telco.complaints.routing.rest;

import com.telco.complaints.eventing.rest.Problem;
import com.telco.complaints.routing.domain.Returns;
import com.telco.complaints.routing.domain.Transfers;
import com.telco.complaints.routing.domain.Triage;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** routing's own refusals as application/problem+json; every other failure is mapped by the eventing library. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response notOpen(Returns.WorkOrderNotOpen e) {
        return Problem.of("work-order-not-open", "Work order not open", 409, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response transferRefused(Transfers.TransferRefused e) {
        return Problem.of("transfer-refused", "Work order cannot be transferred", 409, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notInTriage(Triage.NotInTriage e) {
        return Problem.of("not-in-triage", "Not waiting for triage", 409, e.getMessage()).toResponse();
    }
}
