package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.domain.CanonicalJson;
import com.telco.complaints.analytics.store.Projection.LogRecord;
import com.telco.complaints.contracts.wire.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Kafka records as the projection reads them. */
final class Records {

    private Records() {}

    /** The record with its ce_type, and its headers as one JSON object (in record order) for the archive. */
    static LogRecord of(ConsumerRecord<?, byte[]> r) {
        StringBuilder headers = new StringBuilder(320).append('{');
        String ceType = null;
        for (Header h : r.headers()) {
            String value = CloudEvents.string(h.value());
            if (CloudEvents.TYPE.equals(h.key())) {
                ceType = value;
            }
            if (headers.length() > 1) {
                headers.append(',');
            }
            CanonicalJson.appendString(h.key(), headers);
            headers.append(':');
            if (value == null) {
                headers.append("null");
            } else {
                CanonicalJson.appendString(value, headers);
            }
        }
        return new LogRecord(r.partition(), r.offset(), ceType, headers.append('}').toString(), r.value());
    }
}
