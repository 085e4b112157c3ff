package com.telco.complaints.routing.config;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
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

    Escalation escalation();

    Incidents incidents();

    BillingDisputes billingDisputes();

    interface DepartmentConfig {
        String name();

        /** The supervisor desk that takes this department's second attempts. */
        Optional<String> supervisor();

        /** The department's own escalation ladder ({@code desk@delay, …}); the standard one when absent. */
        Optional<String> escalationLadder();
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

    /** What happens to a work order left open past its RETURN clock's warning and deadline. */
    interface Escalation {
        /**
         * The standard ladder: desks separated by commas, each with an optional ISO-8601 delay after the
         * deadline ({@code supervisor, escalation-desk@PT4H}); {@code supervisor} is the holding department's own.
         */
        @WithDefault("supervisor, escalation-desk@PT4H")
        String ladder();

        /** The department told of overdue key-customer and regulator work orders (企业管理部). */
        @WithDefault("enterprise-management")
        String managementDepartment();

        /** How often the escalation watch looks for levels falling due after the deadline. */
        @WithDefault("PT30S")
        Duration watchInterval();

        /** Cases escalated per transaction of the watch. */
        @WithDefault("100")
        int batchSize();
    }

    /** Outage incidents (seed 002, 应急处置). */
    interface Incidents {
        /** How many linked complaints an incident may gather before the emergency leadership group hears of it. */
        @WithDefault("20")
        int notifyAbove();

        /** The emergency leadership group (应急领导小组): a configured department, told of large incidents and key customers. */
        @WithDefault("emergency-leadership")
        String emergencyGroup();

        /** The business time zone: incidents are numbered per business day in it ({@code INC-20261201-0001}). */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /**
         * The longest window of registration time a declaration may gather (match.from to match.to, or to now): the
         * declaration locks every case of it that may join, in one transaction.
         */
        @WithDefault("P31D")
        Duration longestWindow();
    }

    /** Complaints that dispute a service provider's charge (seed 004). */
    interface BillingDisputes {
        /** Where they are dispatched, whatever the rules say: the department that records the provider's proof. */
        @WithDefault("billing")
        String department();
    }
}
