package com.telco.complaints.routing.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.routing.domain.FieldError;
import com.telco.complaints.routing.domain.ReturnRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a return body field by field, so that a wrong type is reported like any other wrong field. */
final class ReturnBody {

    final List<FieldError> typeErrors = new ArrayList<>();
    final ReturnRequest request;

    ReturnBody(JsonNode json) {
        if (!json.isObject()) {
            typeErrors.add(new FieldError("$", "the body must be a JSON object"));
            request = new ReturnRequest(null, null, null, null, null, null, null);
            return;
        }
        request = new ReturnRequest(text(json, "reconstruction"), text(json, "customerDemand"),
                text(json, "problemFound"), text(json, "measures"), resolution(json), bool(json, "operatorAtFault"),
                text(json, "returnedBy"));
    }

    private String text(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            typeErrors.add(new FieldError(name, "must be a string"));
            return "";
        }
        return node.asText();
    }

    private Boolean bool(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            typeErrors.add(new FieldError(name, "must be true or false"));
            return false;
        }
        return node.asBoolean();
    }

    private Resolution resolution(JsonNode json) {
        JsonNode node = json.get("resolution");
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Resolution.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            typeErrors.add(new FieldError("resolution", "must be one of " + Arrays.stream(Resolution.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return Resolution.RESOLVED;
        }
    }
}
