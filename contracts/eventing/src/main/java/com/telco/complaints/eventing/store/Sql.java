package com.telco.complaints.eventing.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Small SQL helpers shared by the stores of the library and of the services. */
public final class Sql {

    private Sql() {}

    /**
     * Text that PostgreSQL can store: a NUL character, which no text column accepts, is written as
     * the six characters {@code \u0000}. Keys and reasons taken from records pass through here.
     */
    public static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "\\u0000");
    }

    /**
     * A 64-bit advisory lock key derived from a name ({@code routing-service-outbox-relay}), so that
     * locks are named, not numbered by hand across files.
     */
    public static long lockKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the rest of the current transaction read and write the tables of {@code schema}. */
    public static void useSchema(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local search_path to " + schema);
        }
    }
}
