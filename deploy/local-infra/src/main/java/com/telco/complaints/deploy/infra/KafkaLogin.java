package com.telco.complaints.deploy.infra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How one principal logs in to a broker that requires SASL: the Kafka client settings
 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}), without the address.
 */
public record KafkaLogin(String principal, String mechanism, Map<String, String> settings) {

    public KafkaLogin {
        settings = Map.copyOf(settings);
    }

    /** SCRAM-SHA-512: what every client of the suite's broker uses. */
    public static KafkaLogin scram(String principal, String password) {
        return of(principal, "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule", password);
    }

    /**
     * PLAIN, checked against the broker's own configuration: the admin's login while no SCRAM
     * credential exists yet (a broker's first start).
     */
    public static KafkaLogin plain(String principal, String password) {
        return of(principal, "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule", password);
    }

    private static KafkaLogin of(String principal, String mechanism, String module, String password) {
        if (!principal.matches("[a-z][a-z0-9-]*") || !password.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("principal and password must be plain words (they go into a JAAS line)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", "SASL_PLAINTEXT");
        settings.put("sasl.mechanism", mechanism);
        settings.put("sasl.jaas.config", module + " required username=\"" + principal + "\" password=\"" + password + "\";");
        return new KafkaLogin(principal, mechanism, settings);
    }

    /**
     * The same settings as environment variables of a Quarkus service ({@code KAFKA_SASL_MECHANISM}…),
     * which Quarkus hands to every Kafka client of the service (its {@code default-kafka-broker}
     * configuration).
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        settings.forEach((key, value) -> env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    /** Without the password, which has no business in logs. */
    @Override
    public String toString() {
        return "KafkaLogin[" + principal + ", " + mechanism + "]";
    }
}
