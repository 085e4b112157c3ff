package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.wire.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record of a topic, as the library hands it to a service: where it sits, its key, its headers
 * (in record order, as text) and its value.
 */
public record LogRecord(String topic, int partition, long offset, String key, List<HeaderValue> headers, byte[] value) {

    /** A header as text (UTF-8). */
    public record HeaderValue(String name, String value) {}

    public static LogRecord of(ConsumerRecord<String, byte[]> r) {
        List<HeaderValue> headers = new ArrayList<>(8);
        for (Header h : r.headers()) {
            headers.add(new HeaderValue(h.key(), CloudEvents.string(h.value())));
        }
        return new LogRecord(r.topic(), r.partition(), r.offset(), r.key(), headers, r.value());
    }

    /** The last value of a header, or null. */
    public String header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).name().equals(name)) {
                return headers.get(i).value();
            }
        }
        return null;
    }

    public String ceType() {
        return header(CloudEvents.TYPE);
    }

    /** The headers as a map (last value wins), in record order. */
    public Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach(h -> map.put(h.name(), h.value()));
        return map;
    }

    /** {@code topic/partition@offset}, for logs and reasons. */
    public String where() {
        return topic + "/" + partition + "@" + offset;
    }
}
