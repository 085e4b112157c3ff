package com.telco.complaints.eventing.log;

/**
 * A record that cannot be applied as it is, whatever the state: it is parked (or dead-lettered)
 * with this reason, and the consumer goes on with the next record.
 */
public class UnusableRecord extends RuntimeException {

    private final ParkReason reason;

    public UnusableRecord(ParkReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public ParkReason reason() {
        return reason;
    }
}
