package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.routing.domain.Triage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An operator dispatches a complaint from the triage queue ({@link OneDecision}): only a complaint still
 * waiting; of two operators racing, the second finds it dispatched.
 */
@ApplicationScoped
public class Triaging {

    /** No such complaint. */
    public static final class ComplaintNotFound extends RequestProblems.NotFound {
        public ComplaintNotFound(String complaintId) {
            super("No complaint " + complaintId);
        }
    }

    @Inject
    OneDecision decisions;
    @Inject
    MeterRegistry meters;

    /**
     * @param department a configured department (the caller checked)
     * @param operator   who dispatches: the token's subject
     * @throws ComplaintNotFound   for a complaint routing has not seen
     * @throws Triage.NotInTriage  when it is not waiting for triage
     */
    public Dispatched dispatch(String complaintId, String department, String operator, String causationId) {
        Dispatched dispatched = decisions.decide(complaintId, () -> new ComplaintNotFound(complaintId),
                (state, now) -> Triage.dispatch(state, department, operator, now, causationId), Triage.NotInTriage::new);
        meters.counter("routing.triage.dispatched", "department", dispatched.department()).increment();
        return dispatched;
    }
}
