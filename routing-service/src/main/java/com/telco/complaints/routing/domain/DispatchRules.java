package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.ComplaintRegistered;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which department gets a work order (DOMAIN.md §2): by the dispatch rules for a first dispatch (a
 * complaint no rule fits goes to the fallback department when one is configured, else to triage),
 * and for a redispatch the previous department's supervisor desk at attempt 2 and the escalation
 * desk from attempt {@code escalateFromAttempt} on. A complaint that disputes a service provider's charge (seed 004)
 * goes to the billing-disputes department whatever the rules say: only billing records the provider's proof.
 */
public final class DispatchRules {

    public static final String FALLBACK_RULE = "fallback";
    public static final String BILLING_DISPUTE_RULE = "billing-dispute";

    private static final Comparator<DispatchRule> PRECEDENCE = Comparator
            .comparingInt(DispatchRule::priority).reversed()
            .thenComparing(Comparator.comparingInt(DispatchRule::specificity).reversed())
            .thenComparing(DispatchRule::name);

    private final Map<String, Department> departments;
    private final List<DispatchRule> rules;
    private final String fallbackDepartment;
    private final String escalationDepartment;
    private final int escalateFromAttempt;
    private final String hotlineDepartment;
    private final String billingDisputeDepartment;

    /**
     * @param fallbackDepartment       where complaints no rule fits go; null: to triage
     * @param billingDisputeDepartment where complaints that dispute a service provider's charge go
     * @throws InvalidDispatchConfiguration when a rule, supervisor, the fallback, the escalation desk or the
     *                                       billing-disputes department names a department that is not configured
     */
    public DispatchRules(List<Department> departments, List<DispatchRule> rules, String fallbackDepartment,
                         String escalationDepartment, int escalateFromAttempt, String hotlineDepartment,
                         String billingDisputeDepartment) {
        this.departments = departments.stream().collect(Collectors.toUnmodifiableMap(Department::id, Function.identity()));
        List<DispatchRule> ordered = new ArrayList<>(rules);
        ordered.sort(PRECEDENCE);
        this.rules = List.copyOf(ordered);
        this.fallbackDepartment = fallbackDepartment;
        this.escalationDepartment = escalationDepartment;
        this.escalateFromAttempt = escalateFromAttempt;
        this.hotlineDepartment = hotlineDepartment;
        this.billingDisputeDepartment = billingDisputeDepartment;
        validate();
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        for (DispatchRule rule : rules) {
            requireKnown(rule.department(), "routing.rules." + rule.name() + ".department", problems);
        }
        for (Department department : departments.values()) {
            if (department.supervisor() != null) {
                requireKnown(department.supervisor(), "routing.departments." + department.id() + ".supervisor", problems);
            }
        }
        if (fallbackDepartment != null) {
            requireKnown(fallbackDepartment, "routing.fallback-department", problems);
        }
        requireKnown(escalationDepartment, "routing.redispatch.escalation-department", problems);
        requireKnown(hotlineDepartment, "routing.redispatch.hotline-department", problems);
        requireKnown(billingDisputeDepartment, "routing.billing-disputes.department", problems);
        if (escalateFromAttempt < 2) {
            problems.add("routing.redispatch.escalate-from-attempt must be at least 2, is " + escalateFromAttempt);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDispatchConfiguration("invalid dispatch configuration: " + String.join("; ", problems)
                    + " (known departments: " + new TreeSet<>(departments.keySet()) + ")");
        }
    }

    private void requireKnown(String id, String setting, List<String> problems) {
        if (id == null || !departments.containsKey(id)) {
            problems.add(setting + " names unknown department '" + id + "'");
        }
    }

    /**
     * The department for the first work order of a complaint; empty when no rule fits and no fallback is
     * configured: the complaint waits for triage.
     */
    public Optional<DispatchChoice> choose(ComplaintRegistered complaint) {
        if (complaint.billingDispute() != null) {
            return Optional.of(new DispatchChoice(billingDisputeDepartment, BILLING_DISPUTE_RULE));
        }
        return orFallback(rules.stream().filter(rule -> rule.matches(complaint)).findFirst()
                .map(rule -> new DispatchChoice(rule.department(), rule.name())));
    }

    /**
     * The department the rules choose for a category in a region, whoever complains: the most specific rule that
     * sets no channel, tier or urgency (the department an outage incident of that region and category goes to);
     * empty when none fits and no fallback is configured.
     */
    public Optional<DispatchChoice> chooseFor(Category category, String region) {
        return orFallback(rules.stream().filter(rule -> rule.channel().isEmpty() && rule.tier().isEmpty()
                        && rule.urgency().isEmpty() && rule.category().map(c -> c == category).orElse(true)
                        && rule.region().map(r -> r.equalsIgnoreCase(region)).orElse(true)).findFirst()
                .map(rule -> new DispatchChoice(rule.department(), rule.name())));
    }

    private Optional<DispatchChoice> orFallback(Optional<DispatchChoice> chosen) {
        if (chosen.isPresent() || fallbackDepartment == null) {
            return chosen;
        }
        return Optional.of(new DispatchChoice(fallbackDepartment, FALLBACK_RULE));
    }

    /** Why no rule fits {@code complaint}, in the terms rules use. */
    public static String noRuleFits(ComplaintRegistered complaint) {
        return "no dispatch rule fits category=" + complaint.category() + ", region=" + complaint.region()
                + ", channel=" + complaint.channel() + ", tier="
                + (complaint.customer() == null ? null : complaint.customer().tier()) + ", urgency=" + complaint.urgency();
    }

    /** What is wrong with {@code department} as the department a request names, if anything. */
    public Optional<String> problemWith(String department) {
        if (department == null || department.isBlank()) {
            return Optional.of("is required");
        }
        return knows(department) ? Optional.empty()
                : Optional.of("is not a configured department (see GET /departments)");
    }

    /** Whether {@code id} is a configured department. */
    public boolean knows(String id) {
        return id != null && departments.containsKey(id);
    }

    /** The department for work order {@code attempt} (2, 3, …) after one at {@code previousDepartment}. */
    public DispatchChoice redispatch(String previousDepartment, int attempt) {
        if (attempt >= escalateFromAttempt) {
            return new DispatchChoice(escalationDepartment, "redispatch.attempt-" + attempt + ".escalation");
        }
        Department previous = departments.get(previousDepartment);
        if (previous != null && previous.supervisor() != null) {
            return new DispatchChoice(previous.supervisor(), "redispatch.attempt-" + attempt + ".supervisor");
        }
        return new DispatchChoice(escalationDepartment, "redispatch.attempt-" + attempt + ".no-supervisor");
    }

    /** The supervisor desk of {@code department}, if it has one. */
    public Optional<String> supervisorOf(String department) {
        return Optional.ofNullable(departments.get(department)).map(Department::supervisor);
    }

    /** The manager hotline's work order, for a customer handed over to it. */
    public DispatchChoice handover() {
        return new DispatchChoice(hotlineDepartment, HANDOVER_RULE);
    }

    public static final String HANDOVER_RULE = "handover.manager-hotline";

    public String hotlineDepartment() {
        return hotlineDepartment;
    }

    /** Where complaints that dispute a service provider's charge go. */
    public String billingDisputeDepartment() {
        return billingDisputeDepartment;
    }

    public List<Department> departments() {
        return departments.values().stream().sorted(Comparator.comparing(Department::id)).toList();
    }

    /** The rules in the order they are tried. */
    public List<DispatchRule> rules() {
        return rules;
    }

    /** Null when complaints no rule fits go to triage. */
    public String fallbackDepartment() {
        return fallbackDepartment;
    }

    public String escalationDepartment() {
        return escalationDepartment;
    }

    public int escalateFromAttempt() {
        return escalateFromAttempt;
    }
}
