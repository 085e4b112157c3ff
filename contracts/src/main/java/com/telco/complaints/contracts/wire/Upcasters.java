package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The chain of upcasters that lets old events be read forever: version n of a type is rewritten
 * step by step until it reaches the current version. Today every event is at version 1 and the
 * chain is empty; the first change of an event's form registers its step here.
 */
public final class Upcasters {

    private final Map<EventType, Map<Integer, Upcaster>> steps = new EnumMap<>(EventType.class);

    /** The upcasters of the current code base. */
    public static Upcasters standard() {
        return new Upcasters();
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
