package com.telco.complaints.contracts.wire;

import java.util.List;

/** A record whose data breaks the JSON Schema of its type: every broken field is named. */
public class InvalidEventException extends EventDecodingException {

    private final List<String> violations;

    public InvalidEventException(String ceType, List<String> violations) {
        super(ceType + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** One line per broken field, e.g. {@code customer: is required}. */
    public List<String> violations() {
        return violations;
    }
}
