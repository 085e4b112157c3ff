package com.telco.complaints.contracts.wire;

import java.io.InputStream;

/** The published JSON Schema of every event, shipped in this jar under {@code /schemas}. */
public final class EventSchemas {

    private EventSchemas() {}

    /** Classpath location of the schema of {@code type} at {@code version}. */
    public static String resource(EventType type, int version) {
        return "/schemas/" + type.ceType(version) + ".json";
    }

    /** The schema of the current version of {@code type}. */
    public static InputStream open(EventType type) {
        InputStream in = EventSchemas.class.getResourceAsStream(resource(type, type.currentVersion()));
        if (in == null) {
            throw new IllegalStateException("no schema shipped for " + type.ceType());
        }
        return in;
    }
}
