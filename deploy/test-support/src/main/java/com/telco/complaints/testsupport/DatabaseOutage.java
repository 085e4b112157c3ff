package com.telco.complaints.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The running test application's database taken away, as a stopped server or a lost network would:
 * no new connection is accepted and every open one is closed, until {@link #close()}. Only that
 * database is affected, so the broker, other databases and the test's own connections to the
 * server go on.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final Connection server;
    private final String database;

    private DatabaseOutage(Connection server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Takes the database of the running Quarkus test application ({@code quarkus.datasource.jdbc.url}) away. */
    public static DatabaseOutage begin() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        Infrastructure infra = SuiteTestResource.infrastructure();
        try {
            Connection server = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.user(), infra.password());
            try (Statement s = server.createStatement()) {
                s.execute("alter database " + database + " allow_connections false");
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
            }
            return new DatabaseOutage(server, database);
        } catch (SQLException e) {
            throw new IllegalStateException("taking database " + database + " away: " + e.getMessage(), e);
        }
    }

    /** The database answers again. */
    @Override
    public void close() {
        try (Statement s = server.createStatement()) {
            s.execute("alter database " + database + " allow_connections true");
        } catch (SQLException e) {
            throw new IllegalStateException("giving database " + database + " back: " + e.getMessage(), e);
        } finally {
            try {
                server.close();
            } catch (SQLException ignored) {
                // closed already
            }
        }
    }
}
