package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.eventing.rest.RequestProblems;

import java.time.Instant;

/**
 * An operator dispatches a complaint no rule fitted (the operator procedures' 派单, within T3): only a
 * complaint waiting in the triage queue, to a configured department. The work order is the one a rule
 * would have made (attempt 1, the same id), with the rule {@value #RULE} and the operator as its actor.
 */
public final class Triage {

    public static final String RULE = "triage";

    /** The complaint is not waiting for triage (dispatched already, or never triaged). */
    public static final class NotInTriage extends RequestProblems.Conflict {
        public NotInTriage(String message) {
            super("not-in-triage", "Not waiting for triage", message);
        }
    }

    private Triage() {}

    /**
     * @throws NotInTriage when the case is not waiting in the triage queue
     */
    public static Dispatched dispatch(CaseState state, String department, String operator, Instant now,
                                      String causationId) {
        if (state.status() != CaseStatus.TRIAGE) {
            throw new NotInTriage("Complaint " + state.complaintId() + " is " + state.status()
                    + (state.currentWorkOrder().isPresent()
                    ? " (work order " + state.currentWorkOrder().get().dispatchId() + " at "
                            + state.currentWorkOrder().get().department() + ")" : "")
                    + "; only a complaint waiting for triage is dispatched by hand");
        }
        return RoutingDecisions.dispatched(state.complaintId(), now, causationId, operator,
                new DispatchChoice(department, RULE));
    }
}
