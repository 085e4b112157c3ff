package com.telco.complaints.routing.domain;

import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.TextRule;

import java.util.ArrayList;
import java.util.List;

/**
 * A return must carry the whole result: the four texts (1–4000 characters, no control characters
 * other than line breaks and tabs), the resolution and whether the operator was at fault, stated as
 * {@code operatorAtFault} or implied by {@code faultOf} (both given, they must agree: a department or the
 * customer-service centre is the operator). Who is accountable is optional, one line of at most 200 characters.
 * Who returned it is optional (the token says who acts); when given, it is one line of at most 100
 * characters.
 */
public final class ReturnValidation {

    public static final int TEXT_MAX = 4000;
    public static final int RETURNED_BY_MAX = 100;
    public static final int ACCOUNTABLE_MAX = 200;

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
        if (r.operatorAtFault() == null && r.faultOf() == null) {
            errors.add(new FieldError("operatorAtFault", "is required (true or false) unless faultOf says who was at fault"));
        } else if (r.operatorAtFault() != null && r.faultOf() != null && r.operatorAtFault() != r.faultOf().operators()) {
            errors.add(new FieldError("operatorAtFault", "is " + r.operatorAtFault() + " but faultOf " + r.faultOf()
                    + (r.faultOf().operators() ? " is the operator's" : " is not the operator's")));
        }
        TextRule.check(errors, "accountable", r.accountable(), ACCOUNTABLE_MAX, false, false);
        TextRule.check(errors, "returnedBy", r.returnedBy(), RETURNED_BY_MAX, false, false);
        return errors;
    }
}
