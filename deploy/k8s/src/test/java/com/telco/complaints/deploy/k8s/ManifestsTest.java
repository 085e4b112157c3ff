package com.telco.complaints.deploy.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The base and every overlay build, read into typed objects, and pass {@link ManifestChecks}; the production
 * overlay is redundant and scales, the small one is marked as not for production; and broken manifests (under
 * src/test/resources/broken) are refused, each with a finding that names the defect.
 */
class ManifestsTest {

    static final Path K8S = Path.of("").toAbsolutePath();
    static final String VERSION = System.getProperty("project.version", "1.0.0-SNAPSHOT");

    static Manifests build(String dir) {
        return Manifests.build(K8S.resolve(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/production", "overlays/production-backup"})
    void everyBuildPassesTheChecks(String dir) {
        Manifests manifests = build(dir);
        assertThat(manifests.all(Deployment.class)).hasSize(5);
        assertThat(ManifestChecks.run(manifests, VERSION)).isEmpty();
        assertThat(manifests.resources()).allSatisfy(r -> assertThat(r.getMetadata().getNamespace())
                .as("namespace of %s", r.getMetadata().getName()).isEqualTo("complaint-suite"));
    }

    @Test
    void productionIsRedundantAndScalesUpToThePartitions() {
        Manifests production = build("overlays/production");
        Kafka kafka = production.find(Kafka.class, "complaints").orElseThrow();
        assertThat(kafka.getMetadata().getAnnotations()).doesNotContainKey(ManifestChecks.NOT_FOR_PRODUCTION);
        assertThat(production.all(KafkaNodePool.class)).extracting(p -> p.getSpec().getReplicas()).containsOnly(3);
        KafkaTopic events = production.find(KafkaTopic.class, ManifestChecks.EVENTS_TOPIC).orElseThrow();
        assertThat(events.getSpec().getReplicas()).isEqualTo(3);
        assertThat(events.getSpec().getConfig()).containsEntry("min.insync.replicas", 2)
                .containsEntry("retention.ms", -1);
        GenericKubernetesResource db = production.generic("Cluster").get(0);
        assertThat((Object) db.get("spec", "instances")).isEqualTo(3);
        assertThat(production.all(HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("intake-service", "routing-service", "sla-service", "survey-service");
        assertThat(production.find(Deployment.class, "intake-service").orElseThrow().getSpec().getReplicas()).isNull();
    }

    @Test
    void smallRunsOneOfEachAndSaysItIsNotForProduction() {
        Manifests small = build("overlays/small");
        assertThat(small.all(Deployment.class)).extracting(d -> d.getSpec().getReplicas()).containsOnly(1);
        assertThat(small.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(small.find(Kafka.class, "complaints").orElseThrow().getMetadata().getAnnotations())
                .containsKey(ManifestChecks.NOT_FOR_PRODUCTION);
        assertThat(small.all(KafkaTopic.class)).extracting(t -> t.getSpec().getReplicas()).containsOnly(1);
        // The partition count cannot be lowered later, so small keeps production's.
        assertThat(partitions(small)).isEqualTo(partitions(build("overlays/production")));
    }

    private static int partitions(Manifests manifests) {
        return manifests.find(KafkaTopic.class, ManifestChecks.EVENTS_TOPIC).orElseThrow().getSpec().getPartitions();
    }

    @Test
    void backupsAreAnOptionOfProduction() {
        Manifests backup = build("overlays/production-backup");
        GenericKubernetesResource db = backup.generic("Cluster").get(0);
        assertThat((Object) db.get("spec", "plugins", 0, "parameters", "barmanObjectName"))
                .isEqualTo("complaints-backups");
        assertThat(backup.generic("ObjectStore")).hasSize(1);
        assertThat(backup.generic("ScheduledBackup")).hasSize(1);
        assertThat(build("overlays/production").generic("Cluster").get(0).getAdditionalProperties().get("spec"))
                .asString().doesNotContain("plugins");
    }

    /** Each directory under broken/ is the base with one defect; the checks must name it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing-secret-key  | reads key sasl.jaas-config of Secret routing-service, which has only [password, sasl",
            "wrong-probe-path    | Deployment sla-service: the readiness probe asks /health/ready, not /q/health/ready",
            "wrong-target-port   | Service survey-service port http targets 8081, which is not the port 8080",
            "too-many-replicas   | HorizontalPodAutoscaler intake-service may run 13 instances, more than the 12 parti",
            "unknown-env         | Deployment intake-service sets QUARKUS_DATASOURCE_JDBC_URI, which sets no configuration",
            "small-heap          | Deployment routing-service: a memory limit of 256Mi leaves 128 MiB beside a 128 MiB",
            "open-egress         | NetworkPolicy complaint-suite-services lets intake-service reach",
            "single-replica-topic | Kafka complaints runs 3 brokers and 3 controllers with topics of fewer than 3 replicas",
            "short-grace         | Deployment survey-service: terminationGracePeriodSeconds 30 is not longer than",
            "analytics-scaled    | HorizontalPodAutoscaler analytics-service scales analytics-service, which must run as one",
            "analytics-rolling   | Deployment analytics-service must be replaced by stopping the old instance first",
            "backup-without-credentials | ObjectStore complaints-backups: secretAccessKey reads key SECRET_ACCESS_KEY of Secret",
            "wrong-role-secret   | its passwordSecret complaints-sla-db must be a basic-auth Secret with username complaints_sla",
    })
    void aBrokenManifestIsRefused(String dir, String finding) {
        Manifests broken = Manifests.build(K8S.resolve("src/test/resources/broken").resolve(dir));
        assertThat(ManifestChecks.run(broken, VERSION)).anySatisfy(f -> assertThat(f).contains(finding));
    }

    @Test
    void aMisspeltFieldIsRefusedWhenRead() {
        assertThatThrownBy(() -> Manifests.build(K8S.resolve("src/test/resources/broken/misspelt-field")))
                .hasMessageContaining("KafkaTopic complaint-events: fields unknown to KafkaTopic: [.spec.replica]");
    }

    @Test
    void anUnsupportedKustomizationIsRefused() {
        assertThatThrownBy(() -> Manifests.build(K8S.resolve("src/test/resources/broken/unsupported-kustomization")))
                .hasMessageContaining("'configMapGenerator' is not supported by this build");
    }

    @Test
    void theHeapFollowsTheLimit() {
        assertThat(ServiceChecks.heap("-XX:MaxRAMPercentage=50 -XX:+UseSerialGC", 512L << 20)).isEqualTo(256L << 20);
        assertThat(ServiceChecks.heap("-XX:MaxRAMPercentage=50 -Xmx192m", 512L << 20)).isEqualTo(192L << 20);
        assertThat(ServiceChecks.heap("-XX:+UseSerialGC", 512L << 20)).isNull();
    }
}
