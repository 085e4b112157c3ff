package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import com.telco.complaints.contracts.wire.InvalidEventException;
import com.telco.complaints.contracts.wire.NewerEventVersionException;
import com.telco.complaints.contracts.wire.UnknownEventTypeException;

/**
 * Reads a record of {@code complaint-events} as an event of the catalogue, validated against the
 * schema of its type and version, or says why it cannot be read.
 */
public final class EventReader {

    private static final EventCodec CODEC = EventCodec.standard();

    private EventReader() {}

    /** @throws UnusableRecord with the reason the record cannot be read */
    public static Delivered read(LogRecord record) {
        String ceType = record.ceType();
        if (ceType == null) {
            throw new UnusableRecord(ParkReason.UNREADABLE, "no ce_type header");
        }
        if (record.value() == null) {
            throw new UnusableRecord(ParkReason.UNREADABLE, ceType + ": no data");
        }
        ComplaintEvent event;
        try {
            event = CODEC.fromJson(ceType, record.value());
        } catch (NewerEventVersionException e) {
            throw new UnusableRecord(ParkReason.NEWER_VERSION, e.getMessage());
        } catch (UnknownEventTypeException e) {
            throw new UnusableRecord(ParkReason.UNKNOWN_TYPE, e.getMessage());
        } catch (InvalidEventException e) {
            throw new UnusableRecord(ParkReason.INVALID, e.getMessage());
        } catch (EventDecodingException e) {
            throw new UnusableRecord(ParkReason.UNREADABLE, e.getMessage());
        }
        if (record.key() != null && !record.key().equals(event.complaintId())) {
            // A case is ordered only on the partition of its complaint id: a record keyed otherwise breaks that order.
            throw new UnusableRecord(ParkReason.INVALID, ceType + ": the record key " + abbreviated(record.key())
                    + " is not the complaint id " + event.complaintId());
        }
        return new Delivered(record, event);
    }

    private static String abbreviated(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "… (" + text.length() + " characters)";
    }
}
