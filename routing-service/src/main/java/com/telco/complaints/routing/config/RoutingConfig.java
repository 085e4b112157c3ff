package com.telco.complaints.routing.config;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/** routing-service settings: the departments and dispatch rules in force. Validated at start-up. */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** Departments by id. */
    Map<String, DepartmentConfig> departments();

    /** Dispatch rules by name. */
    Map<String, RuleConfig> rules();

    /**
     * Where complaints no rule matches go; when absent (the default) they wait in the triage queue for an
     * operator, watched by the SLA service's DISPATCH clock.
     */
    Optional<String> fallbackDepartment();

    Redispatch redispatch();

    interface DepartmentConfig {
        String name();

        /** The supervisor desk that takes this department's second attempts. */
        Optional<String> supervisor();
    }

    interface RuleConfig {
        /** Overrides (regulator, key customers) have a higher priority than category × region rules. */
        @WithDefault("0")
        int priority();

        Optional<Category> category();

        Optional<String> region();

        Optional<Channel> channel();

        Optional<CustomerTier> tier();

        Optional<Urgency> urgency();

        String department();
    }

    interface Redispatch {
        /** The desk for attempts from {@link #escalateFromAttempt()} on (and for departments without a supervisor). */
        String escalationDepartment();

        @WithDefault("3")
        int escalateFromAttempt();

        /**
         * The manager hotline (经理热线): the desk a dissatisfied customer is handed to when they do not accept
         * the explanation or their redispatches are used up.
         */
        @WithDefault("manager-hotline")
        String hotlineDepartment();
    }
}
