package com.telco.complaints.eventing.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** Small SQL helpers shared by the stores of the library and of the services. */
public final class Sql {

    private Sql() {}

    /** Sets the parameters of one row of a batch. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement s, T item) throws Exception;
    }

    /**
     * Runs {@code sql} once per item, as one JDBC batch in the current transaction; nothing when
     * there are no items. {@code what} names the work in the failure.
     */
    public static <T> void batch(DataSource dataSource, String sql, Collection<T> items, Binder<T> binder,
                                 String what) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(s, item);
                s.addBatch();
            }
            s.executeBatch();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(what, e);
        }
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws Exception;
    }

    /**
     * The rows of {@code sql} (which ends where {@code limit ? offset ?} are appended) with its parameters
     * bound in order: one page of a list door. {@code what} names the rows in the failure.
     */
    public static <T> List<T> page(DataSource dataSource, String sql, List<Object> params, int limit, long offset,
                                   RowReader<T> reader, String what) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql + " limit ? offset ?")) {
            int i = 1;
            for (Object p : params) {
                s.setObject(i++, p);
            }
            s.setInt(i++, limit);
            s.setLong(i, offset);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("reading " + what, e);
        }
    }

    /** A nullable timestamp column as an instant. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * How many rows of {@code table} match every filter given as column, then value; a null value
     * matches every row (a list door's optional query parameters). {@code what} names the rows for
     * the error.
     */
    public static long count(DataSource dataSource, String table, String what, String... columnThenValue) {
        StringBuilder sql = new StringBuilder("select count(*) from ").append(table).append(" where true");
        for (int i = 0; i < columnThenValue.length; i += 2) {
            sql.append(" and (?::text is null or ").append(columnThenValue[i]).append(" = ?)");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 1; i < columnThenValue.length; i += 2) {
                s.setString(i, columnThenValue[i]);
                s.setString(i + 1, columnThenValue[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting " + what, e);
        }
    }

    /** The count {@code sql} (a {@code select count(*)}) gives with its parameters bound in order. */
    public static long count(DataSource dataSource, String sql, List<Object> params, String what) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) {
                s.setObject(i++, p);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting " + what, e);
        }
    }

    /** A nullable instant as a JDBC timestamp. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A nullable enum constant's name. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Binds a nullable boolean. */
    public static void setBoolean(PreparedStatement s, int index, Boolean value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BOOLEAN);
        } else {
            s.setBoolean(index, value);
        }
    }

    /** The first column of every row {@code s} selects, as strings. */
    public static List<String> strings(PreparedStatement s) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

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
