package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.Samples;
import com.telco.complaints.contracts.event.Dispatched;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old events stay readable: an older schema version is rewritten by the upcaster chain into the
 * current form before it is bound. The older form here is hypothetical (every event is at v1
 * today): a "v0" Dispatched that called the department {@code dept} and had no attempt number.
 */
class UpcasterTest {

    @Test
    void anOldVersionIsReadAsTheCurrentOne() {
        Upcasters upcasters = Upcasters.standard().register(EventType.DISPATCHED, 0, (ObjectNode v0) -> {
            v0.set("department", v0.remove("dept"));
            v0.put("attempt", 1);
            return v0;
        });
        EventCodec codec = new EventCodec(EventJson.mapper(), upcasters);
        Dispatched expected = Samples.dispatched();
        String v0 = """
                {"eventId":"%s","complaintId":"%s","occurredAt":"%s","schemaVersion":0,"causationId":"%s",
                 "actor":"routing-service","dispatchId":"%s","dept":"%s","rule":"%s"}"""
                .formatted(expected.eventId(), expected.complaintId(), expected.occurredAt(), expected.causationId(),
                        expected.dispatchId(), expected.department(), expected.rule());

        Dispatched read = (Dispatched) codec.fromJson("complaint.dispatched.v0", v0.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(expected);
        assertThat(read.schemaVersion()).isEqualTo(EventType.DISPATCHED.currentVersion());
    }

    /**
     * The events of every older version on a log written before the current one read as current events: SLA events
     * of the first clocks and no sequence (v1) or without PROOF (v2), a registration that was dispatched (v1) or
     * disputes no charge (v2), a survey of a work order, a notice of an overdue work order (v1).
     */
    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"SLA_CLOCK_STARTED", "SLA_WARNING_RAISED", "SLA_BREACHED",
            "COMPLAINT_REGISTERED", "SURVEY_PASSED", "SURVEY_FAILED", "CUSTOMER_UNREACHABLE", "ESCALATION_NOTICE"})
    void eventsOfEveryOlderVersionReadAsTheCurrentVersion(EventType type) throws IOException {
        assertThat(type.currentVersion()).isGreaterThan(1);
        for (int version = 1; version < type.currentVersion(); version++) {
            byte[] old;
            try (InputStream in = UpcasterTest.class.getResourceAsStream("/golden/" + type.ceType(version) + ".json")) {
                assertThat(in).as(type.ceType(version)).isNotNull();
                old = in.readAllBytes();
            }

            var read = EventCodec.standard().fromJson(type.ceType(version), old);

            assertThat(read.schemaVersion()).isEqualTo(type.currentVersion());
            assertThat(read).as(type.ceType(version)).isEqualTo(Samples.all().get(type));
        }
    }

    /** A return written before faultOf existed reads without it, and a closing of v1 with its outcome. */
    @Test
    void returnsAndClosingsOfVersionOneReadAsVersionTwo() throws IOException {
        assertThat(EventCodec.standard().fromJson(EventType.RETURNED.ceType(1), v1Golden(EventType.RETURNED)))
                .isEqualTo(Samples.returnedOfVersionOne());
        assertThat(EventCodec.standard().fromJson(EventType.COMPLAINT_CLOSED.ceType(1),
                v1Golden(EventType.COMPLAINT_CLOSED))).isEqualTo(Samples.closed());
    }

    private static byte[] v1Golden(EventType type) throws IOException {
        try (InputStream in = UpcasterTest.class.getResourceAsStream("/golden/" + type.ceType(1) + ".json")) {
            return in.readAllBytes();
        }
    }

    /** An event kept without its ce_type (a stored row) is read in the version its schemaVersion names. */
    @Test
    void anEventKeptWithoutItsTypeIsReadInTheVersionItWasWrittenIn() throws IOException {
        byte[] v1;
        try (InputStream in = UpcasterTest.class.getResourceAsStream(
                "/golden/" + EventType.COMPLAINT_REGISTERED.ceType(1) + ".json")) {
            v1 = in.readAllBytes();
        }

        assertThat(EventCodec.standard().fromStored(EventType.COMPLAINT_REGISTERED, v1)).isEqualTo(Samples.registered());
        assertThat(EventCodec.standard().fromStored(EventType.COMPLAINT_REGISTERED,
                EventCodec.standard().toJson(Samples.registered()))).isEqualTo(Samples.registered());
    }
}
