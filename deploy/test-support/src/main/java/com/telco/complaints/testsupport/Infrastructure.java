package com.telco.complaints.testsupport;

import com.telco.complaints.deploy.infra.LocalKafka;
import com.telco.complaints.deploy.infra.LocalPostgres;
import com.telco.complaints.deploy.infra.ServiceRoles;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Kafka broker and PostgreSQL server of one test JVM, chosen once:
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} set: that broker (and PostgreSQL as below, without Docker);</li>
 *   <li>a Docker engine answers: Testcontainers Kafka and PostgreSQL;</li>
 *   <li>otherwise the tests' local broker (started in its own JVM, or reused at 127.0.0.1:{@value #TEST_KAFKA_PORT}:
 *       not the port of {@code deploy/run.sh}'s broker, which requires a login, so that the tests never
 *       mix with a running suite) and the PostgreSQL at 127.0.0.1:5432, or an embedded one when
 *       nothing answers there.</li>
 * </ol>
 * What is started here is stopped when the JVM exits.
 */
public interface Infrastructure {

    /** The port of the tests' own broker (its controller on the next one). */
    int TEST_KAFKA_PORT = 19092;

    String bootstrapServers();

    String jdbcUrl(String database);

    String user();

    String password();

    /** Where the infrastructure came from, for the test log. */
    String describe();

    default void createDatabase(String database) {
        execute("create database " + database);
    }

    default void dropDatabase(String database) {
        execute("drop database if exists " + database + " with (force)");
    }

    /** A login role that may connect to {@code database} and create its schemas there, and nothing more. */
    default void createRole(String database, String role, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), password())) {
            ServiceRoles.ensure(c, database, role, password);
        } catch (SQLException e) {
            throw new IllegalStateException("creating role " + role + ": " + e.getMessage(), e);
        }
    }

    /** Drops a role whose database was dropped. */
    default void dropRole(String role) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password())) {
            ServiceRoles.drop(c, role);
        } catch (SQLException e) {
            throw new IllegalStateException("dropping role " + role + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static Infrastructure choose() {
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !bootstrap.isBlank()) {
            LocalPostgres pg = LocalPostgres.startOrReuse(LocalPostgres.Settings.defaults());
            return new Local(bootstrap, pg, "KAFKA_BOOTSTRAP_SERVERS=" + bootstrap);
        }
        if (dockerAnswers()) {
            return Containers.start();
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("complaints-test-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LocalKafka kafka = LocalKafka.startOrReuse(LocalKafka.Settings.defaults(dataDir).withPort(TEST_KAFKA_PORT));
        LocalPostgres pg = LocalPostgres.startOrReuse(LocalPostgres.Settings.defaults());
        return new Local(kafka.bootstrapServers(), pg,
                (kafka.startedHere() ? "local broker started" : "running broker reused") + " at " + kafka.bootstrapServers());
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    record Local(String bootstrapServers, LocalPostgres pg, String kafkaOrigin) implements Infrastructure {
        @Override
        public String jdbcUrl(String database) {
            return pg.jdbcUrl(database);
        }

        @Override
        public String user() {
            return pg.user();
        }

        @Override
        public String password() {
            return pg.password();
        }

        @Override
        public String describe() {
            return kafkaOrigin + "; PostgreSQL " + (pg.embedded() ? "embedded" : "server") + " at " + pg.host() + ":"
                    + pg.port();
        }
    }

    /** Used only where a Docker engine answers; this project's own machines have none. */
    record Containers(KafkaContainer kafka, PostgreSQLContainer<?> postgres) implements Infrastructure {
        static Containers start() {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine")
                    .withUsername("postgres").withPassword("postgres").withDatabaseName("postgres");
            kafka.start();
            postgres.start();
            return new Containers(kafka, postgres);
        }

        @Override
        public String bootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
        }

        @Override
        public String user() {
            return postgres.getUsername();
        }

        @Override
        public String password() {
            return postgres.getPassword();
        }

        @Override
        public String describe() {
            return "Testcontainers Kafka and PostgreSQL";
        }
    }
}
