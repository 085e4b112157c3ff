package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.ComplaintEvent;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns events into their wire form (a {@code ce_type} plus JSON data) and back, upcasting
 * older schema versions on the way in. The JSON form is the contract; see the schemas under
 * {@code /schemas} in this jar.
 */
public final class EventCodec {

    private static final EventCodec STANDARD = new EventCodec(EventJson.mapper(), Upcasters.standard());

    private final ObjectMapper mapper;
    private final Upcasters upcasters;
    /**
     * One reader per type. A number the schema requires (an attempt, a count) that is missing is refused, not
     * read as 0: some of them may be 0 where they are given.
     */
    private final Map<EventType, ObjectReader> readers = new EnumMap<>(EventType.class);

    public EventCodec(ObjectMapper mapper, Upcasters upcasters) {
        this.mapper = Objects.requireNonNull(mapper);
        this.upcasters = Objects.requireNonNull(upcasters);
        for (EventType type : EventType.values()) {
            readers.put(type, mapper.readerFor(type.javaClass()).with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES));
        }
    }

    public static EventCodec standard() {
        return STANDARD;
    }

    public byte[] toJson(ComplaintEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event, e);
        }
    }

    /**
     * Reads the data of a record whose {@code ce_type} is given.
     *
     * @throws UnknownEventTypeException when the type is unknown ({@link NewerEventVersionException}: newer than this code)
     * @throws InvalidEventException when the data breaks the schema of its type (fields missing, empty, out of range)
     * @throws EventDecodingException when the bytes are not a JSON object of that type
     */
    public ComplaintEvent fromJson(String ceType, byte[] data) {
        EventType.Versioned versioned = EventType.parseCeType(ceType);
        EventType type = versioned.type();
        try {
            ComplaintEvent event;
            JsonNode upcast = null;
            try {
                if (versioned.version() == type.currentVersion()) {
                    // The common case binds straight from the bytes: no intermediate tree (replays read millions).
                    if (data == null || data.length == 0 || firstNonBlank(data) != '{') {
                        throw new EventDecodingException(ceType + ": data is not a JSON object");
                    }
                    event = readers.get(type).readValue(data);
                } else {
                    JsonNode tree = mapper.readTree(data);
                    if (!(tree instanceof ObjectNode object)) {
                        throw new EventDecodingException(ceType + ": data is not a JSON object");
                    }
                    upcast = upcasters.upcast(type, versioned.version(), type.currentVersion(), object);
                    event = readers.get(type).readValue(upcast);
                }
            } catch (MismatchedInputException e) {
                // A required number is missing (or a field has the wrong type): name every required field missing.
                List<String> missing = EventValidator.standard().missing(type, upcast != null ? upcast : mapper.readTree(data));
                if (missing.isEmpty()) {
                    throw e;
                }
                throw new InvalidEventException(ceType, missing);
            }
            EventValidator.standard().validate(ceType, event);
            return event;
        } catch (EventDecodingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(ceType + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an event kept without its {@code ce_type} (a row that stores the event's JSON) in the version its own
     * {@code schemaVersion} names, so that one stored before the current version is upcast like a record.
     */
    public ComplaintEvent fromStored(EventType type, byte[] data) {
        JsonNode version;
        try {
            version = mapper.readTree(data).path("schemaVersion");
        } catch (IOException e) {
            throw new EventDecodingException(type.ceType() + ": " + e.getMessage(), e);
        }
        return fromJson(type.ceType(version.canConvertToInt() ? version.asInt() : type.currentVersion()), data);
    }

    private static int firstNonBlank(byte[] data) {
        for (byte b : data) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return -1;
    }
}
