package com.telco.complaints.bench;

import com.telco.complaints.deploy.infra.ChildProcesses;
import com.telco.complaints.deploy.infra.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's own limits, the denominators of every figure: Kafka's ProducerPerformance and
 * ConsumerPerformance (from kafka-tools, run in the broker's class path in a JVM of their own) and
 * PostgreSQL single-row insert-and-commit from a small JDBC loop with as many connections as a
 * service's pool.
 */
final class RawLimits {

    private static final Pattern PRODUCED = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private RawLimits() {}

    /** Records per second produced with acks=all, {@code size}-byte records, on a new 6-partition topic. */
    static double kafkaProduce(Map<String, Object> client, String topic, long records, int size) throws Exception {
        createTopic(client, topic, 6);
        List<String> out = tool(client, "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
                String.valueOf(records), "--record-size", String.valueOf(size), "--throughput", "-1",
                "--producer.config", CLIENT_FILE, "--producer-props", "acks=all");
        for (int i = out.size() - 1; i >= 0; i--) {
            Matcher m = PRODUCED.matcher(out.get(i));
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IllegalStateException("ProducerPerformance said: " + String.join("\n", out));
    }

    /** Records per second consumed from the start of {@code topic} (all of its {@code records}). */
    static double kafkaConsume(Map<String, Object> client, String topic, long records) throws Exception {
        List<String> out = tool(client, "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                String.valueOf(client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)), "--consumer.config", CLIENT_FILE,
                "--topic", topic, "--messages", String.valueOf(records), "--timeout", "120000");
        // Header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        for (int i = 0; i < out.size() - 1; i++) {
            if (out.get(i).contains("nMsg.sec")) {
                List<String> header = List.of(out.get(i).split(",\\s*"));
                String[] values = out.get(i + 1).split(",\\s*");
                return Double.parseDouble(values[header.indexOf("nMsg.sec")].trim());
            }
        }
        throw new IllegalStateException("ConsumerPerformance said: " + String.join("\n", out));
    }

    /** Single-row inserts committed one by one, per second, from {@code connections} clients for {@code seconds}. */
    static double postgresInsertCommit(String jdbcUrl, String user, String password, int connections, int seconds)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_insert");
            s.execute("create table bench_raw_insert (id bigserial primary key, payload text not null, "
                    + "created_at timestamptz not null default now())");
        }
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(connections);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        String payload = "{\"description\":\"家里没有信号 No signal at home since Monday\"," + "\"x\":\"" + "y".repeat(200) + "\"}";
        for (int i = 0; i < connections; i++) {
            new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                     PreparedStatement insert = c.prepareStatement("insert into bench_raw_insert (payload) values (?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < until) {
                        insert.setString(1, payload);
                        insert.executeUpdate();
                        if (System.nanoTime() > warmUntil) {
                            done.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    System.err.println("insert loop failed: " + e);
                } finally {
                    finished.countDown();
                }
            }, "pg-insert-" + i).start();
        }
        finished.await();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_insert");
        }
        return done.get() / (double) (seconds - 2);
    }

    static void createTopic(Map<String, Object> client, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(client)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Stands for the client settings file in a tool's arguments. */
    private static final String CLIENT_FILE = "{client settings}";

    /**
     * Runs one of Kafka's tools with the client's settings (address and login) in a file of its own,
     * readable by this user only and deleted afterwards.
     */
    private static List<String> tool(Map<String, Object> client, String main, String... args)
            throws IOException, InterruptedException {
        Path settings = Files.createTempFile("bench-kafka-client", ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Properties props = new Properties();
            client.forEach((key, value) -> props.setProperty(key, String.valueOf(value)));
            try (var writer = Files.newBufferedWriter(settings)) {
                props.store(writer, null);
            }
            List<String> withFile = new ArrayList<>();
            for (String arg : args) {
                withFile.add(CLIENT_FILE.equals(arg) ? settings.toString() : arg);
            }
            return tool(main, withFile);
        } finally {
            Files.deleteIfExists(settings);
        }
    }

    private static List<String> tool(String main, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(), "-Xmx512m",
                "-Dlog4j2.configurationFile=kafka-broker-log4j2.xml", "-Dkafka.logs.dir=deploy/bench/target",
                "-cp", LocalKafka.brokerClasspath(), main));
        command.addAll(args);
        Path output = Files.createTempFile("bench-tool", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean exited = p.waitFor(10, TimeUnit.MINUTES);
            if (!exited) {
                p.destroyForcibly();
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (!exited || p.exitValue() != 0) {
                throw new IllegalStateException(main + (exited ? " failed: " : " did not finish in 10 minutes: ")
                        + String.join("\n", lines));
            }
            return lines;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
