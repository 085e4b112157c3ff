package com.telco.complaints.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A broker started as {@code deploy/run.sh} starts it (SASL and ACLs), on ports of its own: who may
 * write and read which topic, and who may delete records. Real clients, real broker.
 */
class KafkaAclIT {

    @TempDir
    static Path dataDir;

    private static LocalKafka kafka;
    private static KafkaClients clients;
    private static final SuiteTopics TOPICS = SuiteTopics.DEFAULT;

    @BeforeAll
    static void secureBroker() {
        int port = Ports.free();
        LocalKafka.Settings settings = LocalKafka.Settings.defaults(dataDir.resolve("kafka")).withPort(port).secure();
        settings = new LocalKafka.Settings(settings.host(), port, Ports.free(), settings.dataDir(), "-Xms64m -Xmx256m",
                settings.startTimeout(), true);
        kafka = LocalKafka.startOrReuse(settings);
        TOPICS.ensureExist(kafka.adminSettings(), 2);
        clients = KafkaPrincipals.grant(kafka.adminSettings(), TOPICS, settings.dataDir());
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anAnonymousClientIsRefused() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", kafka.bootstrapServers());
        // The listener speaks SASL only: a client without a login never gets metadata, so never sends.
        assertThatThrownBy(() -> send(anonymous, TOPICS.events()))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    @Test
    void onlyTheDecidingServicesWriteTheEventLog() throws Exception {
        assertThat(send(login(KafkaPrincipals.ROUTING), TOPICS.events()).hasOffset()).isTrue();
        assertThat(send(login(KafkaPrincipals.INTAKE), TOPICS.events()).hasOffset()).isTrue();
        for (String refused : List.of(KafkaPrincipals.PUBLISHER, KafkaPrincipals.ANALYTICS)) {
            assertThatThrownBy(() -> send(login(refused), TOPICS.events()))
                    .as(refused).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        // The reader may write no topic at all, so it is refused even a producer id (cluster authorization).
        assertThatThrownBy(() -> send(login(KafkaPrincipals.READER), TOPICS.events()))
                .hasRootCauseInstanceOf(AuthorizationException.class);
    }

    @Test
    void thePublisherWritesSubmissionsAndNothingElse() throws Exception {
        assertThat(send(login(KafkaPrincipals.PUBLISHER), TOPICS.submissions()).hasOffset()).isTrue();
        for (String topic : List.of(TOPICS.submissionsDlq(), TOPICS.auditCheckpoints())) {
            assertThatThrownBy(() -> send(login(KafkaPrincipals.PUBLISHER), topic))
                    .as(topic).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        // Nor does it read what others published.
        assertThat(readable(login(KafkaPrincipals.PUBLISHER), TOPICS.submissions())).isFalse();
    }

    @Test
    void theReaderReadsTheLogAndWritesNothing() throws Exception {
        send(login(KafkaPrincipals.SLA), TOPICS.events());
        assertThat(readable(login(KafkaPrincipals.READER), TOPICS.events())).isTrue();
        assertThat(readable(login(KafkaPrincipals.READER), TOPICS.submissions())).isFalse();
        for (String topic : TOPICS.all()) {
            assertThatThrownBy(() -> send(login(KafkaPrincipals.READER), topic))
                    .as(topic).hasRootCauseInstanceOf(AuthorizationException.class);
        }
    }

    @Test
    void intakeAloneReadsSubmissionsAndAnalyticsAloneWritesCheckpoints() throws Exception {
        send(login(KafkaPrincipals.PUBLISHER), TOPICS.submissions());
        assertThat(readable(login(KafkaPrincipals.INTAKE), TOPICS.submissions())).isTrue();
        assertThat(readable(login(KafkaPrincipals.ROUTING), TOPICS.submissions())).isFalse();
        assertThat(send(login(KafkaPrincipals.ANALYTICS), TOPICS.auditCheckpoints()).hasOffset()).isTrue();
        assertThatThrownBy(() -> send(login(KafkaPrincipals.SLA), TOPICS.auditCheckpoints()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void slaAloneWritesAndReadsTheBusinessCalendar() throws Exception {
        assertThat(send(login(KafkaPrincipals.SLA), TOPICS.businessCalendar()).hasOffset()).isTrue();
        assertThat(readable(login(KafkaPrincipals.SLA), TOPICS.businessCalendar())).isTrue();
        for (String other : List.of(KafkaPrincipals.ROUTING, KafkaPrincipals.ANALYTICS, KafkaPrincipals.PUBLISHER)) {
            assertThatThrownBy(() -> send(login(other), TOPICS.businessCalendar()))
                    .as(other).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void nobodyButTheAdminDeletesRecordsOrTopics() throws Exception {
        send(login(KafkaPrincipals.SURVEY), TOPICS.events());
        for (String principal : List.of(KafkaPrincipals.SURVEY, KafkaPrincipals.READER)) {
            try (Admin admin = Admin.create(login(principal))) {
                assertThatThrownBy(() -> admin.deleteRecords(Map.of(new TopicPartition(TOPICS.events(), 0),
                        RecordsToDelete.beforeOffset(1))).all().get(20, TimeUnit.SECONDS))
                        .as(principal).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
                assertThatThrownBy(() -> admin.deleteTopics(List.of(TOPICS.events())).all().get(20, TimeUnit.SECONDS))
                        .as(principal).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        try (Admin admin = Admin.create(clients.admin(kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("scratch", 1, (short) 1)))
                    .all().get(20, TimeUnit.SECONDS);
            admin.deleteTopics(List.of("scratch")).all().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void eachPrincipalHasAClientFileThatKafkasToolsCanUse() throws Exception {
        Path file = KafkaPrincipals.clientsDir(dataDir.resolve("kafka")).resolve("publisher.properties");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        }
        Map<String, Object> settings = new HashMap<>();
        props.forEach((k, v) -> settings.put((String) k, v));
        assertThat(settings).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", kafka.bootstrapServers());
        assertThat(send(settings, TOPICS.submissions()).hasOffset()).isTrue();
        assertThat(KafkaPrincipals.clientsDir(dataDir.resolve("kafka")))
                .isDirectoryContaining("glob:**/admin.properties")
                .isDirectoryContaining("glob:**/reader.properties")
                .isDirectoryContaining("glob:**/analytics-service.properties");
    }

    @Test
    void aSecondLauncherReusesTheRunningBrokerWithTheSameLogins() throws Exception {
        LocalKafka again = LocalKafka.startOrReuse(new LocalKafka.Settings("127.0.0.1",
                Integer.parseInt(kafka.bootstrapServers().split(":")[1]), 0, dataDir.resolve("kafka"), "", Duration.ZERO,
                true));
        assertThat(again.startedHere()).isFalse();
        KafkaClients regranted = KafkaPrincipals.grant(again.adminSettings(), TOPICS, dataDir.resolve("kafka"));
        assertThat(send(regranted.client(KafkaPrincipals.ROUTING, kafka.bootstrapServers()), TOPICS.events())
                .hasOffset()).isTrue();
    }

    @Test
    void theRightsOnARunsOwnTopicsAreTakenBackWithThem() throws Exception {
        SuiteTopics run = SuiteTopics.DEFAULT.withSuffix("-run1");
        run.ensureExist(kafka.adminSettings(), 1);
        KafkaPrincipals.grant(kafka.adminSettings(), run, dataDir.resolve("kafka"));
        assertThat(send(login(KafkaPrincipals.PUBLISHER), run.submissions()).hasOffset()).isTrue();

        run.delete(kafka.adminSettings());
        KafkaPrincipals.revoke(kafka.adminSettings(), run);

        try (Admin admin = Admin.create(clients.admin(kafka.bootstrapServers()))) {
            var left = admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values()
                    .get(20, TimeUnit.SECONDS);
            assertThat(left).noneMatch(b -> run.all().contains(b.pattern().name()));
            assertThat(left).anyMatch(b -> b.pattern().name().equals(TOPICS.events()));
        }
    }

    private static Map<String, Object> login(String principal) {
        return clients.client(principal, kafka.bootstrapServers());
    }

    private static RecordMetadata send(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put("key.serializer", StringSerializer.class.getName());
        settings.put("value.serializer", StringSerializer.class.getName());
        settings.put("max.block.ms", "8000");
        settings.put("delivery.timeout.ms", "8000");
        settings.put("request.timeout.ms", "5000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            return producer.send(new ProducerRecord<>(topic, "C1", "{}")).get(15, TimeUnit.SECONDS);
        }
    }

    /** Whether {@code client} can read the records of {@code topic}'s first partition (no group: assigned). */
    private static boolean readable(Map<String, Object> client, String topic) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", StringDeserializer.class.getName());
        settings.put("auto.offset.reset", "earliest");
        settings.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return true;
                }
            }
            return false;
        } catch (TopicAuthorizationException refused) {
            return false;
        }
    }
}
