package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.KafkaClients;
import com.telco.complaints.deploy.infra.KafkaPrincipals;
import com.telco.complaints.deploy.infra.SuiteTopics;

import java.util.Map;

/**
 * Where the services find the infrastructure of one suite run.
 *
 * @param user     who created the database (a superuser): the suite's own work, never a service's
 * @param password null when the server needs none (trust auth, embedded PostgreSQL)
 * @param logins   each service's own database role, when the suite created them; a service without
 *                 one connects as {@code user} (a database given as a JDBC URL is used as it is)
 * @param secrets  environment variables a service gets from the suite's data directory (keys that
 *                 must stay out of the database), unless the user set them
 * @param kafka    the broker's principals and their logins, when the suite started it with SASL and ACLs;
 *                 {@link KafkaClients#NONE} otherwise
 */
public record Endpoints(String bootstrapServers, String jdbcUrl, String user, String password, SuiteTopics topics,
                        Map<Service, Login> logins, Map<Service, Map<String, String>> secrets, KafkaClients kafka) {

    /** A database login; {@code password} null for none. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return user + (password == null ? "" : "/***");
        }
    }

    public Endpoints {
        logins = Map.copyOf(logins);
        secrets = Map.copyOf(secrets);
        kafka = kafka == null ? KafkaClients.NONE : kafka;
    }

    public Endpoints(String bootstrapServers, String jdbcUrl, String user, String password, SuiteTopics topics,
                     Map<Service, Login> logins, Map<Service, Map<String, String>> secrets) {
        this(bootstrapServers, jdbcUrl, user, password, topics, logins, secrets, KafkaClients.NONE);
    }

    public Endpoints(String bootstrapServers, String jdbcUrl, String user, String password, SuiteTopics topics) {
        this(bootstrapServers, jdbcUrl, user, password, topics, Map.of(), Map.of());
    }

    /** The same, with these secrets for the services. */
    public Endpoints withSecrets(Map<Service, Map<String, String>> serviceSecrets) {
        return new Endpoints(bootstrapServers, jdbcUrl, user, password, topics, logins, serviceSecrets, kafka);
    }

    /** The same, with these logins to the broker. */
    public Endpoints withKafka(KafkaClients clients) {
        return new Endpoints(bootstrapServers, jdbcUrl, user, password, topics, logins, secrets, clients);
    }

    /**
     * The broker's address and the admin's login: for the suite's own clients (topics, tests,
     * benchmarks), never for a service.
     */
    public Map<String, Object> kafkaAdmin() {
        return kafka.admin(bootstrapServers);
    }

    /** The broker's address and {@code principal}'s login (e.g. {@code publisher}, {@code reader}). */
    public Map<String, Object> kafkaClient(String principal) {
        return kafka.client(principal, bootstrapServers);
    }

    /**
     * Deletes this run's topics and, on a broker whose principals the suite granted rights, takes
     * those rights back (ACLs outlive their topics). For runs with topics of their own.
     */
    public void deleteTopics() {
        topics.delete(kafkaAdmin());
        if (kafka.secured()) {
            KafkaPrincipals.revoke(kafkaAdmin(), topics);
        }
    }

    /** The environment variables of {@code service}'s broker login; none on a broker without SASL. */
    public Map<String, String> kafkaLoginOf(Service service) {
        return kafka.environmentOf(service.id());
    }

    /** The environment variables of {@code service}'s secrets. */
    public Map<String, String> secretsOf(Service service) {
        return secrets.getOrDefault(service, Map.of());
    }

    /** How {@code service} logs in to the database. */
    public Login loginOf(Service service) {
        return logins.getOrDefault(service, new Login(user, password));
    }

    /** Without the passwords, which have no business in logs. */
    @Override
    public String toString() {
        return "Endpoints[bootstrapServers=" + bootstrapServers + ", jdbcUrl=" + jdbcUrl + ", user=" + user
                + (password == null ? "" : ", password=***") + ", topics=" + topics.all()
                + (logins.isEmpty() ? "" : ", logins=" + logins)
                + (secrets.isEmpty() ? "" : ", secrets of " + secrets.keySet()) + ", kafka=" + kafka + "]";
    }
}
