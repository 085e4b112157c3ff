package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.NoticeReason;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who hears of a work order left open past its return deadline (告警), level by level: each level is a desk (a
 * department) and how long after the deadline it is told. A department climbs the standard ladder unless it has one
 * of its own; the desk {@value #SUPERVISOR} stands for the department's own supervisor desk (the escalation desk for
 * a department without one). Level 1 is told at the breach; a later level when its delay has passed, never before
 * the level below it. Overdue work orders of key customers and of the regulator (12300) are also reported to the
 * management department (企业管理部, seed 000 ZLAL009 (4)).
 */
public final class EscalationLadder {

    /** The most levels a ladder may have (a breach found late decides them all at once). */
    public static final int MOST_LEVELS = 10;

    /** In a ladder: the holding department's supervisor desk. */
    public static final String SUPERVISOR = "supervisor";

    /** One rung as configured: a desk, or {@value #SUPERVISOR}, and its delay after the deadline. */
    public record Step(String desk, Duration after) {}

    /** A rung for one department: the desk resolved. */
    public record Level(int level, String desk, Duration after) {}

    private final List<Step> standard;
    private final Map<String, List<Step>> own;
    private final String managementDepartment;
    private final DispatchRules rules;

    /**
     * @param standard the ladder of every department without one of its own
     * @param own      ladders by department
     * @throws InvalidDispatchConfiguration when a ladder is empty, names an unknown desk or department, or its delays
     *                                      are negative or fall back; or the management department is unknown
     */
    public EscalationLadder(List<Step> standard, Map<String, List<Step>> own, String managementDepartment,
                            DispatchRules rules) {
        this.standard = List.copyOf(standard);
        this.own = Map.copyOf(own);
        this.managementDepartment = managementDepartment;
        this.rules = rules;
        List<String> problems = new ArrayList<>();
        check("routing.escalation.ladder", this.standard, problems);
        this.own.forEach((department, ladder) -> {
            String setting = "routing.departments." + department + ".escalation-ladder";
            if (!rules.knows(department)) {
                problems.add(setting + " is set for unknown department '" + department + "'");
            }
            check(setting, ladder, problems);
        });
        if (!rules.knows(managementDepartment)) {
            problems.add("routing.escalation.management-department names unknown department '"
                    + managementDepartment + "'");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDispatchConfiguration("invalid escalation ladder: " + String.join("; ", problems));
        }
    }

    private void check(String setting, List<Step> ladder, List<String> problems) {
        if (ladder.isEmpty()) {
            problems.add(setting + " has no level");
        }
        if (ladder.size() > MOST_LEVELS) {
            problems.add(setting + " has " + ladder.size() + " levels; at most " + MOST_LEVELS);
        }
        Duration previous = Duration.ZERO;
        for (Step step : ladder) {
            if (!SUPERVISOR.equals(step.desk()) && !rules.knows(step.desk())) {
                problems.add(setting + " names unknown desk '" + step.desk() + "'");
            }
            if (step.after().isNegative() || step.after().compareTo(previous) < 0) {
                problems.add(setting + ": the delay of " + step.desk() + " (" + step.after()
                        + ") must not be negative nor shorter than the level's below it");
            } else {
                previous = step.after();
            }
        }
    }

    /**
     * Reads a ladder setting: desks separated by commas, each with an optional {@code @} and an ISO-8601 delay
     * after the deadline ({@code supervisor, escalation-desk@PT4H}); a desk without one is told at the deadline.
     *
     * @throws InvalidDispatchConfiguration naming the setting when a delay does not parse
     */
    public static List<Step> parse(String setting, String value) {
        List<Step> steps = new ArrayList<>();
        for (String part : Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList()) {
            int at = part.indexOf('@');
            String desk = (at < 0 ? part : part.substring(0, at)).strip();
            try {
                steps.add(new Step(desk, at < 0 ? Duration.ZERO : Duration.parse(part.substring(at + 1).strip())));
            } catch (DateTimeParseException e) {
                throw new InvalidDispatchConfiguration(setting + ": '" + part + "' is not desk@ISO-8601-duration "
                        + "(for example escalation-desk@PT4H)");
            }
        }
        return steps;
    }

    /** The ladder of {@code department}, its desks resolved. */
    public List<Level> levels(String department) {
        List<Step> steps = own.getOrDefault(department, standard);
        List<Level> levels = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String desk = SUPERVISOR.equals(step.desk()) ? rules.supervisorOf(department)
                    .orElse(rules.escalationDepartment()) : step.desk();
            levels.add(new Level(i + 1, desk, step.after()));
        }
        return levels;
    }

    /** Level {@code level} (from 1) of {@code department}'s ladder; empty past its top. */
    public Optional<Level> level(String department, int level) {
        List<Level> levels = levels(department);
        return level >= 1 && level <= levels.size() ? Optional.of(levels.get(level - 1)) : Optional.empty();
    }

    /** Why management must hear of {@code complaint}'s overdue work orders, if it must. */
    public static Optional<NoticeReason> noticeReason(ComplaintRegistered complaint) {
        if (complaint.channel() == Channel.REGULATOR) {
            return Optional.of(NoticeReason.REGULATOR_OVERDUE);
        }
        if (complaint.customer() != null && complaint.customer().tier() == CustomerTier.KEY) {
            return Optional.of(NoticeReason.KEY_CUSTOMER_OVERDUE);
        }
        return Optional.empty();
    }

    /** The department told of overdue key-customer and regulator work orders. */
    public String managementDepartment() {
        return managementDepartment;
    }
}
