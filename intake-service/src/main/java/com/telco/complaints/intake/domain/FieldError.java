package com.telco.complaints.intake.domain;

/** One wrong field of a submission, named by its JSON path (e.g. {@code customer.phone}). */
public record FieldError(String field, String message) {}
