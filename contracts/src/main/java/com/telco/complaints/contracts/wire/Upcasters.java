package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The chain of upcasters that lets old events be read forever: version n of a type is rewritten
 * step by step until it reaches the current version.
 */
public final class Upcasters {

    private final Map<EventType, Map<Integer, Upcaster>> steps = new EnumMap<>(EventType.class);

    /** The upcasters of the current code base. */
    public static Upcasters standard() {
        Upcasters upcasters = new Upcasters();
        // v2 of the SLA events knows more clocks (CONTACT, ANSWER, PROGRESS) and an optional sequence:
        // a v1 event is a v2 event as it is.
        for (EventType type : new EventType[] {EventType.SLA_CLOCK_STARTED, EventType.SLA_WARNING_RAISED,
                EventType.SLA_BREACHED}) {
            upcasters.register(type, 1, v1 -> v1);
        }
        // v2 of the registration may carry resolvedAtFirstContact, and v2 of the survey events may leave out the
        // work order (the survey of an answer given at the first contact): a v1 event is a v2 event as it is.
        for (EventType type : new EventType[] {EventType.COMPLAINT_REGISTERED, EventType.SURVEY_PASSED,
                EventType.SURVEY_FAILED, EventType.CUSTOMER_UNREACHABLE}) {
            upcasters.register(type, 1, v1 -> v1);
        }
        // v2 of the return may name faultOf and accountable; v2 of the closing knows the outcome RECORDED: a v1
        // event is a v2 event as it is.
        for (EventType type : new EventType[] {EventType.RETURNED, EventType.COMPLAINT_CLOSED}) {
            upcasters.register(type, 1, v1 -> v1);
        }
        // v3 of the SLA events knows the PROOF clock, v3 of the registration may carry a billingDispute, v2 of the
        // notice knows the incident reasons, may name the incident and may leave out the deadline: an event of the
        // version before is one of these as it is.
        for (EventType type : new EventType[] {EventType.SLA_CLOCK_STARTED, EventType.SLA_WARNING_RAISED,
                EventType.SLA_BREACHED, EventType.COMPLAINT_REGISTERED}) {
            upcasters.register(type, 2, v2 -> v2);
        }
        upcasters.register(EventType.ESCALATION_NOTICE, 1, v1 -> v1);
        return upcasters;
    }

    /** Registers the step that reads {@code fromVersion} of {@code type} as {@code fromVersion + 1}. */
    public Upcasters register(EventType type, int fromVersion, Upcaster step) {
        steps.computeIfAbsent(type, t -> new HashMap<>()).put(fromVersion, step);
        return this;
    }

    /** Rewrites {@code json} of {@code version} into the form of {@code targetVersion}. */
    ObjectNode upcast(EventType type, int version, int targetVersion, ObjectNode json) {
        ObjectNode current = json;
        for (int v = version; v < targetVersion; v++) {
            Upcaster step = steps.getOrDefault(type, Map.of()).get(v);
            if (step == null) {
                throw new EventDecodingException("no upcaster for " + type.ceType(v) + " to v" + (v + 1));
            }
            current = step.upcast(current);
        }
        current.put("schemaVersion", targetVersion);
        return current;
    }
}
