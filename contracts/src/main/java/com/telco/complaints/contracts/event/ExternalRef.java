package com.telco.complaints.contracts.event;

/** The publishing system's own reference for a complaint; unique per system. */
public record ExternalRef(String system, String id) {}
