package com.telco.complaints.deploy.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PostgreSQL login role of its own for each service, so that no service runs as a superuser: the
 * role owns the service's schema, the schemas its rebuild creates ({@code <schema>_rebuild},
 * {@code <schema>_retired}) and the one it keeps beside it ({@code <schema>_access}: analytics'
 * record of audit reads), and nothing else; it may create schemas in the database for those. Objects a superuser created there before (an older suite ran every service as
 * {@code postgres}) are handed over. Run by whoever creates the database, as its superuser.
 */
public final class ServiceRoles {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private ServiceRoles() {}

    /** A new random password. */
    public static String newPassword() {
        return Secrets.newSecret();
    }

    /**
     * The password of {@code role} kept in {@code dir} (readable by the owner only), created there on
     * first use: the same on every start, so that a role that exists keeps working.
     */
    public static String passwordIn(Path dir, String role) {
        return Secrets.in(dir, "db-" + role + ".password");
    }

    /**
     * Creates (or updates the password of) {@code role} and gives it the service's {@code schema} of
     * the database {@code database} that {@code superuser} is connected to, and the rebuild's
     * {@code <schema>_rebuild}, {@code <schema>_retired} and {@code <schema>_access} where an older run
     * left them. Idempotent.
     */
    public static void ensure(Connection superuser, String database, String role, String password, String schema) {
        requireName(schema);
        ensure(superuser, database, role, password);
        try (Statement s = superuser.createStatement()) {
            s.execute("create schema if not exists " + schema + " authorization " + role);
            for (String owned : List.of(schema, schema + "_rebuild", schema + "_retired", schema + "_access")) {
                if (schemaExists(superuser, owned)) {
                    s.execute("alter schema " + owned + " owner to " + role);
                    handOver(superuser, owned, role);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give schema " + schema + " to role " + role + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates (or updates the password of) {@code role}, which may connect to {@code database} and
     * create its schemas there (a service's first migration creates its own). Idempotent.
     */
    public static void ensure(Connection superuser, String database, String role, String password) {
        requireName(database);
        requireName(role);
        try (Statement s = superuser.createStatement()) {
            boolean exists;
            try (PreparedStatement q = superuser.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                q.setString(1, role);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            String literal = "'" + password.replace("'", "''") + "'";
            if (exists) {
                s.execute("alter role " + role + " login nosuperuser nocreatedb nocreaterole password " + literal);
            } else {
                try {
                    s.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole password " + literal);
                } catch (SQLException e) {
                    if (!"42710".equals(e.getSQLState())) { // created concurrently: set its password
                        throw e;
                    }
                    s.execute("alter role " + role + " login password " + literal);
                }
            }
            s.execute("grant connect, temporary, create on database " + database + " to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up role " + role + " in database " + database + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            q.setString(1, schema);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Drops a role whose database is gone (tests). */
    public static void drop(Connection superuser, String role) {
        requireName(role);
        try (Statement s = superuser.createStatement()) {
            s.execute("drop role if exists " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop role " + role + ": " + e.getMessage(), e);
        }
    }

    /** Tables, views and free-standing sequences of the schema that another role owns. */
    private static void handOver(Connection superuser, String schema, String role) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement q = superuser.prepareStatement("""
                select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'S') and pg_get_userbyid(c.relowner) <> ?
                  and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid
                           and d.deptype in ('a', 'i')))
                order by c.relkind desc""")) {
            q.setString(1, schema);
            q.setString(2, role);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String kind = switch (rs.getString(2)) {
                        case "v" -> "view";
                        case "m" -> "materialized view";
                        case "S" -> "sequence";
                        default -> "table";
                    };
                    statements.add("alter " + kind + " " + schema + ".\"" + rs.getString(1).replace("\"", "\"\"")
                            + "\" owner to " + role);
                }
            }
        }
        try (Statement s = superuser.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
        }
    }
}
