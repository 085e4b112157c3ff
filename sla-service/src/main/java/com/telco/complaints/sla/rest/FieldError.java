package com.telco.complaints.sla.rest;

/** One wrong request parameter. */
public record FieldError(String field, String message) {}
