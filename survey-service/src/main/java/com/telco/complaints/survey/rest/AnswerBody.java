package com.telco.complaints.survey.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.survey.domain.AnswerRequest;
import com.telco.complaints.survey.domain.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Reads an answer body field by field, so that a wrong type is reported like any other wrong field. */
final class AnswerBody {

    final List<FieldError> typeErrors = new ArrayList<>();
    final AnswerRequest request;

    AnswerBody(JsonNode json) {
        if (!json.isObject()) {
            typeErrors.add(new FieldError("$", "the body must be a JSON object"));
            request = new AnswerRequest(null, null, null, null, null, null);
            return;
        }
        request = new AnswerRequest(bool(json, "reachable"), bool(json, "satisfied"), text(json, "reason"),
                bool(json, "operatorAtFault"), text(json, "explanation"), text(json, "surveyedBy"));
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
}
