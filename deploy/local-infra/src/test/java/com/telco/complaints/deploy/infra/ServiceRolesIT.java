package com.telco.complaints.deploy.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the real PostgreSQL the suite uses (or an embedded one): what a service's own role may do. */
class ServiceRolesIT {

    private static LocalPostgres postgres;
    private static String database;
    private static String role;

    @BeforeAll
    static void database() throws SQLException {
        postgres = LocalPostgres.startOrReuse(LocalPostgres.Settings.defaults());
        String id = UUID.randomUUID().toString().substring(0, 8);
        database = "complaints_roles_" + id;
        role = database + "_routing";
        postgres.createDatabaseIfMissing(database);
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            // What an older suite left: the schema and its tables owned by the superuser, and another service's schema.
            s.execute("create schema routing");
            s.execute("create table routing.work_orders (id bigint generated always as identity primary key, note text)");
            s.execute("create sequence routing.numbers");
            s.execute("create schema routing_rebuild"); // a rebuild interrupted by a crash
            s.execute("create table routing_rebuild.work_orders (id bigint)");
            s.execute("insert into routing.work_orders (note) values ('before')");
            s.execute("create schema intake");
            s.execute("create table intake.complaints (id text primary key, customer_phone text)");
        }
    }

    @AfterAll
    static void dropAll() throws SQLException {
        postgres.dropDatabase(database);
        try (Connection c = postgres.connect("postgres")) {
            ServiceRoles.drop(c, role);
        }
    }

    private static Connection asService(String password) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role, password);
    }

    @Test
    void theRoleOwnsItsSchemasAndWhatIsInThemAndNothingElse() throws SQLException {
        String password = ServiceRoles.newPassword();
        try (Connection c = postgres.connect(database)) {
            ServiceRoles.ensure(c, database, role, password, "routing");
            ServiceRoles.ensure(c, database, role, password, "routing"); // idempotent
        }
        try (Connection c = asService(password); Statement s = c.createStatement()) {
            s.execute("insert into routing.work_orders (note) values ('after')");
            s.execute("select nextval('routing.numbers')");
            s.execute("alter table routing.work_orders add column department text");
            // What a rebuild does: its own schemas, tables moved between them.
            s.execute("drop schema routing_rebuild cascade");
            s.execute("create schema routing_rebuild");
            s.execute("create table routing_rebuild.work_orders (id bigint primary key)");
            s.execute("create schema routing_retired");
            s.execute("alter table routing.work_orders set schema routing_retired");
            s.execute("alter table routing_rebuild.work_orders set schema routing");
            s.execute("drop schema routing_retired cascade");
            try (ResultSet rs = s.executeQuery("select rolsuper, rolcreatedb, rolcreaterole from pg_roles "
                    + "where rolname = current_user")) {
                rs.next();
                assertThat(List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).containsOnly(false);
            }
            assertThatThrownBy(() -> s.executeQuery("select * from intake.complaints"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("create database stolen")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void aRoleThatExistsTakesTheNewPassword() throws SQLException {
        String password = ServiceRoles.newPassword();
        try (Connection c = postgres.connect(database)) {
            ServiceRoles.ensure(c, database, role, password, "routing");
        }
        try (Connection c = asService(password)) {
            assertThat(c.isValid(1)).isTrue();
        }
    }
}
