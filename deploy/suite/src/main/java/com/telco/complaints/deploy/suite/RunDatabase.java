package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.Ports;
import com.telco.complaints.deploy.infra.ServiceRoles;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The database of a run that leaves nothing behind (the demo, the system tests, a benchmark): dropped
 * at its end with the roles of its services.
 */
public final class RunDatabase {

    private RunDatabase() {}

    /** The database's name in {@code endpoints}' JDBC URL. */
    public static String name(Endpoints endpoints) {
        String url = endpoints.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    /**
     * Drops the database of {@code endpoints} (even with connections open) and its services' roles;
     * false when the server answers no more (an embedded one stopped with the suite, and its data
     * went with it).
     */
    public static boolean drop(Endpoints endpoints) throws SQLException {
        String url = endpoints.jdbcUrl();
        URI server = URI.create(url.substring("jdbc:".length()));
        if (!Ports.answers(server.getHost(), server.getPort())) {
            return false;
        }
        Properties props = new Properties();
        if (endpoints.user() != null) {
            props.setProperty("user", endpoints.user());
        }
        if (endpoints.password() != null) {
            props.setProperty("password", endpoints.password());
        }
        String database = name(endpoints);
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", props);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            for (Endpoints.Login login : endpoints.logins().values()) {
                ServiceRoles.drop(c, login.user());
            }
        }
        return true;
    }
}
