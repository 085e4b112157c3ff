package com.telco.complaints.analytics.rest;

/** One wrong field of a request, named by its query parameter or JSON path. */
public record FieldError(String field, String message) {}
