package com.telco.complaints.routing.rest;

import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.routing.domain.ReturnRequest;
import com.telco.complaints.routing.domain.ReturnValidation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a return body field by field, so that a wrong type is reported like any other wrong field. */
final class ReturnBody {

    private final JsonBody body;
    final ReturnRequest request;

    ReturnBody(JsonBody body) {
        this.body = body;
        request = !body.isObject() ? new ReturnRequest(null, null, null, null, null, null, null, null, null)
                : new ReturnRequest(body.text("reconstruction"), body.text("customerDemand"), body.text("problemFound"),
                        body.text("measures"), oneOf("resolution", Resolution.class), body.bool("operatorAtFault"),
                        oneOf("faultOf", FaultParty.class), body.text("accountable"), body.text("returnedBy"));
    }

    List<FieldError> typeErrors() {
        return body.typeErrors();
    }

    /**
     * The return in {@code body}, by {@code caller}: every wrong field a 400 (wrong types first, then the rules of
     * {@link ReturnValidation}), and a returnedBy naming someone other than the caller a 400 of its own.
     */
    static ReturnRequest read(byte[] body, Caller caller) {
        ReturnBody parsed = new ReturnBody(JsonBody.object(body));
        List<FieldError> errors = new ArrayList<>(parsed.typeErrors());
        if (errors.isEmpty()) {
            errors.addAll(ReturnValidation.errors(parsed.request));
        }
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        caller.mustBe("returnedBy", parsed.request.returnedBy());
        return parsed.request.by(caller.subject());
    }

    private <E extends Enum<E>> E oneOf(String field, Class<E> type) {
        String value = body.text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            body.typeErrors().add(new FieldError(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }
}
