package com.telco.complaints.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The projection tables and their shadow copies. A rebuild replays the log into copies of the
 * projection tables in schema {@code <schema>_rebuild} (same names, so the same SQL serves both:
 * only the transaction's search_path differs), then moves them into place in one transaction.
 * Moving tables keeps the schema and the table names, so statements prepared on the live tables
 * are re-planned against the new ones.
 *
 * <p>The copies start with their primary keys only (the replay looks rows up by them); the other
 * indexes and unique constraints are built in bulk once the replay is done, which is several times
 * cheaper than maintaining them row by row through millions of inserts.
 */
public final class Shadow {

    /** Every table of analytics: all are projections of the log. */
    public static final List<String> PROJECTION_TABLES = List.of("consumer_offsets", "audit_events", "audit_heads",
            "cases");

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

    /** Fresh, empty copies of the projection tables, with their primary keys. */
    public static void create(Connection c, String liveSchema) throws SQLException {
        String shadow = schemaOf(liveSchema);
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + shadow + " cascade");
            s.execute("create schema " + shadow);
            for (String table : PROJECTION_TABLES) {
                s.execute("create table " + shadow + "." + table + " (like " + liveSchema + "." + table
                        + " including defaults including constraints excluding indexes)");
                for (String[] constraint : constraints(c, liveSchema, table, "p")) {
                    s.execute("alter table " + shadow + "." + table + " add constraint " + constraint[0] + " "
                            + constraint[1]);
                }
            }
        }
    }

    /** Builds on the shadow tables every unique constraint and index the live tables have, under the same names. */
    public static void index(Connection c, String liveSchema) throws SQLException {
        String shadow = schemaOf(liveSchema);
        try (Statement s = c.createStatement()) {
            for (String table : PROJECTION_TABLES) {
                for (String[] constraint : constraints(c, liveSchema, table, "u")) {
                    s.execute("alter table " + shadow + "." + table + " add constraint " + constraint[0] + " "
                            + constraint[1]);
                }
                for (String definition : plainIndexes(c, liveSchema, table)) {
                    s.execute(definition.replace(" ON " + liveSchema + "." + table + " ",
                            " ON " + shadow + "." + table + " "));
                }
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

    /** Name and definition of the live table's constraints of a kind (p: primary key, u: unique). */
    private static List<String[]> constraints(Connection c, String schema, String table, String kind)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select conname, pg_get_constraintdef(oid) from pg_constraint "
                + "where conrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass and contype = ?::\"char\" "
                + "order by conname")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, kind);
            List<String[]> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return found;
        }
    }

    /** CREATE INDEX statements of the live table's indexes that back no constraint. */
    private static List<String> plainIndexes(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select indexdef from pg_indexes i where schemaname = ? "
                + "and tablename = ? and not exists (select 1 from pg_constraint k where k.conindid = "
                + "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass) order by indexname")) {
            s.setString(1, schema);
            s.setString(2, table);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }
}
