package com.telco.complaints.sla.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The projection tables and their shadow copies. A rebuild replays the log into copies of the
 * projection tables in schema {@code <schema>_rebuild} (same names, so the same SQL serves both:
 * only the transaction's search_path differs), then moves them into place in one transaction.
 * Moving tables keeps the schema and the table names, so statements prepared on the live tables
 * are re-planned against the new ones.
 */
public final class Shadow {

    /** Every table that is a projection of the log; the outbox is not one of them. */
    public static final List<String> PROJECTION_TABLES = List.of("consumer_offsets", "cases", "clocks");

    private Shadow() {}

    public static String schemaOf(String liveSchema) {
        return liveSchema + "_rebuild";
    }

    /** Makes the rest of the current transaction read and write the shadow tables. */
    public static void use(Connection c, String liveSchema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local search_path to " + schemaOf(liveSchema));
        }
    }

    /** Fresh, empty copies of the projection tables. */
    public static void create(Connection c, String liveSchema) throws SQLException {
        String shadow = schemaOf(liveSchema);
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + shadow + " cascade");
            s.execute("create schema " + shadow);
            for (String table : PROJECTION_TABLES) {
                s.execute("create table " + shadow + "." + table + " (like " + liveSchema + "." + table
                        + " including all)");
            }
        }
    }

    /** Puts the shadow tables in place of the live ones; the caller holds the locks that make it safe. */
    public static void swap(Connection c, String liveSchema) throws SQLException {
        String shadow = schemaOf(liveSchema);
        String retired = liveSchema + "_retired";
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + retired + " cascade");
            s.execute("create schema " + retired);
            for (String table : PROJECTION_TABLES) {
                s.execute("alter table " + liveSchema + "." + table + " set schema " + retired);
                s.execute("alter table " + shadow + "." + table + " set schema " + liveSchema);
            }
            s.execute("drop schema " + retired + " cascade");
            s.execute("drop schema " + shadow + " cascade");
        }
    }
}
