package com.telco.complaints.deploy.kafka;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in its own
 * JVM by a launcher. It formats the storage on first start, starts the broker, and prints
 * {@value #READY} followed by the bootstrap address on stdout once the broker answers; it runs until
 * the process is terminated, when Kafka's own shutdown hook stops it cleanly.
 *
 * <p>Arguments: {@code --port 9092 --controller-port 9093 --data-dir DIR [--host 127.0.0.1]
 * [--admin-secret FILE]}.
 *
 * <p>With {@code --admin-secret} (a file holding the admin's password) the broker is closed to anyone
 * without a login: its client listener speaks SASL (SCRAM-SHA-512 for clients, whose credentials live
 * in the cluster metadata, and PLAIN for the {@value #ADMIN} principal alone, whose password is in that
 * file, so the broker can reach itself before any SCRAM credential exists), the controller listener
 * PLAIN for {@value #ADMIN} alone, and KRaft's {@code StandardAuthorizer} allows nothing that no ACL
 * grants; {@value #ADMIN} is the only super user. Creating the other principals and their ACLs is the
 * launcher's work, through the admin API.
 */
public final class KafkaBrokerMain {

    public static final String READY = "KAFKA READY ";
    public static final String ADMIN = "admin";

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", String.valueOf(port + 1)));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "target/kafka")).toAbsolutePath();

        String adminSecret = options.containsKey("admin-secret")
                ? Files.readString(Path.of(options.get("admin-secret"))).trim() : null;
        if (adminSecret != null && !adminSecret.matches("[A-Za-z0-9]{16,}")) {
            // It goes into a JAAS line: letters and digits only, and not a short one.
            throw new IllegalArgumentException("the admin secret must be 16 or more letters and digits");
        }
        Path config = writeConfig(dataDir, host, port, controllerPort, adminSecret);
        formatIfNew(dataDir, config);
        Properties probe = new Properties();
        if (adminSecret != null) {
            probe.putAll(adminLogin(adminSecret));
        }
        Thread announcer = new Thread(() -> announceWhenReady(host, port, probe), "kafka-ready-announcer");
        announcer.setDaemon(true);
        announcer.start();
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static Path writeConfig(Path dataDir, String host, int port, int controllerPort, String adminSecret)
            throws IOException {
        Files.createDirectories(dataDir.resolve("logs"));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.setProperty("log.dirs", dataDir.resolve("kraft-logs").toString());
        p.setProperty("num.partitions", "6");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "6");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The controller appends a no-op record to the metadata log every 500 ms by default, which the
        // broker then loads: most of an idle single-node broker's own work. Every 5 s is plenty here.
        p.setProperty("metadata.max.idle.interval.ms", "5000");
        // Threads for a small machine: Kafka's defaults (8 request handlers, 3 network threads per
        // listener) each wake several times a second while idle, and more than the cores buy nothing.
        p.setProperty("num.io.threads", "2");
        p.setProperty("num.network.threads", "2");
        p.setProperty("background.threads", "4");
        p.setProperty("log.retention.hours", "-1");
        p.setProperty("log.segment.bytes", String.valueOf(256 * 1024 * 1024));
        if (adminSecret != null) {
            secure(p, host, port, controllerPort, adminSecret);
        }
        Path config = dataDir.resolve("server.properties");
        Files.deleteIfExists(config);
        try (var out = Files.newBufferedWriter(Files.createFile(config, OWNER_ONLY))) {
            p.store(out, "written by KafkaBrokerMain; rewritten on every start");
        }
        return config;
    }

    /** The configuration holds the admin's password: for this user's eyes only. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** SASL on both listeners and ACLs for everything; see the class comment. */
    private static void secure(Properties p, String host, int port, int controllerPort, String adminSecret) {
        p.setProperty("listeners", "SASL_PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "SASL_PLAINTEXT://" + host + ":" + port);
        p.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
        p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminSecret + "\" user_" + ADMIN + "=\"" + adminSecret + "\";";
        p.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config", plain);
        p.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config", plain);
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + ADMIN);
        p.setProperty("allow.everyone.if.no.acl.found", "false");
    }

    /** The admin's client settings for the PLAIN login that works before any SCRAM credential exists. */
    public static Map<String, String> adminLogin(String adminSecret) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + ADMIN + "\" password=\"" + adminSecret + "\";");
    }

    private static void formatIfNew(Path dataDir, Path config) {
        if (Files.exists(dataDir.resolve("kraft-logs").resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        int status = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(System.err, true));
        if (status != 0) {
            throw new IllegalStateException("formatting the Kafka storage in " + dataDir + " failed (" + status + ")");
        }
    }

    private static void announceWhenReady(String host, int port, Properties login) {
        String bootstrap = host + ":" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            awaitListening(host, port, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Properties props = new Properties();
        props.putAll(login);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    System.out.println(READY + bootstrap);
                    System.out.flush();
                    return;
                } catch (Exception notYet) {
                    Thread.sleep(100);
                }
            }
            System.err.println("Kafka broker did not answer at " + bootstrap + " within 120 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the listener, so the readiness probe does not fill the log with refused connections. */
    private static void awaitListening(String host, int port, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
    }

    /** {@code --name value} pairs. */
    static final class Options {
        static Map<String, String> parse(String[] args) {
            var map = new java.util.HashMap<String, String>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                map.put(args[i].substring(2), args[i + 1]);
            }
            return map;
        }
    }
}
