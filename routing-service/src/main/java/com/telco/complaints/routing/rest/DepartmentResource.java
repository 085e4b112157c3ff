package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.routing.domain.Department;
import com.telco.complaints.routing.domain.DispatchRule;
import com.telco.complaints.routing.domain.DispatchRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The departments and the dispatch rules in force, in the order they are tried: for any authenticated caller. */
@Path("/departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleView(String name, int priority, String criteria, String department) {}

    /** @param hotlineDepartment the manager hotline, for customers handed over to it */
    public record RedispatchView(String attempt2, String fromAttempt, int escalateFromAttempt,
                                 String escalationDepartment, String hotlineDepartment) {}

    public record DispatchView(List<Department> departments, List<RuleView> rules, String fallbackDepartment,
                               RedispatchView redispatch) {}

    @Inject
    DispatchRules rules;

    @GET
    @RolesAllowed("**")
    @Operation(summary = "The departments and the dispatch rules in force")
    public DispatchView get() {
        List<RuleView> ruleViews = rules.rules().stream()
                .map((DispatchRule r) -> new RuleView(r.name(), r.priority(), r.criteria(), r.department())).toList();
        return new DispatchView(rules.departments(), ruleViews, rules.fallbackDepartment(),
                new RedispatchView("the previous department's supervisor desk", "escalation department",
                        rules.escalateFromAttempt(), rules.escalationDepartment(), rules.hotlineDepartment()));
    }
}
