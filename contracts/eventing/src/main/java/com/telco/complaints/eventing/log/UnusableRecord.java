package com.telco.complaints.eventing.log;

/**
 * A record that cannot be applied as it is, whatever the state: it is parked (or dead-lettered)
 * with this reason, and the consumer goes on with the next record. A handler may throw it from
 * {@link LogHandler#apply} too, for what only the database can tell (a key already used otherwise).
 */
public class UnusableRecord extends RuntimeException {

    private final ParkReason reason;
    private final String code;

    public UnusableRecord(ParkReason reason, String detail) {
        this(reason, null, detail);
    }

    /**
     * @param code the door's own name for the refusal (e.g. {@code NOT_JSON}, {@code HANDSET_REPAIR}), given in a
     *             dead letter's reason instead of the park reason; null for none
     */
    public UnusableRecord(ParkReason reason, String code, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.code = code;
    }

    public ParkReason reason() {
        return reason;
    }

    /** The door's name for the refusal, else the park reason's. */
    public String code() {
        return code != null ? code : reason.code();
    }
}
