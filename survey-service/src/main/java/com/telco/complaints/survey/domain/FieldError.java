package com.telco.complaints.survey.domain;

/** One wrong field of a request, named by its JSON path. */
public record FieldError(String field, String message) {}
