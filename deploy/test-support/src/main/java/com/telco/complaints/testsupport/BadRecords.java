package com.telco.complaints.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two records that once stopped every consuming service for good: a JSON-valid
 * {@code complaint.registered.v1} without {@code customer} and {@code category}, and a
 * {@code complaint.registered.v9}, as a producer outside the suite would publish them (keyed by
 * their complaint ids, CloudEvents headers).
 */
public final class BadRecords {

    /** The complaint ids (record keys) of the two records. */
    public record Published(String incomplete, String newerVersion) {}

    private BadRecords() {}

    public static Published publish(EventLog log, Instant at) {
        String incomplete = TestEvents.newComplaintId();
        ObjectNode registration = json(TestEvents.registered(incomplete, at));
        registration.remove("customer");
        registration.remove("category");
        publish(log, incomplete, registration, "complaint.registered.v1");

        String newer = TestEvents.newComplaintId();
        ObjectNode v9 = json(TestEvents.registered(newer, at));
        v9.put("schemaVersion", 9);
        v9.putObject("addedInVersion9").put("anything", "the reader cannot know yet");
        publish(log, newer, v9, "complaint.registered.v9");
        return new Published(incomplete, newer);
    }

    /**
     * Asserts (waiting a bounded time) that the running test application parked both records with
     * their reasons: the incomplete one as {@code invalid}, naming the fields it lacks, the other as
     * {@code newer-version}.
     */
    public static void assertParked(Published bad) {
        Map<String, Object> incomplete = ParkedRecords.await(bad.incomplete(), 1, Duration.ofSeconds(15)).get(0);
        assertThat(incomplete).containsEntry("reason", "invalid").containsEntry("eventType", "complaint.registered.v1");
        assertThat((String) incomplete.get("error")).contains("customer: is required", "category: is required");
        Map<String, Object> newer = ParkedRecords.await(bad.newerVersion(), 1, Duration.ofSeconds(15)).get(0);
        assertThat(newer).containsEntry("reason", "newer-version").containsEntry("eventType", "complaint.registered.v9");
        assertThat((String) newer.get("error")).contains("newer than this reader");
    }

    private static void publish(EventLog log, String complaintId, ObjectNode data, String ceType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.SPEC_VERSION, "1.0");
        headers.put(CloudEvents.ID, UUID.randomUUID().toString());
        headers.put(CloudEvents.TYPE, ceType);
        headers.put(CloudEvents.SOURCE, "/a-producer-outside-the-suite");
        headers.put(CloudEvents.SUBJECT, complaintId);
        headers.put(CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        try {
            log.publish(complaintId, EventJson.mapper().writeValueAsBytes(data), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode json(com.telco.complaints.contracts.event.ComplaintEvent event) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(EventCodec.standard().toJson(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
