package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.store.Projection.LogRecord;
import com.telco.complaints.contracts.wire.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kafka records as the projection reads them. */
final class Records {

    private Records() {}

    static LogRecord of(ConsumerRecord<?, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>(16);
        for (Header h : r.headers()) {
            headers.put(h.key(), CloudEvents.string(h.value()));
        }
        return new LogRecord(r.partition(), r.offset(), headers, r.value());
    }
}
