package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.TextRule;
import com.telco.complaints.routing.Declaring.Declaration;
import com.telco.complaints.routing.domain.DispatchRules;
import com.telco.complaints.routing.domain.Incident;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an incident's declaration field by field, every wrong field listed: region (one line, at most 64
 * characters), category, title (one line, at most 200), faultDescription (at most 4000), estimatedRepairAt (an
 * ISO-8601 date-time with its offset, in the future), department (optional: the one the dispatch rules choose for the
 * category in the region), and which complaints it gathers: either {@code match} (a window of registration time,
 * {@code from} and optionally {@code to}, later, spanning at most the configured longest window) or
 * {@code complaintIds} (1 to 1000 complaint numbers), not both.
 */
final class IncidentBody {

    static final int REGION_MAX = 64;
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 4000;
    static final int MOST_LISTED = 1000;
    private static final Pattern COMPLAINT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final JsonBody body;
    private final List<FieldError> errors;

    IncidentBody(JsonBody body) {
        this.body = body;
        this.errors = new ArrayList<>();
    }

    /**
     * The declaration, or null when a field is wrong ({@link #errors}).
     *
     * @param longestWindow the longest window of registration time a match may span (from to its {@code to}, or to
     *                      {@code now})
     */
    Declaration read(DispatchRules rules, Instant now, Duration longestWindow) {
        if (!body.isObject()) {
            errors.addAll(body.typeErrors());
            return null;
        }
        String region = body.text("region");
        Category category = category();
        String title = body.text("title");
        String fault = body.text("faultDescription");
        String department = body.text("department");
        Instant estimate = dateTime(body.json().get("estimatedRepairAt"), "estimatedRepairAt", true);
        Incident.Match match = match(now, longestWindow);
        Set<String> wrongType = body.typeErrors().stream().map(FieldError::field).collect(Collectors.toSet());
        errors.addAll(0, body.typeErrors());
        if (wrongType.contains("region") || wrongType.contains("department")) {
            return null;
        }
        TextRule.check(errors, "region", region, REGION_MAX, false, true);
        if (!wrongType.contains("title")) {
            TextRule.check(errors, "title", title, TITLE_MAX, false, true);
        }
        if (!wrongType.contains("faultDescription")) {
            TextRule.check(errors, "faultDescription", fault, TEXT_MAX, true, true);
        }
        if (estimate != null && !estimate.isAfter(now)) {
            errors.add(new FieldError("estimatedRepairAt", "must be in the future"));
        }
        if (department != null) {
            rules.problemWith(department).ifPresent(problem -> errors.add(new FieldError("department", problem)));
        } else if (category != null && region != null && !region.isBlank()) {
            department = rules.chooseFor(category, region.strip()).map(c -> c.department()).orElse(null);
            if (department == null) {
                errors.add(new FieldError("department", "is required: no dispatch rule fits category=" + category
                        + ", region=" + region.strip()));
            }
        }
        return errors.isEmpty() ? new Declaration(region.strip(), category, title, fault, estimate, department, match)
                : null;
    }

    List<FieldError> errors() {
        return errors;
    }

    private Category category() {
        String value = body.text("category");
        if (value == null) {
            if (body.json().get("category") == null || body.json().get("category").isNull()) {
                errors.add(new FieldError("category", "is required"));
            }
            return null;
        }
        try {
            return Category.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("category", "must be one of " + Arrays.stream(Category.values()).map(Enum::name)
                    .collect(Collectors.joining(", "))));
            return null;
        }
    }

    private Incident.Match match(Instant now, Duration longestWindow) {
        JsonNode window = body.json().get("match");
        JsonNode listed = body.json().get("complaintIds");
        boolean hasWindow = window != null && !window.isNull();
        boolean hasList = listed != null && !listed.isNull();
        if (hasWindow == hasList) {
            errors.add(new FieldError(hasWindow ? "complaintIds" : "match", "give either match (a window of "
                    + "registration time: from, to) or complaintIds (the complaints), " + (hasWindow ? "not both" : "one of them")));
            return null;
        }
        return hasWindow ? window(window, now, longestWindow) : listed(listed);
    }

    private Incident.Match window(JsonNode window, Instant now, Duration longestWindow) {
        if (!window.isObject()) {
            errors.add(new FieldError("match", "must be an object: { from, to }"));
            return null;
        }
        Instant from = dateTime(window.get("from"), "match.from", true);
        Instant to = dateTime(window.get("to"), "match.to", false);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError("match.to", "must be after match.from"));
        } else if (from != null && Duration.between(from, to == null ? now : to).compareTo(longestWindow) > 0) {
            errors.add(new FieldError("match.from", "the window may span at most " + longestWindow
                    + " (from match.from to match.to, or to now without match.to): declare one incident per window, "
                    + "or list the complaints"));
        }
        return from == null ? null : Incident.Match.window(from, to);
    }

    private Incident.Match listed(JsonNode listed) {
        if (!listed.isArray() || listed.isEmpty() || listed.size() > MOST_LISTED) {
            errors.add(new FieldError("complaintIds", "must be an array of 1 to " + MOST_LISTED + " complaint numbers"));
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            JsonNode id = listed.get(i);
            if (!id.isTextual() || !COMPLAINT_ID.matcher(id.asText()).matches()) {
                errors.add(new FieldError("complaintIds[" + i + "]", "not a complaint number: letters, digits, - and _, "
                        + "at most 64 characters"));
            } else {
                ids.add(id.asText());
            }
        }
        return Incident.Match.listed(ids);
    }

    /** An ISO-8601 date-time with its offset ({@code 2026-12-01T18:00:00+08:00}, or {@code Z}). */
    static Instant dateTime(JsonNode node, String field, boolean required, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            if (!node.isTextual()) {
                throw new DateTimeParseException("not text", node.toString(), 0);
            }
            Instant at = OffsetDateTime.parse(node.asText()).toInstant();
            if (at.getEpochSecond() < 0 || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                errors.add(new FieldError(field, "must lie between 1970 and 9999"));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with its offset, such as "
                    + "2026-12-01T18:00:00+08:00"));
            return null;
        }
    }

    private Instant dateTime(JsonNode node, String field, boolean required) {
        return dateTime(node, field, required, errors);
    }
}
