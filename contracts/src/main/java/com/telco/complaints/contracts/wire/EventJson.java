package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;

/**
 * The wire format of event data: ISO-8601 instants and durations, enums by their upper-case
 * names, absent optional fields left out, unknown properties ignored on read (tolerant reader).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {}

    /** The shared, fully configured mapper; thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the wire settings to a builder, for code that needs its own mapper instance. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("complaint-suite-instants").addDeserializer(Instant.class,
                        new IsoInstants.Deserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
