package com.telco.complaints.contracts.wire;

import com.telco.complaints.contracts.event.ComplaintEvent;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the record
 * value is the event's JSON data and the record key is the complaint id.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEvents() {}

    /**
     * The headers of an event, in a stable order.
     *
     * @param source the emitting service as a URI reference, e.g. {@code /complaint-suite/intake-service}
     */
    public static Map<String, String> headers(ComplaintEvent event, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, event.eventId().toString());
        headers.put(TYPE, EventType.of(event).ceType(event.schemaVersion()));
        headers.put(SOURCE, source);
        headers.put(SUBJECT, event.complaintId());
        headers.put(TIME, event.occurredAt().toString());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    /** The conventional source of a service of the suite. */
    public static String sourceOf(String serviceName) {
        return "/complaint-suite/" + serviceName;
    }

    public static byte[] bytes(String headerValue) {
        return headerValue.getBytes(StandardCharsets.UTF_8);
    }

    public static String string(byte[] headerValue) {
        return headerValue == null ? null : new String(headerValue, StandardCharsets.UTF_8);
    }
}
