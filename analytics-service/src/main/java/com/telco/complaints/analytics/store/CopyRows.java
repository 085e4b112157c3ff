package com.telco.complaints.analytics.store;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, written straight into one byte buffer and sent in one
 * COPY ... FROM STDIN: a batch of archive rows costs one round trip, no statement per row, and no
 * intermediate strings. Columns are tab-separated, rows end with a line feed, NULL is {@code \N};
 * backslash, tab, line feed and carriage return in values are escaped. Text is UTF-8, in which
 * those four characters are single bytes that never occur inside a multi-byte character, so raw
 * UTF-8 values are escaped byte by byte.
 */
final class CopyRows {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int length;
    private boolean rowStarted;
    private int rows;

    CopyRows(int expectedBytes) {
        buffer = new byte[Math.max(1024, expectedBytes)];
    }

    /** A UTF-8 text value given as bytes (e.g. a record value as it came off the log). */
    CopyRows utf8(byte[] value) {
        separate();
        if (value == null) {
            return nullValue();
        }
        ensure(value.length * 2);
        int from = 0;
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                System.arraycopy(value, from, buffer, length, i - from);
                length += i - from;
                escaped(b);
                from = i + 1;
            }
        }
        System.arraycopy(value, from, buffer, length, value.length - from);
        length += value.length - from;
        return this;
    }

    CopyRows text(String value) {
        separate();
        if (value == null) {
            return nullValue();
        }
        ensure(value.length() * 3 * 2);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x80) {
                escaped((byte) ch);
            } else if (ch < 0x800) {
                buffer[length++] = (byte) (0xc0 | (ch >> 6));
                buffer[length++] = (byte) (0x80 | (ch & 0x3f));
            } else if (Character.isHighSurrogate(ch) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, value.charAt(++i));
                buffer[length++] = (byte) (0xf0 | (cp >> 18));
                buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buffer[length++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                buffer[length++] = (byte) (0xe0 | (ch >> 12));
                buffer[length++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
                buffer[length++] = (byte) (0x80 | (ch & 0x3f));
            }
        }
        return this;
    }

    CopyRows number(long value) {
        return ascii(Long.toString(value));
    }

    /** ISO-8601 with Z, read as timestamptz. */
    CopyRows instant(Instant value) {
        return ascii(value.toString());
    }

    /** bytea in hex form; the backslash of {@code \x} is itself escaped for COPY. */
    CopyRows bytes(byte[] value) {
        separate();
        ensure(3 + value.length * 2);
        buffer[length++] = '\\';
        buffer[length++] = '\\';
        buffer[length++] = 'x';
        for (byte b : value) {
            buffer[length++] = HEX[(b >> 4) & 0xf];
            buffer[length++] = HEX[b & 0xf];
        }
        return this;
    }

    CopyRows endRow() {
        ensure(1);
        buffer[length++] = '\n';
        rowStarted = false;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** The rows as they would be sent. */
    byte[] toBytes() {
        return Arrays.copyOf(buffer, length);
    }

    /** Sends the rows with {@code copy <table> (<columns>) from stdin}; nothing when there are none. */
    void copyInto(Connection c, String tableAndColumns) throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin", new ByteArrayInputStream(buffer, 0, length));
        } catch (IOException e) {
            throw new SQLException("copy into " + tableAndColumns + " failed", e);
        }
    }

    private CopyRows ascii(String value) {
        separate();
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    private CopyRows nullValue() {
        ensure(2);
        buffer[length++] = '\\';
        buffer[length++] = 'N';
        return this;
    }

    private void escaped(byte b) {
        switch (b) {
            case '\\' -> {
                buffer[length++] = '\\';
                buffer[length++] = '\\';
            }
            case '\t' -> {
                buffer[length++] = '\\';
                buffer[length++] = 't';
            }
            case '\n' -> {
                buffer[length++] = '\\';
                buffer[length++] = 'n';
            }
            case '\r' -> {
                buffer[length++] = '\\';
                buffer[length++] = 'r';
            }
            default -> buffer[length++] = b;
        }
    }

    private void separate() {
        if (rowStarted) {
            ensure(1);
            buffer[length++] = '\t';
        }
        rowStarted = true;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
