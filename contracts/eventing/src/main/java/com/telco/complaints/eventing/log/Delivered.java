package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.event.ComplaintEvent;

/**
 * An event read from the log, with the record it came in. {@code record} is null for an event this
 * service committed that is still in its outbox (applied at the end of a rebuild).
 */
public record Delivered(LogRecord record, ComplaintEvent event) {

    public int partition() {
        return record == null ? -1 : record.partition();
    }

    public long offset() {
        return record == null ? -1 : record.offset();
    }

    /** Where the event came from, for logs. */
    public String where() {
        return record == null ? "the outbox" : record.where();
    }
}
