package com.telco.complaints.eventing.parking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.eventing.rest.PersonalData;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A record set aside because it could not be applied, or a task of the service that failed for one
 * key ({@code task} set, no topic or offset).
 *
 * @param reason  why ({@code newer-version}, {@code invalid}, {@code failed}, {@code behind}, …)
 * @param error   what failed, in words
 * @param payload the record's value as it was on the log
 */
public record ParkedRecord(long id, String topic, int partition, Long offset, String key, String eventId,
                           String eventType, String task, String reason, String error, Instant firstFailedAt,
                           Instant lastFailedAt, int attempts, List<LogRecord.HeaderValue> headers,
                           @JsonIgnore byte[] payload) {

    /**
     * The value as text (UTF-8), for administrators, with the customer's personal data masked
     * ({@link PersonalData#maskInRecord}); null when there is none.
     */
    @JsonProperty("data")
    public String data() {
        if (payload == null) {
            return null;
        }
        String text = PersonalData.maskInRecord(new String(payload, StandardCharsets.UTF_8));
        return text.length() > 100_000 ? text.substring(0, 100_000) + "…" : text;
    }

    @JsonIgnore
    public boolean isTask() {
        return task != null;
    }

    /** The record as it was on the log, to be applied again. */
    @JsonIgnore
    public LogRecord toRecord() {
        return new LogRecord(topic, partition, offset == null ? -1 : offset, key, headers, payload);
    }
}
