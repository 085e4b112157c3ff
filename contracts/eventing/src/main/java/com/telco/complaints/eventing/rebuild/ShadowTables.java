package com.telco.complaints.eventing.rebuild;

import com.telco.complaints.eventing.store.Schemas;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The projection tables and their shadow copies. Every table of the service's schema is a
 * projection of the log, read from the catalog, except the outbox (facts not yet on the log), the
 * refused outbox rows and Flyway's history: a new table is rebuilt without being listed anywhere.
 * A rebuild replays the log into copies in schema {@code <schema>_rebuild} (same names, so the same
 * SQL serves both), then moves them into place in one transaction. Moving tables keeps the schema
 * and table names, so statements prepared on the live tables are re-planned against the new ones.
 *
 * <p>The copies start with their primary keys only (a replay looks rows up by them); the other
 * indexes and unique constraints are built in bulk once the replay is done, which is several times
 * cheaper than maintaining them row by row through millions of inserts.
 */
@ApplicationScoped
public class ShadowTables {

    /** Tables of a service's schema that are not projections of the log. */
    static final Set<String> NOT_PROJECTIONS = Set.of("outbox", "outbox_failed", "flyway_schema_history");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Schemas schemas;

    /** The projection tables, {@code consumer_offsets} first (the lock order of every writer). */
    public List<String> tables() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select table_name from information_schema.tables "
                     + "where table_schema = ? and table_type = 'BASE TABLE' order by table_name")) {
            s.setString(1, schemas.live());
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!NOT_PROJECTIONS.contains(table)) {
                        tables.add(table);
                    }
                }
            }
            if (tables.remove("consumer_offsets")) {
                tables.add(0, "consumer_offsets");
            }
            return tables;
        } catch (SQLException e) {
            throw new StoreException("listing the projection tables", e);
        }
    }

    /** Fresh, empty copies of the projection tables, with their primary keys. */
    public void create() {
        String live = schemas.live();
        String shadow = schemas.shadow();
        execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + shadow + " cascade");
                s.execute("create schema " + shadow);
                for (String table : tables()) {
                    s.execute("create table " + shadow + "." + table + " (like " + live + "." + table
                            + " including defaults including constraints including identity including generated "
                            + "excluding indexes)");
                    for (String[] constraint : constraints(c, live, table, "p")) {
                        s.execute("alter table " + shadow + "." + table + " add constraint " + constraint[0] + " "
                                + constraint[1]);
                    }
                }
            }
        });
    }

    /** Builds on the shadow tables every unique constraint and index the live tables have, under the same names. */
    public void index() {
        String live = schemas.live();
        String shadow = schemas.shadow();
        execute(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : tables()) {
                    for (String[] constraint : constraints(c, live, table, "u")) {
                        s.execute("alter table " + shadow + "." + table + " add constraint " + constraint[0] + " "
                                + constraint[1]);
                    }
                    for (String definition : plainIndexes(c, live, table)) {
                        s.execute(definition.replace(" ON " + live + "." + table + " ", " ON " + shadow + "." + table
                                + " "));
                    }
                }
            }
        });
    }

    /**
     * Stops every writer of the live projection tables until the transaction ends: the live consumer
     * (it locks {@code consumer_offsets} first in every transaction) and the service's own use cases
     * (they lock their rows). Readers go on until the swap.
     */
    public void lockLive() {
        execute(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : tables()) {
                    s.execute("lock table " + schemas.live() + "." + table + " in exclusive mode");
                }
            }
        });
    }

    /** Puts the shadow tables in place of the live ones; the caller holds the locks of {@link #lockLive}. */
    public void swap() {
        String live = schemas.live();
        String shadow = schemas.shadow();
        String retired = live + "_retired";
        execute(c -> {
            Sql.useSchema(c, live);
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + retired + " cascade");
                s.execute("create schema " + retired);
                for (String table : tables()) {
                    s.execute("alter table " + live + "." + table + " set schema " + retired);
                    s.execute("alter table " + shadow + "." + table + " set schema " + live);
                }
                s.execute("drop schema " + retired + " cascade");
                s.execute("drop schema " + shadow + " cascade");
            }
        });
    }

    /** Drops what a rebuild that did not finish left behind. */
    public void drop() {
        execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schemas.shadow() + " cascade");
            }
        });
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

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private void execute(SqlWork work) {
        try (Connection c = dataSource.getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new StoreException("rebuild step", e);
        }
    }
}
