package com.telco.complaints.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold of one built kustomization for the suite to start and work on a cluster, checked without a
 * cluster: each finding is one sentence naming the resource. {@link #run} gathers the findings of every kind of
 * check, so one run names every defect at once; this class holds what the kinds share.
 */
abstract class ManifestChecks {

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "sla-service", "survey-service",
            "analytics-service");
    /** The service that must run as one instance: each analytics instance would publish the audit checkpoints. */
    static final String SINGLE_INSTANCE = "analytics-service";
    static final String EVENTS_TOPIC = "complaint-events";
    /** Marks a Kafka or database cluster that gives up redundancy (overlays/small). */
    static final String NOT_FOR_PRODUCTION = "complaint-suite/not-for-production";
    /**
     * The longest an outbox relay takes to stop: {@code OutboxRelay.stop} waits up to 30 s for the batch in
     * flight, and the relay's producer is closed within 5 s of that.
     */
    static final int RELAY_DRAIN_SECONDS = 35;
    /** The launcher's heap (README, "Memory": -Xmx192m), the least a service is given. */
    static final long LEAST_HEAP = 192L << 20;
    /** What a service needs besides its heap: about 145 MB measured after start-up; kept with a margin. */
    static final long LEAST_NON_HEAP = 160L << 20;

    final Manifests m;
    final String version;
    private final List<String> findings;

    ManifestChecks(Manifests manifests, String version, List<String> findings) {
        this.m = manifests;
        this.version = version;
        this.findings = findings;
    }

    /** Every finding about {@code manifests}, whose images must carry the tag {@code version}. */
    static List<String> run(Manifests manifests, String version) {
        List<String> findings = new ArrayList<>();
        new ServiceChecks(manifests, version, findings).check();
        new ReferenceChecks(manifests, version, findings).check();
        new ClusterChecks(manifests, version, findings).check();
        return findings;
    }

    abstract void check();

    void fail(String format, Object... args) {
        findings.add(m.name() + ": " + String.format(format, args));
    }

    // ---- helpers ----

    /** The Secrets of the manifests, and those the operators write: a KafkaUser's login, the Kafka cluster's CA. */
    Map<String, Set<String>> secretKeys() {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Secret s : m.all(Secret.class)) {
            Set<String> keys = new TreeSet<>(keys(s.getData()));
            keys.addAll(keys(s.getStringData()));
            secrets.put(name(s), keys);
        }
        m.all(KafkaUser.class).forEach(u -> secrets.put(name(u), Set.of("password", "sasl.jaas.config")));
        m.all(Kafka.class).forEach(k -> secrets.put(name(k) + "-cluster-ca-cert",
                Set.of("ca.crt", "ca.p12", "ca.password")));
        return secrets;
    }

    /** The service's environment: its own variables over those of the ConfigMaps it takes whole. */
    Map<String, String> env(Deployment d, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                m.find(ConfigMap.class, from.getConfigMapRef().getName()).ifPresent(cm -> env.putAll(cm.getData()));
            }
            if (from.getSecretRef() != null) {
                m.find(Secret.class, from.getSecretRef().getName()).ifPresent(s -> {
                    keys(s.getData()).forEach(k -> env.put(k, "(secret)"));
                    keys(s.getStringData()).forEach(k -> env.put(k, "(secret)"));
                });
            }
        }
        for (EnvVar e : c.getEnv()) {
            env.put(e.getName(), e.getValue() != null ? e.getValue() : "(from " + e.getValueFrom() + ")");
        }
        return env;
    }

    static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static Map<String, String> podLabels(Deployment d) {
        return Optional.ofNullable(d.getSpec().getTemplate().getMetadata().getLabels()).orElse(Map.of());
    }

    /** Whether {@code selector} (matchLabels and In expressions) selects pods with {@code labels}. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        boolean matches = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        for (var expression : selector.getMatchExpressions()) {
            matches &= switch (expression.getOperator()) {
                case "In" -> expression.getValues().contains(labels.get(expression.getKey()));
                case "NotIn" -> !expression.getValues().contains(labels.get(expression.getKey()));
                case "Exists" -> labels.containsKey(expression.getKey());
                case "DoesNotExist" -> !labels.containsKey(expression.getKey());
                default -> false;
            };
        }
        return matches;
    }

    /** A port by number or by the name of one of the container's ports. */
    static Integer resolve(IntOrString port, Container c) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    static boolean notForProduction(Map<String, String> annotations) {
        return annotations != null && annotations.containsKey(NOT_FOR_PRODUCTION);
    }

    static String label(Map<String, String> labels, String key) {
        return labels == null ? null : labels.get(key);
    }

    static Set<String> keys(Map<String, String> data) {
        return data == null ? Set.of() : data.keySet();
    }

    static String name(io.fabric8.kubernetes.api.model.HasMetadata r) {
        return r.getMetadata().getName();
    }
}
