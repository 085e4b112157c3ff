package com.telco.complaints.routing.domain;

/** The department chosen for a work order and the rule that chose it. */
public record DispatchChoice(String department, String rule) {}
