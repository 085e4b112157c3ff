package com.telco.complaints.survey.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.survey.domain.ContactRequest;
import com.telco.complaints.survey.domain.Contacts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A contact body read field by field: a field of the wrong type or form is reported like any other
 * wrong field and reads as absent, so that validation still judges the others. Who made the contact
 * is the caller; a {@code contactedBy} the body declares is kept apart, to be checked against the token.
 */
final class ContactBody {

    private final JsonBody body;
    private final List<FieldError> formErrors = new ArrayList<>();
    final ContactRequest request;
    /** The body's own {@code contactedBy}; null when absent (or not a string). */
    final String declaredContactedBy;

    /** @param contactedBy who made the contact: the token's subject */
    ContactBody(JsonBody body, String contactedBy) {
        this.body = body;
        if (!body.isObject()) {
            declaredContactedBy = null;
            request = new ContactRequest(null, null, null, null, null, null, contactedBy);
            return;
        }
        declaredContactedBy = body.text("contactedBy");
        request = new ContactRequest(oneOf("kind", ContactKind.class), oneOf("channel", ContactChannel.class),
                body.bool("reached"), body.text("summary"), instant("agreedNextContactBy"), answer(), contactedBy);
    }

    /** Every wrong field: the wrong types and forms, then what validation finds in the fields of the right type. */
    List<FieldError> errors(Instant now) {
        List<FieldError> errors = new ArrayList<>(body.typeErrors());
        errors.addAll(formErrors);
        if (body.isObject()) {
            Set<String> wrong = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            Contacts.errors(request, now).stream()
                    .filter(e -> !wrong.contains(e.field()) && !(e.field().startsWith("answer") && wrong.contains("answer")))
                    .forEach(errors::add);
        }
        return errors;
    }

    private <E extends Enum<E>> E oneOf(String field, Class<E> type) {
        String text = body.text(field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            formErrors.add(new FieldError(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private Instant instant(String field) {
        String text = body.text(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            formErrors.add(new FieldError(field, "must be an ISO-8601 date and time with its offset, "
                    + "e.g. 2026-11-27T10:00:00+08:00"));
            return null;
        }
    }

    private FinalAnswer answer() {
        JsonNode answer = body.json().get("answer");
        if (answer == null || answer.isNull()) {
            return null;
        }
        if (!answer.isObject()) {
            formErrors.add(new FieldError("answer", "must be an object with cause, process and solution"));
            return null;
        }
        return new FinalAnswer(text(answer, "cause"), text(answer, "process"), text(answer, "solution"));
    }

    private String text(JsonNode answer, String name) {
        JsonNode node = answer.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            formErrors.add(new FieldError("answer." + name, "must be a string"));
            return null;
        }
        return node.asText();
    }
}
