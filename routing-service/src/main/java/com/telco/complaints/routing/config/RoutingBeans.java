package com.telco.complaints.routing.config;

import com.telco.complaints.routing.domain.Department;
import com.telco.complaints.routing.domain.DispatchRule;
import com.telco.complaints.routing.domain.DispatchRules;
import com.telco.complaints.routing.domain.EscalationLadder;
import com.telco.complaints.routing.domain.IncidentNotices;
import com.telco.complaints.routing.domain.InvalidDispatchConfiguration;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The domain objects, built from configuration; a bad configuration stops start-up here. */
@ApplicationScoped
public class RoutingBeans {

    /** Built at start-up, so that a configuration naming an unknown department stops the service at once. */
    @Produces
    @Singleton
    @Startup
    DispatchRules dispatchRules(RoutingConfig config) {
        var departments = config.departments().entrySet().stream()
                .map(e -> new Department(e.getKey(), e.getValue().name(), e.getValue().supervisor().orElse(null)))
                .toList();
        var rules = config.rules().entrySet().stream()
                .map(e -> new DispatchRule(e.getKey(), e.getValue().priority(), e.getValue().category(),
                        e.getValue().region(), e.getValue().channel(), e.getValue().tier(), e.getValue().urgency(),
                        e.getValue().department()))
                .toList();
        return new DispatchRules(departments, rules, config.fallbackDepartment().orElse(null),
                config.redispatch().escalationDepartment(), config.redispatch().escalateFromAttempt(),
                config.redispatch().hotlineDepartment(), config.billingDisputes().department());
    }

    /** Built at start-up, so that a ladder naming an unknown desk stops the service at once. */
    @Produces
    @Singleton
    @Startup
    EscalationLadder escalationLadder(RoutingConfig config, DispatchRules rules) {
        Map<String, List<EscalationLadder.Step>> own = new HashMap<>();
        config.departments().forEach((id, department) -> department.escalationLadder().ifPresent(ladder -> own.put(id,
                EscalationLadder.parse("routing.departments." + id + ".escalation-ladder", ladder))));
        return new EscalationLadder(EscalationLadder.parse("routing.escalation.ladder", config.escalation().ladder()),
                own, config.escalation().managementDepartment(), rules);
    }

    /** Built at start-up, so that an emergency group that is not a configured department stops the service at once. */
    @Produces
    @Singleton
    @Startup
    IncidentNotices incidentNotices(RoutingConfig config, DispatchRules rules) {
        String group = config.incidents().emergencyGroup();
        if (!rules.knows(group)) {
            throw new InvalidDispatchConfiguration("routing.incidents.emergency-group names unknown department '"
                    + group + "'");
        }
        if (config.incidents().notifyAbove() < 0) {
            throw new InvalidDispatchConfiguration("routing.incidents.notify-above must not be negative, is "
                    + config.incidents().notifyAbove());
        }
        return new IncidentNotices(config.incidents().notifyAbove(), group);
    }
}
