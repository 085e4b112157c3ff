package com.telco.complaints.survey.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.survey.domain.AnswerRequest;
import com.telco.complaints.survey.domain.AnswerValidation;
import com.telco.complaints.survey.domain.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an answer body field by field, so that a wrong type is reported like any other wrong field.
 * A field of the wrong type reads as absent, so validation still judges the others.
 */
final class AnswerBody {

    final List<FieldError> typeErrors = new ArrayList<>();
    final AnswerRequest request;
    private boolean object = true;

    AnswerBody(JsonNode json) {
        if (!json.isObject()) {
            typeErrors.add(new FieldError("$", "the body must be a JSON object"));
            object = false;
            request = new AnswerRequest(null, null, null, null, null, null);
            return;
        }
        request = new AnswerRequest(bool(json, "reachable"), bool(json, "satisfied"), text(json, "reason"),
                bool(json, "operatorAtFault"), text(json, "explanation"), text(json, "surveyedBy"));
    }

    /** Every wrong field: the wrong types, then what validation finds in the fields of the right type. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>(typeErrors);
        if (object) {
            Set<String> wrongType = typeErrors.stream().map(FieldError::field).collect(Collectors.toSet());
            // Unknown whether the customer was reached: judge only what every answer needs.
            AnswerRequest judged = wrongType.contains("reachable") ? new AnswerRequest(false, null, null, null, null,
                    request.surveyedBy()) : request;
            AnswerValidation.errors(judged).stream().filter(e -> !wrongType.contains(e.field())).forEach(errors::add);
        }
        return errors;
    }

    private String text(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            typeErrors.add(new FieldError(name, "must be a string"));
            return null;
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
            return null;
        }
        return node.asBoolean();
    }
}
