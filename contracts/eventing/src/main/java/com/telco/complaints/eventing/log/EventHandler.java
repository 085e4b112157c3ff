package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.event.ComplaintEvent;

import java.util.List;

/**
 * A handler of {@code complaint-events}: records are read as events of the catalogue, validated
 * against the schema of their type and version.
 */
public interface EventHandler extends LogHandler<Delivered> {

    @Override
    default Delivered read(LogRecord record) {
        return EventReader.read(record);
    }

    /** By default the undelivered events are applied like events from the log, with nothing decided. */
    @Override
    default void applyUndelivered(List<ComplaintEvent> events, Applying applying) {
        apply(events.stream().map(e -> new Delivered(null, e)).toList(), applying);
    }
}
