package com.telco.complaints.eventing.rest;

/**
 * The roles of the suite, as the {@code groups} claim of a bearer token carries them. Each door says
 * which may pass ({@code @RolesAllowed}); a door that says nothing is closed
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
public final class Roles {

    /** Publishing systems and intake desks: register, and read what they registered. */
    public static final String SUBMITTER = "submitter";
    /** A department's agent (with the token's {@code department}): its department's work orders. */
    public static final String AGENT = "agent";
    /** Survey agents: survey tasks and answers. */
    public static final String SURVEYOR = "surveyor";
    /** Operations staff: every queue, clock, case, KPI and hotspot. */
    public static final String OPERATOR = "operator";
    /** Auditors: the audit doors. */
    public static final String AUDITOR = "auditor";
    /** Administrators: rebuilds, replays, parked records and the outbox; they read as operators. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
