package com.telco.complaints.intake.domain;

import com.telco.complaints.eventing.rest.FieldError;

import java.util.List;

/** The outcome of validating a submission: a draft, or every wrong field. */
public sealed interface Validation {

    record Valid(ComplaintDraft draft) implements Validation {}

    record Invalid(List<FieldError> errors) implements Validation {
        public Invalid {
            errors = List.copyOf(errors);
        }

        /** One line naming every wrong field, for logs and dead-letter reasons. */
        public String summary() {
            return errors.stream().map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("");
        }
    }
}
