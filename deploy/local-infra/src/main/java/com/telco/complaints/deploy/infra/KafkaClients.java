package com.telco.complaints.deploy.infra;

import java.util.HashMap;
import java.util.Map;

/**
 * The logins of a broker's principals, by principal; {@link #NONE} for a broker without SASL (the
 * tests' own broker, or an external one configured through the environment).
 */
public record KafkaClients(Map<String, KafkaLogin> logins) {

    public static final KafkaClients NONE = new KafkaClients(Map.of());

    public KafkaClients {
        logins = Map.copyOf(logins);
    }

    public boolean secured() {
        return !logins.isEmpty();
    }

    /** {@code principal}'s client settings: none on a broker without SASL. */
    public Map<String, Object> settingsOf(String principal) {
        if (!secured()) {
            return Map.of();
        }
        return Map.copyOf(login(principal).settings());
    }

    /** {@code principal}'s settings as a Quarkus service's environment; none on a broker without SASL. */
    public Map<String, String> environmentOf(String principal) {
        return secured() ? login(principal).environment() : Map.of();
    }

    /** The admin's client settings, with the address: for the launcher's own clients (topics, tests, benchmarks). */
    public Map<String, Object> admin(String bootstrapServers) {
        return client(KafkaPrincipals.ADMIN, bootstrapServers);
    }

    /** {@code principal}'s client settings with the address. */
    public Map<String, Object> client(String principal, String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>(settingsOf(principal));
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
    }

    private KafkaLogin login(String principal) {
        KafkaLogin login = logins.get(principal);
        if (login == null) {
            throw new IllegalArgumentException("no Kafka principal '" + principal + "'; known: " + logins.keySet());
        }
        return login;
    }

    @Override
    public String toString() {
        return secured() ? "KafkaClients" + logins.keySet() : "KafkaClients[no SASL]";
    }
}
