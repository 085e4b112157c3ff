package com.telco.complaints.eventing.log;

/** Why a record was set aside instead of applied. */
public enum ParkReason {
    /** Not an event at all: no ce_type, no data, not JSON. */
    UNREADABLE("unreadable"),
    /** A ce_type no version of this code knows. */
    UNKNOWN_TYPE("unknown-type"),
    /** A version newer than this code knows: re-driven after an upgrade. */
    NEWER_VERSION("newer-version"),
    /** Breaks the JSON Schema of its type (fields missing, empty, out of range), or keyed unlike its complaint. */
    INVALID("invalid"),
    /** Applying it failed for a reason that is not transient (a logic error, data the database refuses). */
    FAILED("failed"),
    /** A later record of the same case (the same key), held so that the case keeps its order. */
    BEHIND("behind");

    private final String code;

    ParkReason(String code) {
        this.code = code;
    }

    /** The reason as operators see it ({@code newer-version}). */
    public String code() {
        return code;
    }

    public static ParkReason ofCode(String code) {
        for (ParkReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("no park reason " + code);
    }

    /** Whether an upgrade of this code may make the record readable. */
    public boolean awaitsUpgrade() {
        return this == NEWER_VERSION || this == UNKNOWN_TYPE;
    }
}
