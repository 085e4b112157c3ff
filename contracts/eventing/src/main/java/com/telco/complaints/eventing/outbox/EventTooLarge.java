package com.telco.complaints.eventing.outbox;

/**
 * An event (or dead letter) that would be larger than the broker takes: refused before it is
 * committed, naming the field that makes it so large. A REST door answers 422 with the field.
 */
public class EventTooLarge extends RuntimeException {

    private final String field;
    private final long bytes;
    private final long limit;

    public EventTooLarge(String what, String field, long bytes, long limit) {
        super(what + " would take " + bytes + " bytes on the log, more than the " + limit + " it accepts"
                + (field == null ? "" : "; the largest field is " + field), null, false, false);
        this.field = field;
        this.bytes = bytes;
        this.limit = limit;
    }

    /** The field (JSON path in the event) with the most bytes, or null. */
    public String field() {
        return field;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
