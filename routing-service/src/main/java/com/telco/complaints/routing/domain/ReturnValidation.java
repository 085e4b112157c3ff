package com.telco.complaints.routing.domain;

import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.TextRule;

import java.util.ArrayList;
import java.util.List;

/**
 * A return must carry the whole result: the four texts (1–4000 characters, no control characters
 * other than line breaks and tabs), the resolution and whether the operator was at fault. Who
 * returned it is optional (the token says who acts); when given, it is one line of at most 100
 * characters.
 */
public final class ReturnValidation {

    public static final int TEXT_MAX = 4000;
    public static final int RETURNED_BY_MAX = 100;

    private ReturnValidation() {}

    public static List<FieldError> errors(ReturnRequest r) {
        List<FieldError> errors = new ArrayList<>();
        TextRule.check(errors, "reconstruction", r.reconstruction(), TEXT_MAX, true, true);
        TextRule.check(errors, "customerDemand", r.customerDemand(), TEXT_MAX, true, true);
        TextRule.check(errors, "problemFound", r.problemFound(), TEXT_MAX, true, true);
        TextRule.check(errors, "measures", r.measures(), TEXT_MAX, true, true);
        if (r.resolution() == null) {
            errors.add(new FieldError("resolution", "is required"));
        }
        if (r.operatorAtFault() == null) {
            errors.add(new FieldError("operatorAtFault", "is required (true or false)"));
        }
        TextRule.check(errors, "returnedBy", r.returnedBy(), RETURNED_BY_MAX, false, false);
        return errors;
    }
}
