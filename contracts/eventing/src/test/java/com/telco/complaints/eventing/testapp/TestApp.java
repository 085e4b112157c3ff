package com.telco.complaints.eventing.testapp;

import com.telco.complaints.testsupport.Callers;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * What the integration tests of the library share: the running test application's settings, SQL on
 * its database (on connections of the test's own, not from the application's pool), its admin doors
 * and metrics, and bounded waits.
 */
public final class TestApp {

    /** The longest a test waits for the application to do something that takes it milliseconds. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private TestApp() {}

    /** A bounded wait, polled often. */
    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }

    /** A key no other test uses. */
    public static String newKey(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- settings ----

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    public static String applicationName() {
        return config().getValue("quarkus.application.name", String.class);
    }

    public static String eventsTopic() {
        return config().getValue("complaints.topics.events", String.class);
    }

    public static String bootstrapServers() {
        return config().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String jdbcUrl() {
        return config().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /** The database of this application start (SuiteTestResource makes a fresh one). */
    public static String databaseName() {
        String url = jdbcUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String schema() {
        return config().getValue("quarkus.flyway.default-schema", String.class);
    }

    // ---- SQL ----

    /** A connection of the test's own to the application's database, on its schema. */
    public static Connection connect() throws SQLException {
        Properties p = credentials();
        p.setProperty("currentSchema", schema());
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    /** A connection to the server's maintenance database {@code postgres}, outside the application's database. */
    public static Connection connectToServer() throws SQLException {
        String url = jdbcUrl();
        String database = databaseName();
        int at = url.indexOf("/" + database);
        return DriverManager.getConnection(url.substring(0, at) + "/postgres" + url.substring(at + 1 + database.length()),
                credentials());
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", config().getValue("quarkus.datasource.username", String.class));
        config().getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> p.setProperty("password", password));
        return p;
    }

    /** Runs a statement; returns the rows it changed. */
    public static int sql(String statement, Object... params) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, statement, params)) {
            s.execute();
            return Math.max(s.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query. */
    public static long number(String query, Object... params) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, query, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    public static PreparedStatement prepare(Connection c, String statement, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(statement);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    /** A row of the notes table, as the handler applied it (without its sequence number). */
    public record NoteRow(String key, String text, int version, int partition, long offset) {}

    /** The notes of a key, in the order they were applied. */
    public static List<NoteRow> notes(String key) {
        return noteRows("where note_key = ? order by seq", key);
    }

    /** Every note, in log order. */
    public static List<NoteRow> allNotes() {
        return noteRows("order by log_partition, log_offset, seq");
    }

    private static List<NoteRow> noteRows(String where, Object... params) {
        String query = "select note_key, text, version, log_partition, log_offset from notes " + where;
        try (Connection c = connect(); PreparedStatement s = prepare(c, query, params); ResultSet rs = s.executeQuery()) {
            List<NoteRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new NoteRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    // ---- the admin doors, health and metrics ----

    /** Every parked record, as {@code GET /admin/parked} lists them. */
    public static List<Map<String, Object>> parked() {
        return Callers.as(Callers.ADMIN).queryParam("size", 1000).get("/admin/parked").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    /** The parked record at this place of the log, if any. */
    public static Optional<Map<String, Object>> parkedAt(int partition, long offset) {
        return parked().stream()
                .filter(p -> ((Number) p.get("partition")).intValue() == partition && p.get("offset") != null
                        && ((Number) p.get("offset")).longValue() == offset)
                .findFirst();
    }

    /** Waits until the record at {@code sent} is parked, and returns it as {@code GET /admin/parked} lists it. */
    public static Map<String, Object> awaitParked(NoteLog.Sent sent) {
        return eventually().until(() -> parkedAt(sent.partition(), sent.offset()), Optional::isPresent).get();
    }

    /** How many records are parked ({@code X-Total-Count} of {@code GET /admin/parked}). */
    public static long parkedTotal() {
        return Long.parseLong(Callers.as(Callers.ADMIN).get("/admin/parked").then().statusCode(200).extract().header("X-Total-Count"));
    }

    public static long id(Map<String, Object> parked) {
        return ((Number) parked.get("id")).longValue();
    }

    /** {@code POST /admin/parked/{id}/retry}. */
    public static Response retry(long parkedId) {
        return Callers.as(Callers.ADMIN).post("/admin/parked/{id}/retry", parkedId);
    }

    /** The data of the library's check in {@code /q/health} ("event log"). */
    public static Map<String, Object> logHealth() {
        return given().get("/q/health").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'event log' }.data");
    }

    /**
     * The sum of a Prometheus metric's samples in {@code /q/metrics} whose labels contain
     * {@code labels} (e.g. {@code reason="failed"}); 0 when there are none.
     */
    public static double metric(String name, String labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String sample = line.substring(name.length());
                if (sample.startsWith(" ") || sample.substring(0, sample.indexOf('}') + 1).contains(labels)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    public static double metric(String name) {
        return metric(name, "");
    }
}
