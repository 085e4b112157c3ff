package com.telco.complaints.analytics.store;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Rows in PostgreSQL's COPY text format, sent in one COPY ... FROM STDIN: a batch of archive rows
 * costs one round trip and no per-row statement. Columns are tab-separated, rows end with a line
 * feed, NULL is {@code \N}, and backslash, tab, line feed and carriage return in values are escaped.
 */
final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder text = new StringBuilder(64 * 1024);
    private boolean rowStarted;
    private int rows;

    CopyRows text(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
        return this;
    }

    CopyRows number(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyRows instant(Instant value) {
        separate();
        text.append(value); // ISO-8601 with Z: read as timestamptz
        return this;
    }

    /** bytea in hex form; the backslash of {@code \x} is itself escaped for COPY. */
    CopyRows bytes(byte[] value) {
        separate();
        text.append("\\\\x");
        HEX.formatHex(text, value);
        return this;
    }

    CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** Sends the rows with {@code copy <table> (<columns>) from stdin}; nothing when there are none. */
    void copyInto(Connection c, String tableAndColumns) throws SQLException {
        if (rows == 0) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("copy into " + tableAndColumns + " failed", e);
        }
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
