package com.telco.complaints.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker (Strimzi) and the database (CloudNativePG) that the services' settings name, and the network
 * policies that let the services reach them and nothing else.
 */
final class ClusterChecks extends ManifestChecks {

    ClusterChecks(Manifests manifests, String version, List<String> findings) {
        super(manifests, version, findings);
    }

    @Override
    void check() {
        kafka();
        database();
        networkPolicies();
    }

    private void kafka() {
        Map<String, String> client = m.find(ConfigMap.class, "kafka-client").map(ConfigMap::getData).orElse(Map.of());
        String bootstrap = client.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        Matcher address = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap(?:\\.[a-z0-9.-]+)?:(\\d+)").matcher(bootstrap);
        if (!address.matches()) {
            fail("KAFKA_BOOTSTRAP_SERVERS '%s' is not a Strimzi bootstrap Service (<cluster>-kafka-bootstrap:<port>)",
                    bootstrap);
            return;
        }
        Optional<Kafka> found = m.find(Kafka.class, address.group(1));
        if (found.isEmpty()) {
            fail("no Kafka %s, which KAFKA_BOOTSTRAP_SERVERS names", address.group(1));
            return;
        }
        Kafka kafka = found.get();
        int port = Integer.parseInt(address.group(2));
        Optional<GenericKafkaListener> listener = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getPort() == port).findFirst();
        if (listener.isEmpty()) {
            fail("Kafka %s has no listener on port %d, which KAFKA_BOOTSTRAP_SERVERS names", name(kafka), port);
        } else {
            boolean ssl = "SASL_SSL".equals(client.get("KAFKA_SECURITY_PROTOCOL"));
            if (listener.get().isTls() != ssl
                    || !(listener.get().getAuth() instanceof KafkaListenerAuthenticationScramSha512)
                    || !"SCRAM-SHA-512".equals(client.get("KAFKA_SASL_MECHANISM"))) {
                fail("Kafka %s listener %s (tls %s, %s) does not match the clients' %s with %s", name(kafka),
                        listener.get().getName(), listener.get().isTls(), listener.get().getAuth(),
                        client.get("KAFKA_SECURITY_PROTOCOL"), client.get("KAFKA_SASL_MECHANISM"));
            }
        }
        if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
            fail("Kafka %s does not authorize with ACLs (authorization: simple)", name(kafka));
        }
        List<KafkaNodePool> pools = m.all(KafkaNodePool.class).stream()
                .filter(p -> name(kafka).equals(label(p.getMetadata().getLabels(), "strimzi.io/cluster"))).toList();
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        if (brokers == 0 || controllers == 0) {
            fail("Kafka %s needs node pools with brokers and controllers (found %d and %d)", name(kafka), brokers,
                    controllers);
        }
        boolean redundant = brokers >= 3 && controllers >= 3;
        for (KafkaTopic t : m.all(KafkaTopic.class)) {
            if (!name(kafka).equals(label(t.getMetadata().getLabels(), "strimzi.io/cluster"))) {
                fail("KafkaTopic %s does not belong to Kafka %s (label strimzi.io/cluster)", name(t), name(kafka));
            }
            int replicas = t.getSpec().getReplicas();
            if (replicas > brokers) {
                fail("KafkaTopic %s wants %d replicas of %d brokers", name(t), replicas, brokers);
            }
            Object minInSync = t.getSpec().getConfig().getOrDefault("min.insync.replicas", 1);
            int minIsr = Integer.parseInt(String.valueOf(minInSync));
            if (replicas >= 3 && minIsr != replicas - 1) {
                fail("KafkaTopic %s: min.insync.replicas is %d with %d replicas (want %d)", name(t), minIsr, replicas,
                        replicas - 1);
            }
            redundant &= replicas >= 3;
        }
        if (!redundant && !notForProduction(kafka.getMetadata().getAnnotations())) {
            fail("Kafka %s runs %d brokers and %d controllers with topics of fewer than 3 replicas, but is not "
                    + "marked %s", name(kafka), brokers, controllers, NOT_FOR_PRODUCTION);
        }
        if (redundant && notForProduction(kafka.getMetadata().getAnnotations())) {
            fail("Kafka %s is marked %s but is redundant", name(kafka), NOT_FOR_PRODUCTION);
        }
        Optional<KafkaTopic> events = m.find(KafkaTopic.class, EVENTS_TOPIC);
        if (events.isEmpty()) {
            fail("no KafkaTopic %s", EVENTS_TOPIC);
        } else if (!String.valueOf(events.get().getSpec().getConfig().get("retention.ms")).equals("-1")) {
            fail("KafkaTopic %s is not kept forever (retention.ms %s)", EVENTS_TOPIC,
                    events.get().getSpec().getConfig().get("retention.ms"));
        }
        for (Deployment d : m.all(Deployment.class)) {
            EnvVar jaas = container(d).getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .findFirst().orElse(null);
            if (jaas == null || jaas.getValueFrom() == null || jaas.getValueFrom().getSecretKeyRef() == null) {
                fail("Deployment %s has no Kafka login (KAFKA_SASL_JAAS_CONFIG from its KafkaUser's Secret)", name(d));
                continue;
            }
            String user = jaas.getValueFrom().getSecretKeyRef().getName();
            if (!user.equals(name(d))) {
                fail("Deployment %s logs in to Kafka as %s, not as itself", name(d), user);
            }
            Optional<KafkaUser> u = m.find(KafkaUser.class, user);
            if (u.isPresent() && (!name(kafka).equals(label(u.get().getMetadata().getLabels(), "strimzi.io/cluster"))
                    || !(u.get().getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication))) {
                fail("KafkaUser %s is not a SCRAM-SHA-512 user of Kafka %s", user, name(kafka));
            }
        }
    }

    // ---- the database ----

    private void database() {
        String url = m.find(ConfigMap.class, "database").map(c -> c.getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                .orElse("");
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw(?:\\.[a-z0-9.-]+)?:5432/([a-z0-9_]+)")
                .matcher(url);
        if (!jdbc.matches()) {
            fail("QUARKUS_DATASOURCE_JDBC_URL '%s' is not the read-write Service of a CloudNativePG cluster", url);
            return;
        }
        Optional<GenericKubernetesResource> found = m.generic("Cluster").stream()
                .filter(c -> name(c).equals(jdbc.group(1))).findFirst();
        if (found.isEmpty()) {
            fail("no CloudNativePG Cluster %s, which QUARKUS_DATASOURCE_JDBC_URL names", jdbc.group(1));
            return;
        }
        GenericKubernetesResource cluster = found.get();
        String database = jdbc.group(2);
        if (!database.equals(cluster.get("spec", "bootstrap", "initdb", "database"))) {
            fail("Cluster %s creates database %s, not %s", name(cluster),
                    cluster.get("spec", "bootstrap", "initdb", "database"), database);
        }
        Object instances = cluster.get("spec", "instances");
        boolean marked = notForProduction(cluster.getMetadata().getAnnotations());
        if (!(instances instanceof Number n) || (n.intValue() < 3 && !marked)) {
            fail("Cluster %s runs %s instances but is not marked %s", name(cluster), instances, NOT_FOR_PRODUCTION);
        }
        Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
        for (Object r : Kustomize.list(cluster.get("spec", "managed", "roles"))) {
            Map<String, Object> role = Kustomize.map(r);
            roles.put((String) role.get("name"), role);
        }
        Map<String, Set<String>> secrets = secretKeys();
        for (String service : SERVICES) {
            String schema = ServiceConfig.of(service)
                    .value("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema").orElse("?");
            String roleName = database + "_" + schema;
            Map<String, Object> role = roles.get(roleName);
            if (role == null) {
                fail("Cluster %s manages no role %s for %s", name(cluster), roleName, service);
                continue;
            }
            String secretName = role.get("passwordSecret") instanceof Map<?, ?> p ? String.valueOf(p.get("name"))
                    : null;
            Optional<Secret> secret = m.find(Secret.class, String.valueOf(secretName));
            if (secret.isEmpty() || !"kubernetes.io/basic-auth".equals(secret.get().getType())
                    || !roleName.equals(stringValue(secret.get(), "username"))
                    || !secrets.get(secretName).contains("password")) {
                fail("role %s: its passwordSecret %s must be a basic-auth Secret with username %s and a password",
                        roleName, secretName, roleName);
            }
            m.find(Deployment.class, service).ifPresent(d -> container(d).getEnv().stream()
                    .filter(e -> List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")
                            .contains(e.getName()))
                    .filter(e -> e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null
                            || !e.getValueFrom().getSecretKeyRef().getName().equals(secretName))
                    .forEach(e -> fail("Deployment %s: %s does not come from %s, the Secret of role %s", service,
                            e.getName(), secretName, roleName)));
        }
    }

    private static String stringValue(Secret s, String key) {
        if (s.getStringData() != null && s.getStringData().containsKey(key)) {
            return s.getStringData().get(key);
        }
        String encoded = s.getData() == null ? null : s.getData().get(key);
        return encoded == null ? null : new String(java.util.Base64.getDecoder().decode(encoded));
    }

    // ---- network policies ----

    private void networkPolicies() {
        String kafka = m.all(Kafka.class).stream().map(ManifestChecks::name).findFirst().orElse("?");
        Set<Integer> kafkaPorts = new TreeSet<>();
        m.all(Kafka.class).forEach(k -> k.getSpec().getKafka().getListeners()
                .forEach(l -> kafkaPorts.add(l.getPort())));
        String cluster = m.generic("Cluster").stream().map(ManifestChecks::name).findFirst().orElse("?");
        for (Deployment d : m.all(Deployment.class)) {
            List<NetworkPolicy> policies = m.all(NetworkPolicy.class).stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), podLabels(d))).toList();
            if (policies.isEmpty()) {
                fail("no NetworkPolicy selects the pods of %s", name(d));
                continue;
            }
            Set<Integer> ports = new TreeSet<>();
            container(d).getPorts().forEach(p -> ports.add(p.getContainerPort()));
            for (NetworkPolicy p : policies) {
                if (!p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))) {
                    fail("NetworkPolicy %s does not restrict both ingress and egress of %s", name(p), name(d));
                }
                for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    if (rule.getPorts().isEmpty() || rule.getPorts().stream().anyMatch(port -> !ports.contains(
                            resolve(port.getPort(), container(d))))) {
                        fail("NetworkPolicy %s lets %s receive on ports other than %s", name(p), name(d), ports);
                    }
                }
                for (NetworkPolicyEgressRule rule : p.getSpec().getEgress()) {
                    if (rule.getTo().isEmpty() || !rule.getTo().stream()
                            .allMatch(to -> allowedPeer(to, rule.getPorts(), kafka, kafkaPorts, cluster))) {
                        fail("NetworkPolicy %s lets %s reach %s on %s: only the brokers of Kafka %s, the instances of "
                                + "Cluster %s and the cluster DNS are allowed", name(p), name(d),
                                rule.getTo().stream().map(ClusterChecks::describe).toList(),
                                portNumbers(rule.getPorts()), kafka, cluster);
                    }
                }
            }
        }
    }

    private static boolean allowedPeer(NetworkPolicyPeer to, List<NetworkPolicyPort> ports, String kafka,
                                       Set<Integer> kafkaPorts, String cluster) {
        if (to.getIpBlock() != null || to.getPodSelector() == null) {
            return false;
        }
        Map<String, String> labels = Optional.ofNullable(to.getPodSelector().getMatchLabels()).orElse(Map.of());
        Set<Integer> numbers = portNumbers(ports);
        if (numbers.isEmpty()) {
            return false;
        }
        if (to.getNamespaceSelector() == null) {
            if (kafka.equals(labels.get("strimzi.io/cluster")) && "Kafka".equals(labels.get("strimzi.io/kind"))) {
                return kafkaPorts.containsAll(numbers);
            }
            if (cluster.equals(labels.get("cnpg.io/cluster"))) {
                return Set.of(5432).containsAll(numbers);
            }
            return false;
        }
        Map<String, String> namespace = Optional.ofNullable(to.getNamespaceSelector().getMatchLabels())
                .orElse(Map.of());
        return "kube-system".equals(namespace.get("kubernetes.io/metadata.name"))
                && "kube-dns".equals(labels.get("k8s-app"))
                && Set.of(53).containsAll(numbers);
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ipBlock " + peer.getIpBlock().getCidr();
        }
        String namespaces = peer.getNamespaceSelector() == null ? ""
                : "namespaces " + peer.getNamespaceSelector().getMatchLabels() + " ";
        return namespaces + "pods " + (peer.getPodSelector() == null ? "(any)"
                : peer.getPodSelector().getMatchLabels());
    }

    private static Set<Integer> portNumbers(List<NetworkPolicyPort> ports) {
        Set<Integer> numbers = new TreeSet<>();
        for (NetworkPolicyPort p : ports) {
            // A named port or none at all (every port) is never one of the allowed numbers.
            numbers.add(p.getPort() == null || p.getPort().getIntVal() == null ? -1 : p.getPort().getIntVal());
        }
        return numbers;
    }
}
