package com.telco.complaints.eventing.rest;

/** One wrong field of a request, named by its JSON path, header or query parameter. */
public record FieldError(String field, String message) {}
