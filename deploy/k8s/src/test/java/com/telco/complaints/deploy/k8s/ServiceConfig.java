package com.telco.complaints.deploy.k8s;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The configuration keys one service reads, as far as an environment variable can set them: the keys of its
 * {@code application.properties} and of the eventing library's defaults (every profile), the few keys of
 * Quarkus and MicroProfile extensions that the manifests set but no file names, and, for {@code KAFKA_*}
 * variables, every Kafka client setting (Quarkus hands each {@code kafka.*} key, from a variable lower-cased
 * with {@code _} read as {@code .}, to every Kafka client of the service).
 */
final class ServiceConfig {

    static final Path REPO = Path.of("").toAbsolutePath().resolve("../..").normalize();
    /**
     * Read by Quarkus and SmallRye JWT themselves, set by no file: the datasource's password, the token
     * issuer's public key, how long a stopping service waits for requests in flight.
     */
    private static final Set<String> EXTENSION_KEYS = Set.of("quarkus.datasource.password", "mp.jwt.verify.publickey",
            "quarkus.shutdown.timeout");
    /** Read by the java launcher, not by the application. */
    private static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS");

    private final String service;
    private final Properties properties = new Properties();
    private final Set<String> keys = new HashSet<>(EXTENSION_KEYS);

    private ServiceConfig(String service) {
        this.service = service;
        load(REPO.resolve(service + "/src/main/resources/application.properties"));
        load(REPO.resolve("contracts/eventing/src/main/resources/META-INF/microprofile-config.properties"));
        for (String key : properties.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
    }

    static ServiceConfig of(String service) {
        return new ServiceConfig(service);
    }

    /** The value of {@code key} in the service's files (default profile), if any. */
    Optional<String> value(String key) {
        return Optional.ofNullable(properties.getProperty(key));
    }

    /** Whether the environment variable {@code name} sets a key this service reads. */
    boolean reads(String name) {
        if (JVM_VARIABLES.contains(name)) {
            return true;
        }
        if (name.startsWith("KAFKA_")) {
            String setting = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            return ProducerConfig.configNames().contains(setting) || ConsumerConfig.configNames().contains(setting)
                    || AdminClientConfig.configNames().contains(setting);
        }
        return keys.stream().anyMatch(key -> environmentName(key).equals(name));
    }

    /** The environment variable that sets {@code key} (MicroProfile Config's rule). */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private void load(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(in);
            // The service's own file wins over the library's defaults, as in Quarkus.
            p.forEach(properties::putIfAbsent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the configuration of " + service + " at " + file, e);
        }
    }
}
