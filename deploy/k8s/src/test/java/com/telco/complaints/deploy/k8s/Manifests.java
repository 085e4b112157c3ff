package com.telco.complaints.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One built kustomization as typed objects: the fabric8 Kubernetes model for Kubernetes' own kinds, Strimzi's
 * {@code api} model for the broker's, and {@link GenericKubernetesResource} for CloudNativePG's (which has no
 * Java model). A kind none of them knows is refused, and so is any field the typed model does not know (both
 * models keep unknown fields aside instead of failing, so they are looked for): a misspelt field would
 * otherwise be dropped silently by the API server or the operator.
 */
record Manifests(String name, List<HasMetadata> resources) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));
    /** CloudNativePG's kinds (and its Barman Cloud plugin's), read as generic resources. */
    private static final Set<String> GENERIC = Set.of("postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore");

    /** Builds the kustomization in {@code dir} and reads every resource into its type. */
    static Manifests build(Path dir) {
        List<HasMetadata> typed = new ArrayList<>();
        for (Map<String, Object> raw : Kustomize.build(dir)) {
            typed.add(read(raw));
        }
        return new Manifests(dir.getFileName().toString(), List.copyOf(typed));
    }

    static HasMetadata read(Map<String, Object> raw) {
        String type = raw.get("apiVersion") + "/" + raw.get("kind");
        String where = type + " " + Kustomize.metadata(raw).get("name");
        if (GENERIC.contains(type)) {
            return SERIALIZATION.convertValue(raw, GenericKubernetesResource.class);
        }
        Class<? extends HasMetadata> cls = TYPES.get(type);
        if (cls == null) {
            throw new IllegalArgumentException(where + ": a kind these manifests do not use (known: " + TYPES.keySet()
                    + " and " + GENERIC + ")");
        }
        HasMetadata resource;
        try {
            resource = SERIALIZATION.convertValue(raw, cls);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": does not read as " + cls.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(resource, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": fields unknown to " + cls.getSimpleName() + ": " + unknown);
        }
        return resource;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    /** Walks the model's getters; every non-empty {@code additionalProperties} is a field the model does not know. */
    private static void unknownFields(Object node, String path, List<String> found, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, found, seen));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(name.startsWith("get") || name.startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add(path + "." + k));
                }
            } else {
                String field = Character.toLowerCase(name.charAt(name.startsWith("is") ? 2 : 3))
                        + name.substring(name.startsWith("is") ? 3 : 4);
                unknownFields(value, path + "." + field, found, seen);
            }
        }
    }
}
