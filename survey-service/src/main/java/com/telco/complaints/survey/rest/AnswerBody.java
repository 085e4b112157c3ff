package com.telco.complaints.survey.rest;

import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.survey.domain.AnswerRequest;
import com.telco.complaints.survey.domain.AnswerValidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An answer body read field by field: a field of the wrong type is reported like any other wrong
 * field, and reads as absent, so validation still judges the others. Who surveyed is the caller,
 * not the body: a {@code surveyedBy} the body declares is kept apart, to be checked against the
 * token.
 */
final class AnswerBody {

    private final JsonBody body;
    final AnswerRequest request;
    /** The body's own {@code surveyedBy}; null when absent (or not a string). */
    final String declaredSurveyedBy;

    /** @param surveyedBy who answers: the token's subject */
    AnswerBody(JsonBody body, String surveyedBy) {
        this.body = body;
        declaredSurveyedBy = body.isObject() ? body.text("surveyedBy") : null;
        request = !body.isObject() ? new AnswerRequest(null, null, null, null, null, surveyedBy)
                : new AnswerRequest(body.bool("reachable"), body.bool("satisfied"), body.text("reason"),
                        body.bool("operatorAtFault"), body.text("explanation"), surveyedBy, body.bool("accepted"));
    }

    /** Every wrong field: the wrong types, then what validation finds in the fields of the right type. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>(body.typeErrors());
        if (body.isObject()) {
            Set<String> wrongType = body.typeErrors().stream().map(FieldError::field).collect(Collectors.toSet());
            // Unknown whether the customer was reached: judge only what every answer needs.
            AnswerRequest judged = wrongType.contains("reachable") ? new AnswerRequest(false, null, null, null, null,
                    request.surveyedBy()) : request;
            AnswerValidation.errors(judged).stream().filter(e -> !wrongType.contains(e.field())).forEach(errors::add);
        }
        return errors;
    }
}
