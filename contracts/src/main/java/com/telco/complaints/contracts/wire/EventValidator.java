package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.ComplaintEvent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a decoded event against the published JSON Schema of its type, so that an incomplete
 * event is refused with the fields it lacks instead of failing later in a consumer. The checks are
 * compiled from the schemas shipped in this jar (required, minLength, pattern, const, minimum,
 * exclusiveMinimum/Maximum, nested objects), and run on the bound record, which costs far less
 * than validating a JSON tree. Types, formats and enums are already enforced by binding.
 */
public final class EventValidator {

    private static final EventValidator STANDARD = new EventValidator();

    private final Map<EventType, ObjectCheck> checks = new EnumMap<>(EventType.class);

    private EventValidator() {
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.open(type)) {
                checks.put(type, ObjectCheck.compile(EventJson.mapper().readTree(in), type.javaClass(), type.ceType()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the schema of " + type.ceType(), e);
            }
        }
    }

    public static EventValidator standard() {
        return STANDARD;
    }

    /** The fields of {@code event} that break its schema, one line each; empty when it is valid. */
    public List<String> violations(ComplaintEvent event) {
        List<String> violations = new ArrayList<>();
        checks.get(EventType.of(event)).check(event, "", violations);
        return violations;
    }

    /** The required fields that {@code json}, an event of {@code type} that did not bind, lacks or has as null. */
    List<String> missing(EventType type, JsonNode json) {
        List<String> missing = new ArrayList<>();
        for (PropertyCheck property : checks.get(type).properties()) {
            JsonNode value = json.path(property.name());
            if (property.required() && (value.isMissingNode() || value.isNull())) {
                missing.add(property.name() + ": is required");
            }
        }
        return missing;
    }

    /** @throws InvalidEventException naming every broken field */
    public void validate(String ceType, ComplaintEvent event) {
        List<String> violations = violations(event);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(ceType, violations);
        }
    }

    /** The checks of one property of a schema object. */
    private record PropertyCheck(String name, Method accessor, boolean required, Integer minLength, Pattern pattern,
                                 JsonNode constant, Double minimum, Double exclusiveMinimum, Double exclusiveMaximum,
                                 ObjectCheck nested) {

        void check(Object owner, String path, List<String> violations) {
            Object value;
            try {
                value = accessor.invoke(owner);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("reading " + name + " of " + owner.getClass().getSimpleName(), e);
            }
            String where = path + name;
            if (value == null) {
                if (required) {
                    violations.add(where + ": is required");
                }
                return;
            }
            if (value instanceof String text) {
                if (minLength != null && text.codePointCount(0, text.length()) < minLength) {
                    violations.add(where + (minLength == 1 ? ": must not be empty" : ": must have at least " + minLength
                            + " characters"));
                }
                if (pattern != null && !pattern.matcher(text).find()) {
                    violations.add(where + ": must match " + pattern.pattern());
                }
            }
            if (value instanceof Number number) {
                double n = number.doubleValue();
                if (constant != null && constant.isNumber() && n != constant.asDouble()) {
                    violations.add(where + ": must be " + constant.asText());
                }
                if (minimum != null && n < minimum) {
                    violations.add(where + ": must be at least " + format(minimum));
                }
                if (exclusiveMinimum != null && n <= exclusiveMinimum) {
                    violations.add(where + ": must be more than " + format(exclusiveMinimum));
                }
                if (exclusiveMaximum != null && n >= exclusiveMaximum) {
                    violations.add(where + ": must be less than " + format(exclusiveMaximum));
                }
            }
            if (nested != null) {
                nested.check(value, where + ".", violations);
            }
        }

        private static String format(double n) {
            return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
        }
    }

    /** The checks of a schema object, bound to the record class that carries it. */
    private record ObjectCheck(List<PropertyCheck> properties) {

        static ObjectCheck compile(JsonNode schema, Class<?> recordClass, String where) {
            if (!recordClass.isRecord()) {
                throw new IllegalStateException(where + ": an object in the schema is not a record in Java ("
                        + recordClass.getName() + ")");
            }
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            List<PropertyCheck> properties = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                JsonNode p = property.getValue();
                RecordComponent component = component(recordClass, name, where);
                ObjectCheck nested = "object".equals(p.path("type").asText())
                        ? compile(p, component.getType(), where + "." + name) : null;
                properties.add(new PropertyCheck(name, component.getAccessor(), required.contains(name),
                        p.has("minLength") ? p.get("minLength").asInt() : null,
                        p.has("pattern") ? Pattern.compile(p.get("pattern").asText()) : null,
                        p.get("const"),
                        number(p, "minimum"), number(p, "exclusiveMinimum"), number(p, "exclusiveMaximum"), nested));
            }
            return new ObjectCheck(List.copyOf(properties));
        }

        void check(Object value, String path, List<String> violations) {
            for (PropertyCheck property : properties) {
                property.check(value, path, violations);
            }
        }

        private static RecordComponent component(Class<?> recordClass, String name, String where) {
            for (RecordComponent c : recordClass.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    c.getAccessor().setAccessible(true);
                    return c;
                }
            }
            throw new IllegalStateException(where + ": the schema names " + name + ", which "
                    + recordClass.getSimpleName() + " does not have");
        }

        private static Double number(JsonNode p, String keyword) {
            return p.has(keyword) ? p.get(keyword).asDouble() : null;
        }
    }
}
