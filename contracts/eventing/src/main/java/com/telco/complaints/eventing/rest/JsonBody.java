package com.telco.complaints.eventing.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.rest.RequestProblems.MalformedJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of JSON request bodies: one JSON value and nothing after it, no key twice; then
 * field by field, so that a field of the wrong type is reported like any other wrong field (it
 * reads as absent, so validation still judges the others).
 */
public final class JsonBody {

    private static final ObjectReader STRICT = EventJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonNode json;
    private final List<FieldError> typeErrors = new ArrayList<>();

    private JsonBody(JsonNode json) {
        this.json = json;
    }

    /**
     * @throws MalformedJson when the body is empty, not JSON, has content after its value or a key twice
     */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedJson("The body is empty; a JSON object is expected");
        }
        try {
            JsonNode json = STRICT.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new MalformedJson("The body holds no JSON value");
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new MalformedJson("Malformed JSON" + (where == null ? "" : " at line " + where.getLineNr()
                    + ", column " + where.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJson("The body could not be read: " + e.getMessage());
        }
    }

    /** A body to read field by field; a body that is not an object is one wrong field, {@code $}. */
    public static JsonBody object(byte[] body) {
        JsonBody read = new JsonBody(parse(body));
        if (!read.json.isObject()) {
            read.typeErrors.add(new FieldError("$", "the body must be a JSON object"));
        }
        return read;
    }

    public boolean isObject() {
        return json.isObject();
    }

    public JsonNode json() {
        return json;
    }

    /** The fields of the wrong type met so far. */
    public List<FieldError> typeErrors() {
        return typeErrors;
    }

    public String text(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            typeErrors.add(new FieldError(name, "must be a string"));
            return null;
        }
        return node.asText();
    }

    public Boolean bool(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            typeErrors.add(new FieldError(name, "must be true or false"));
            return null;
        }
        return node.asBoolean();
    }
}
