package com.telco.complaints.deploy.k8s;

import com.telco.complaints.deploy.infra.KafkaPrincipals;
import com.telco.complaints.deploy.infra.LocalKafka;
import com.telco.complaints.deploy.infra.Ports;
import com.telco.complaints.deploy.infra.SuiteTopics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KafkaTopics and KafkaUsers of the manifests against what the suite's own code makes on a real broker:
 * a broker started as {@code deploy/run.sh} starts it (SASL, ACLs), on ports of its own, where
 * {@link SuiteTopics} creates the topics (with the manifests' partition count for the partitioned ones) and
 * {@link KafkaPrincipals} grants the rights; then the topics' partitions and settings and every principal's
 * ACLs are read back from the broker and compared with the manifests. Numbers and rights are never copied
 * into this test: a change to either side that the other does not follow fails here.
 */
class KafkaTopicsAndUsersIT {

    @TempDir
    static Path dataDir;

    private static LocalKafka kafka;
    private static Admin admin;
    private static final SuiteTopics TOPICS = SuiteTopics.DEFAULT;

    @BeforeAll
    static void secureBroker() {
        int port = Ports.free();
        LocalKafka.Settings settings = LocalKafka.Settings.defaults(dataDir.resolve("kafka")).withPort(port).secure();
        settings = new LocalKafka.Settings(settings.host(), port, Ports.free(), settings.dataDir(), "-Xms64m -Xmx256m",
                settings.startTimeout(), true);
        kafka = LocalKafka.startOrReuse(settings);
        int partitions = ManifestsTest.build("overlays/production").find(KafkaTopic.class, ManifestChecks.EVENTS_TOPIC)
                .orElseThrow().getSpec().getPartitions();
        TOPICS.ensureExist(kafka.adminSettings(), partitions);
        KafkaPrincipals.grant(kafka.adminSettings(), TOPICS, settings.dataDir());
        admin = Admin.create(kafka.adminSettings());
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/production"})
    void theTopicsAreThoseTheSuiteCreates(String overlay) throws Exception {
        Map<String, KafkaTopic> manifests = ManifestsTest.build(overlay).all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName() != null ? t.getSpec().getTopicName()
                        : t.getMetadata().getName(), t -> t));
        assertThat(manifests.keySet()).containsExactlyInAnyOrderElementsOf(TOPICS.all());

        Map<String, TopicDescription> described = admin.describeTopics(TOPICS.all()).allTopicNames()
                .get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(TOPICS.all().stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get(30, TimeUnit.SECONDS);
        for (String topic : TOPICS.all()) {
            KafkaTopic manifest = manifests.get(topic);
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
            assertThat(manifest.getSpec().getPartitions()).as("partitions of %s", topic)
                    .isEqualTo(described.get(topic).partitions().size());
            for (String key : List.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.CLEANUP_POLICY_CONFIG)) {
                assertThat(String.valueOf(manifest.getSpec().getConfig().get(key))).as("%s of %s", key, topic)
                        .isEqualTo(config.get(key).value());
            }
        }
    }

    @Test
    void everyPrincipalHasExactlyTheRightsTheLauncherGrants() throws Exception {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (AclBinding b : admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)) {
            granted.computeIfAbsent(b.entry().principal().substring("User:".length()), k -> new TreeSet<>())
                    .add(right(b.pattern().resourceType().name(), b.pattern().name(), b.pattern().patternType().name(),
                            b.entry().operation().name(), b.entry().host(), b.entry().permissionType().name()));
        }
        Manifests production = ManifestsTest.build("overlays/production");
        Map<String, Set<String>> manifests = new TreeMap<>();
        for (KafkaUser user : production.all(KafkaUser.class)) {
            Set<String> rights = new TreeSet<>();
            if (user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple) {
                for (AclRule rule : simple.getAcls()) {
                    String host = rule.getHost() == null ? "*" : rule.getHost();
                    String permission = rule.getType() == null ? "ALLOW"
                            : rule.getType().toValue().toUpperCase(Locale.ROOT);
                    AclRuleResource resource = rule.getResource();
                    rule.getOperations().forEach(op -> rights.add(right(type(resource), name(resource),
                            pattern(resource), op.toValue().toUpperCase(Locale.ROOT), host, permission)));
                }
            }
            if (!rights.isEmpty()) {
                manifests.put(user.getMetadata().getName(), rights);
            }
        }
        assertThat(manifests).isEqualTo(granted);
        assertThat(production.all(KafkaUser.class)).extracting(u -> u.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(KafkaPrincipals.names());
        // The one principal the launcher gives no ACL is the super user.
        Set<String> superUsers = new TreeSet<>(KafkaPrincipals.names());
        superUsers.removeAll(granted.keySet());
        KafkaAuthorizationSimple authorization = (KafkaAuthorizationSimple) production.find(Kafka.class, "complaints")
                .orElseThrow().getSpec().getKafka().getAuthorization();
        assertThat(authorization.getSuperUsers()).containsExactlyInAnyOrderElementsOf(superUsers);
    }

    private static String right(String type, String name, String pattern, String operation, String host,
                                String permission) {
        return String.join(" ", permission, operation, type, pattern, name, "host", host);
    }

    private static String type(AclRuleResource resource) {
        if (resource instanceof AclRuleTopicResource) {
            return "TOPIC";
        } else if (resource instanceof AclRuleGroupResource) {
            return "GROUP";
        } else if (resource instanceof AclRuleTransactionalIdResource) {
            return "TRANSACTIONAL_ID";
        }
        throw new IllegalArgumentException("a resource the launcher grants nothing on: " + resource);
    }

    private static String name(AclRuleResource resource) {
        if (resource instanceof AclRuleTopicResource t) {
            return t.getName();
        } else if (resource instanceof AclRuleGroupResource g) {
            return g.getName();
        }
        return ((AclRuleTransactionalIdResource) resource).getName();
    }

    private static String pattern(AclRuleResource resource) {
        AclResourcePatternType type;
        if (resource instanceof AclRuleTopicResource t) {
            type = t.getPatternType();
        } else if (resource instanceof AclRuleGroupResource g) {
            type = g.getPatternType();
        } else {
            type = ((AclRuleTransactionalIdResource) resource).getPatternType();
        }
        return type == AclResourcePatternType.PREFIX ? "PREFIXED" : "LITERAL";
    }
}
