package com.telco.complaints.survey.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.wire.EventJson;

import java.io.IOException;

/** The body is not well-formed JSON; the message says where it broke. */
public class MalformedJson extends RuntimeException {

    public MalformedJson(String message) {
        super(message);
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedJson("The body is empty; a JSON object is expected");
        }
        try {
            JsonNode json = EventJson.mapper().readTree(body);
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
}
