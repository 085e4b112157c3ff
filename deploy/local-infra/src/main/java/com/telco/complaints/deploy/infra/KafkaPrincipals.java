package com.telco.complaints.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The principals of the suite's broker and what each may do, granted through the admin API: each
 * service its own principal, named after the service, with only the rights it needs; a
 * {@value #PUBLISHER} for systems that publish complaints; a {@value #READER} for systems that follow
 * the log; and {@value #ADMIN}, the broker's only super user (the only one who may delete records or
 * topics). A principal's password is kept under {@code <kafka data dir>/secrets/} and its client
 * settings are written to {@code <kafka data dir>/clients/<principal>.properties}, for Kafka's own
 * console tools ({@code --command-config}, {@code --producer.config}, {@code --consumer.config}).
 *
 * <table>
 * <caption>Rights (topics by the run's names; consumer groups and transactional ids by prefix)</caption>
 * <tr><th>principal</th><th>topics</th><th>groups, transactional ids</th></tr>
 * <tr><td>intake-service</td><td>reads submissions; writes (and reads) events and the submissions' dead letters</td>
 *     <td>prefix {@code intake-service}</td></tr>
 * <tr><td>routing-, sla-, survey-service</td><td>read and write events; sla also reads and writes the business
 *     calendar</td><td>prefix: the service's name</td></tr>
 * <tr><td>analytics-service</td><td>reads events; reads and writes audit checkpoints</td>
 *     <td>prefix {@code analytics-service}</td></tr>
 * <tr><td>publisher</td><td>writes submissions</td><td>none</td></tr>
 * <tr><td>reader</td><td>reads events</td><td>groups with prefix {@code reader}</td></tr>
 * </table>
 */
public final class KafkaPrincipals {

    public static final String ADMIN = "admin";
    public static final String PUBLISHER = "publisher";
    public static final String READER = "reader";
    public static final String INTAKE = "intake-service";
    public static final String ROUTING = "routing-service";
    public static final String SLA = "sla-service";
    public static final String SURVEY = "survey-service";
    public static final String ANALYTICS = "analytics-service";
    /** The services that decide events: they alone write the log. */
    private static final List<String> DECIDING = List.of(INTAKE, ROUTING, SLA, SURVEY);
    public static final List<String> SERVICES = List.of(INTAKE, ROUTING, SLA, SURVEY, ANALYTICS);
    private static final List<String> ALL = List.of(ADMIN, INTAKE, ROUTING, SLA, SURVEY, ANALYTICS, PUBLISHER, READER);
    private static final int SCRAM_ITERATIONS = 8192;

    private KafkaPrincipals() {}

    /** The admin's password, kept under the broker's data directory (what the broker is started with). */
    public static Path adminSecretFile(Path kafkaDataDir) {
        Secrets.in(secretsDir(kafkaDataDir), ADMIN + ".password");
        return secretsDir(kafkaDataDir).resolve(ADMIN + ".password");
    }

    public static Path clientsDir(Path kafkaDataDir) {
        return kafkaDataDir.resolve("clients");
    }

    /**
     * Creates or refreshes every principal's SCRAM credential and grants the rights of the class
     * comment on {@code topics}, logged in as {@code admin}; writes the client properties files.
     * Idempotent: the same on every start.
     */
    public static KafkaClients grant(Map<String, Object> admin, SuiteTopics topics, Path kafkaDataDir) {
        Map<String, KafkaLogin> logins = new LinkedHashMap<>();
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        for (String principal : ALL) {
            String password = Secrets.in(secretsDir(kafkaDataDir), principal + ".password");
            logins.put(principal, KafkaLogin.scram(principal, password));
            credentials.add(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password));
        }
        try (Admin client = Admin.create(admin)) {
            client.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            client.createAcls(rights(topics)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the Kafka principals at " + admin.get("bootstrap.servers")
                    + ": " + e, e);
        }
        KafkaClients clients = new KafkaClients(logins);
        writeClientFiles(clients, String.valueOf(admin.get("bootstrap.servers")), kafkaDataDir);
        return clients;
    }

    /**
     * Takes back every right on {@code topics} (a run's own topics, deleted after it): ACLs outlive
     * the topics they name, and would give a later topic of the same name to the same principals.
     */
    public static void revoke(Map<String, Object> admin, SuiteTopics topics) {
        List<AclBindingFilter> filters = topics.all().stream().map(topic -> new AclBindingFilter(
                new ResourcePatternFilter(ResourceType.TOPIC, topic, PatternType.LITERAL), AccessControlEntryFilter.ANY))
                .toList();
        try (Admin client = Admin.create(admin)) {
            client.deleteAcls(filters).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot take back the rights on " + topics.all() + ": " + e, e);
        }
    }

    /** The rights of the class comment, as ACL bindings. */
    static List<AclBinding> rights(SuiteTopics topics) {
        List<AclBinding> acl = new ArrayList<>();
        for (String service : SERVICES) {
            allow(acl, service, ResourceType.GROUP, service, PatternType.PREFIXED, AclOperation.READ);
        }
        for (String service : DECIDING) {
            allow(acl, service, ResourceType.TOPIC, topics.events(), PatternType.LITERAL, AclOperation.WRITE);
            allow(acl, service, ResourceType.TRANSACTIONAL_ID, service, PatternType.PREFIXED, AclOperation.WRITE);
        }
        for (String service : List.of(ROUTING, SLA, SURVEY, ANALYTICS)) {
            allow(acl, service, ResourceType.TOPIC, topics.events(), PatternType.LITERAL, AclOperation.READ);
        }
        // A relay keeps its relayed ids as the offset metadata of its group on the topic it writes,
        // which needs the right to read that topic: intake relays to the events and the dead letters.
        allow(acl, INTAKE, ResourceType.TOPIC, topics.events(), PatternType.LITERAL, AclOperation.READ);
        allow(acl, INTAKE, ResourceType.TOPIC, topics.submissions(), PatternType.LITERAL, AclOperation.READ);
        allow(acl, INTAKE, ResourceType.TOPIC, topics.submissionsDlq(), PatternType.LITERAL, AclOperation.WRITE);
        allow(acl, INTAKE, ResourceType.TOPIC, topics.submissionsDlq(), PatternType.LITERAL, AclOperation.READ);
        allow(acl, ANALYTICS, ResourceType.TOPIC, topics.auditCheckpoints(), PatternType.LITERAL, AclOperation.WRITE);
        allow(acl, ANALYTICS, ResourceType.TOPIC, topics.auditCheckpoints(), PatternType.LITERAL, AclOperation.READ);
        allow(acl, SLA, ResourceType.TOPIC, topics.businessCalendar(), PatternType.LITERAL, AclOperation.WRITE);
        allow(acl, SLA, ResourceType.TOPIC, topics.businessCalendar(), PatternType.LITERAL, AclOperation.READ);
        allow(acl, PUBLISHER, ResourceType.TOPIC, topics.submissions(), PatternType.LITERAL, AclOperation.WRITE);
        allow(acl, READER, ResourceType.TOPIC, topics.events(), PatternType.LITERAL, AclOperation.READ);
        allow(acl, READER, ResourceType.GROUP, READER, PatternType.PREFIXED, AclOperation.READ);
        return acl;
    }

    private static void allow(List<AclBinding> acl, String principal, ResourceType type, String name,
                              PatternType pattern, AclOperation operation) {
        acl.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
    }

    private static void writeClientFiles(KafkaClients clients, String bootstrapServers, Path kafkaDataDir) {
        Path dir = clientsDir(kafkaDataDir);
        try {
            Files.createDirectories(dir);
            for (String principal : clients.logins().keySet()) {
                Map<String, Object> settings = new TreeMap<>(clients.client(principal, bootstrapServers));
                StringBuilder text = new StringBuilder("# Kafka client settings of principal '" + principal
                        + "', written by deploy/run.sh on every start.\n# e.g. bin/kafka-console-consumer.sh "
                        + "--bootstrap-server " + bootstrapServers + " --consumer.config " + dir.resolve(principal
                        + ".properties") + " --topic ...\n");
                settings.forEach((key, value) -> text.append(key).append('=').append(escape(String.valueOf(value)))
                        .append('\n'));
                Secrets.writeOwnerOnly(dir.resolve(principal + ".properties"), text.toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the Kafka client settings to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A value as java.util.Properties reads it back. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static Path secretsDir(Path kafkaDataDir) {
        return kafkaDataDir.resolve("secrets");
    }

    /** The principals this class knows. */
    public static Set<String> names() {
        return Set.copyOf(ALL);
    }
}
