package com.telco.complaints.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.ExternalRef;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.eventing.rest.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a submitted complaint field by field and reports every wrong field at once, so that a
 * publishing system fixes its request in one round. Text is kept exactly as sent (Chinese,
 * emoji and all) apart from trimming; control characters and broken Unicode are refused.
 */
public final class SubmissionValidator {

    public static final int DESCRIPTION_MAX = 4000;
    public static final int DEMAND_MAX = 2000;
    public static final int RESOLUTION_MAX = 2000;
    public static final int NAME_MAX = 100;
    public static final int SUBCATEGORY_MAX = 100;
    public static final int CONTACT_MAX = 200;
    public static final int EXTERNAL_SYSTEM_MAX = 64;
    public static final int EXTERNAL_ID_MAX = 128;

    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    /** Collects the errors of one submission while its fields are read. */
    private static final class Reader {
        final List<FieldError> errors = new ArrayList<>();

        void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        String text(JsonNode parent, String name, String path, boolean required, int max, boolean multiLine) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!node.isTextual()) {
                error(path, "must be a string");
                return null;
            }
            String value = node.asText().strip();
            if (value.isEmpty()) {
                if (required) {
                    error(path, "must not be blank");
                }
                return null;
            }
            String problem = textProblem(value, multiLine);
            if (problem != null) {
                error(path, problem);
                return null;
            }
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                error(path, "must be at most " + max + " characters (is " + length + ")");
                return null;
            }
            return value;
        }

        <E extends Enum<E>> E enumValue(JsonNode parent, String name, String path, Class<E> type, E fallback) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (fallback == null) {
                    error(path, "is required");
                }
                return fallback;
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (!node.isTextual()) {
                error(path, "must be one of " + allowed);
                return null;
            }
            try {
                return Enum.valueOf(type, node.asText());
            } catch (IllegalArgumentException e) {
                error(path, "must be one of " + allowed + " (was '" + printable(node.asText()) + "')");
                return null;
            }
        }

        JsonNode object(JsonNode parent, String name, String path, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!node.isObject()) {
                error(path, "must be an object");
                return null;
            }
            return node;
        }
    }

    public Validation validate(JsonNode body) {
        Reader in = new Reader();
        if (body == null || !body.isObject()) {
            in.error("$", "the body must be a JSON object");
            return new Validation.Invalid(in.errors);
        }
        Channel channel = in.enumValue(body, "channel", "channel", Channel.class, null);
        Category category = in.enumValue(body, "category", "category", Category.class, null);
        String subcategory = in.text(body, "subcategory", "subcategory", false, SUBCATEGORY_MAX, false);
        Urgency urgency = in.enumValue(body, "urgency", "urgency", Urgency.class, Urgency.NORMAL);
        String region = in.text(body, "region", "region", true, 32, false);
        if (region != null && !REGION.matcher(region).matches()) {
            in.error("region", "must be a region code of letters, digits, '-' or '_' (e.g. TZ-HL)");
            region = null;
        }
        Customer customer = customer(in, in.object(body, "customer", "customer", true));
        String description = in.text(body, "description", "description", true, DESCRIPTION_MAX, true);
        String demand = in.text(body, "demand", "demand", false, DEMAND_MAX, true);
        ExternalRef externalRef = externalRef(in, in.object(body, "externalRef", "externalRef", false));
        FirstContactResolution resolved = resolution(in,
                in.object(body, "resolvedAtFirstContact", "resolvedAtFirstContact", false));

        if (!in.errors.isEmpty()) {
            return new Validation.Invalid(in.errors);
        }
        return new Validation.Valid(new ComplaintDraft(channel, category, subcategory, urgency,
                region.toUpperCase(Locale.ROOT), customer, description, demand, externalRef, resolved));
    }

    /** Resolved during the first contact (即时处理): what was done and what the customer was told, both required. */
    private static FirstContactResolution resolution(Reader in, JsonNode node) {
        if (node == null) {
            return null;
        }
        String measures = in.text(node, "measures", "resolvedAtFirstContact.measures", true, RESOLUTION_MAX, true);
        String explanation = in.text(node, "explanation", "resolvedAtFirstContact.explanation", true, RESOLUTION_MAX,
                true);
        return measures == null || explanation == null ? null : new FirstContactResolution(measures, explanation);
    }

    private static Customer customer(Reader in, JsonNode node) {
        if (node == null) {
            return null;
        }
        String name = in.text(node, "name", "customer.name", true, NAME_MAX, false);
        String rawPhone = in.text(node, "phone", "customer.phone", true, 32, false);
        String phone = null;
        if (rawPhone != null) {
            phone = PhoneNumbers.normalize(rawPhone).orElse(null);
            if (phone == null) {
                in.error("customer.phone", "must be a Chinese mobile number (11 digits starting with 1, optionally "
                        + "+86 or 0086) or a fixed-line number with its area code (e.g. 010-12345678)");
            }
        }
        CustomerTier tier = in.enumValue(node, "tier", "customer.tier", CustomerTier.class, CustomerTier.STANDARD);
        String contact = in.text(node, "contact", "customer.contact", false, CONTACT_MAX, false);
        return new Customer(name, phone, tier, contact);
    }

    private static ExternalRef externalRef(Reader in, JsonNode node) {
        if (node == null) {
            return null;
        }
        String system = in.text(node, "system", "externalRef.system", true, EXTERNAL_SYSTEM_MAX, false);
        String id = in.text(node, "id", "externalRef.id", true, EXTERNAL_ID_MAX, false);
        return new ExternalRef(system, id);
    }

    /**
     * Why a text is refused, or null: control characters (line breaks and tabs are allowed in
     * multi-line fields) and lone surrogates, which no character encoding can carry.
     */
    static String textProblem(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains broken Unicode (a lone surrogate at position " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains broken Unicode (a lone surrogate at position " + i + ")";
            }
            boolean allowedWhitespace = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if (Character.getType(c) == Character.CONTROL && !allowedWhitespace) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ") at position " + i;
            }
        }
        return null;
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return textProblem(cut, false) == null ? cut : "?";
    }
}
